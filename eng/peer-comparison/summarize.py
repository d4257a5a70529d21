#!/usr/bin/env python3
"""Markdown tables from compare.sh's output folder(s): whole process per recording, then CPU per stage summed over the
recordings. Usage: summarize.py OUT_DIR [OUT_DIR...] (folders of one run may be split, e.g. one per phase)."""
import csv
import glob
import json
import os
import statistics
import sys

dirs = sys.argv[1:]


def files(pattern):
    return sorted(p for d in dirs for p in glob.glob(os.path.join(d, pattern)))


def time_file(path):
    wall, user, sys_, rss_kb = open(path).read().split()[:4]
    return float(wall), float(user) + float(sys_), int(rss_kb) / 1024.0


ids, beats = [], {}
rn = {}
for path in files("rn-*.hyperfine.json"):
    rid = os.path.basename(path)[3:-len(".hyperfine.json")]
    try:
        result = json.load(open(path))["results"][0]
        _, _, rss = time_file(path.replace(".hyperfine.json", ".time"))
    except (ValueError, OSError):  # a part still running
        continue
    rn[rid] = {"cpu": result["user"] + result["system"], "wall": result["mean"], "wall_min": min(result["times"]),
               "runs": len(result["times"]), "rss": rss}
    ids.append(rid)

peers = {}
for peer in ("neurokit2", "hrvanalysis"):
    for path in files(f"{peer}-*-[0-9].json"):
        rid = os.path.basename(path)[len(peer) + 1:].rsplit("-", 1)[0]
        try:
            data = json.load(open(path))
            _, cpu, rss = time_file(path[:-5] + ".time")
        except (ValueError, OSError):  # a run still going
            continue
        entry = peers.setdefault((peer, rid), {"cpu": [], "wall": [], "rss": [], "import": [], "stages": {}})
        entry["cpu"].append(cpu)
        entry["wall"].append(time_file(path[:-5] + ".time")[0])
        entry["rss"].append(rss)
        entry["import"].append(data["import_cpu_s"])
        beats[rid] = data["values"]["input_count"]
        for s in data["stages"]:
            entry["stages"].setdefault(s["stage"], []).append(s["cpu_s"])
        if rid not in ids:
            ids.append(rid)

ours = {}
for path in files("ours-stages.tsv"):
    for row in csv.DictReader(open(path), delimiter="\t"):
        rid = row["file"].replace(".rr_ms.txt", "")
        beats[rid] = int(row["beats"])
        stage = row["stage"].replace("Malik + range", "Malik")  # the label of a first version of stages.cs
        ours[(rid, stage)] = (float(row["cold_cpu_ms"]) / 1000, float(row["warm_cpu_ms"]) / 1000)


def med(values):
    return statistics.median(values) if values else None


def fmt(x, unit="s"):
    if x is None:
        return "—"
    return f"{x * 1000:.0f} ms" if unit == "s" and x < 10 else f"{x:.1f} {unit}" if unit != "s" else f"{x:.1f} s"


def ratio(peer, ours, digits):
    if not peer or not ours:
        return "—"
    r = peer / ours
    return f"{r:,.{0 if r >= 10 else 1 if r >= 1 else 2}f}×"


def fmt_ms(x):
    return "—" if x is None else f"{x * 1000:.1f} ms"


print("| recording | beats | rn CPU (user+sys, mean of runs) | rn wall (mean / min) | rn peak RSS | NeuroKit2 CPU | "
      "NeuroKit2 peak RSS | hrv-analysis CPU | hrv-analysis peak RSS | NeuroKit2 ÷ rn | hrv-analysis ÷ rn | "
      "NeuroKit2 ÷ rn, wall | hrv-analysis ÷ rn, wall |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for rid in ids:
    r = rn.get(rid)
    nk = peers.get(("neurokit2", rid))
    hv = peers.get(("hrvanalysis", rid))
    nk_cpu = med(nk["cpu"]) if nk else None
    hv_cpu = med(hv["cpu"]) if hv else None
    print(f"| {rid} | {beats.get(rid, 0):,} | {fmt(r and r['cpu'])} ({r and r['runs']} runs) | "
          f"{fmt(r and r['wall'])} / {fmt(r and r['wall_min'])} | {fmt(r and r['rss'], 'MiB')} | {fmt(nk_cpu)} | "
          f"{fmt(nk and max(nk['rss']), 'MiB')} | {fmt(hv_cpu)} | {fmt(hv and max(hv['rss']), 'MiB')} | "
          f"{ratio(nk_cpu, r and r['cpu'], 0)} | {ratio(hv_cpu, r and r['cpu'], 1)} | "
          f"{ratio(nk and med(nk['wall']), r and r['wall'], 0)} | {ratio(hv and med(hv['wall']), r and r['wall'], 1)} |")

print()
stage_map = [
    ("read", "read (RrReader, single column)", "read", "read"),
    ("artifacts, L&T one pass (NeuroKit2 Kubios)", "artifacts (default: L&T + range, corrected)", "artifacts", None),
    ("artifacts, Malik (hrv-analysis: 300–2000 ms range first)", "artifacts (Malik, corrected)", None, "artifacts"),
    ("time domain", "time domain", "time_domain", "time_domain"),
    ("Poincaré", "poincare", "poincare", "poincare"),
    ("Welch, 4 Hz (ours: cubic, 256 s; NeuroKit2 interpolation_rate=4)", "welch (default: 4 Hz cubic, 256-s Hann)", "welch_4hz", None),
    ("Welch, NeuroKit2 default 100 Hz (ours: 4 Hz)", "welch (default: 4 Hz cubic, 256-s Hann)", "welch_default_100hz", None),
    ("Welch, 4 Hz linear (ours HrvAnalysisWelch preset)", "welch (HrvAnalysisWelch: 4 Hz linear, 64-s Hann)", None, "welch_4hz"),
    ("SampEn m = 2, r = 0.2 SD", "sampen m=2 r=0.2SD", "sampen", "sampen"),
    ("ApEn m = 2, r = 0.2 SD", "apen m=2 r=0.2SD", "apen", None),
    ("DFA α1 4–16 + α2 16–64, non-overlapping", "dfa a1 4-16 + a2 16-64", "dfa", None),
    ("write the report JSON (ours: HrvReport.ToJson)", "HrvReport.ToJson", None, None),
    ("ours: HrvAnalysis.Analyze, every stage in one call", "HrvAnalysis.Analyze (all stages)", None, None),
]
for rid in ids:
    print(f"CPU per stage, {rid} ({beats.get(rid, 0):,} beats); ours: median of 11 warm calls (after 30 untimed ones) in one JIT process "
          "(first calls: stages.cs cold); the peers: one call each, median over their runs:")
    print()
    print("| stage | ours | NeuroKit2 | NeuroKit2 ÷ ours | hrv-analysis | hrv-analysis ÷ ours |")
    print("|---|---:|---:|---:|---:|---:|")
    sums = []
    for label, our_name, nk_name, hv_name in stage_map:
        warm = ours.get((rid, our_name), (0, None))[1]

        def peer_stage(peer, name):
            entry = peers.get((peer, rid))
            if name is None or not entry:
                return None
            names = ("dfa_alpha1_4_16", "dfa_alpha2_16_64") if name == "dfa" else (name,)
            parts = [med(entry["stages"].get(n, [])) for n in names]
            return None if None in parts else sum(parts)

        nk_s = peer_stage("neurokit2", nk_name)
        hv_s = peer_stage("hrvanalysis", hv_name)
        print(f"| {label} | {'—' if warm is None else f'{warm * 1000:.1f} ms'} | {fmt(nk_s)} | {ratio(nk_s, warm, 0)} | "
              f"{fmt(hv_s)} | {ratio(hv_s, warm, 1)} |")
        if label.startswith("artifacts, L&T") or label.startswith("time domain") or label == "Poincaré" \
                or label.startswith("Welch, 4 Hz (") or label.startswith("SampEn") or label.startswith("ApEn") or label.startswith("DFA"):
            sums.append((warm, nk_s))
    # Issue 20 item 6's in-process figure: NeuroKit2's stages (artifacts, time domain, Poincaré, Welch at 4 Hz, SampEn,
    # ApEn, DFA) summed, against ours summed over the same stages (ours: each stage's median warm call).
    if sums and all(o is not None and p is not None for o, p in sums):
        our_sum, nk_sum = sum(o for o, _ in sums), sum(p for _, p in sums)
        print(f"| **sum of NeuroKit2's stages** (artifacts, time domain, Poincaré, Welch 4 Hz, SampEn, ApEn, DFA) | "
              f"{our_sum * 1000:.1f} ms | {fmt(nk_sum)} | {ratio(nk_sum, our_sum, 0)} | — | — |")
    print()
