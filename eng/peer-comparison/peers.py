#!/usr/bin/env python3
"""One whole-process run of a peer HRV pipeline on one RR file (ms, one value per line), timed stage by stage.

    peers.py neurokit2|hrvanalysis RR_FILE OUT_JSON [--sampen]

Imports the peer from the source snapshots named on PYTHONPATH (see compare.sh); nothing of theirs is copied here.
Writes OUT_JSON: per stage wall and CPU seconds (time.perf_counter, time.process_time), the stage's main values
(so a reader can check the stages computed the same things), import time and the process's peak RSS (ru_maxrss).
Stages and the definitions used are listed in docs/performance.md ("Side by side with NeuroKit2 and hrv-analysis").
"""
import json
import resource
import sys
import time

T0_WALL, T0_CPU = time.perf_counter(), time.process_time()
peer, rr_file, out_file = sys.argv[1], sys.argv[2], sys.argv[3]
run_sampen = "--sampen" in sys.argv[4:]
stages = []


def stage(name, call):
    w, c = time.perf_counter(), time.process_time()
    value = call()
    stages.append({"stage": name, "wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c})
    return value


import numpy as np  # noqa: E402

if peer == "neurokit2":
    import neurokit2 as nk
    from neurokit2.hrv.hrv_nonlinear import _hrv_nonlinear_poincare
elif peer == "hrvanalysis":
    import hrvanalysis as hrva
else:
    sys.exit(f"unknown peer {peer}")
import_wall, import_cpu = time.perf_counter() - T0_WALL, time.process_time() - T0_CPU

rr = stage("read", lambda: np.loadtxt(rr_file))
values = {"input_count": int(rr.size)}


def f(x):
    return float(np.asarray(x).ravel()[0])


if peer == "neurokit2":
    # Artifacts: Lipponen & Tarvainen (NeuroKit2's "Kubios"), one pass = RelationalNeuro's default detector.
    # Peaks in samples of a 1000-Hz clock (NeuroKit2's own input form); the corrected peaks give the NN series.
    peaks = np.concatenate([[0], np.cumsum(rr)]).round().astype(np.int64)
    _, clean = stage("artifacts", lambda: nk.signal_fixpeaks(peaks, sampling_rate=1000, iterative=False, method="Kubios"))
    nn = np.diff(np.asarray(clean)).astype(float)
    series = {"RRI": nn, "RRI_Time": np.cumsum(nn) / 1000.0}
    td = stage("time_domain", lambda: nk.hrv_time(series))
    pc = stage("poincare", lambda: _hrv_nonlinear_poincare(nn, out={}))
    fd4 = stage("welch_4hz", lambda: nk.hrv_frequency(series, psd_method="welch", normalize=False, interpolation_rate=4))
    fd100 = stage("welch_default_100hz", lambda: nk.hrv_frequency(series, psd_method="welch", normalize=False))
    tol = 0.2 * np.std(nn, ddof=1)
    se = stage("sampen", lambda: nk.entropy_sample(nn, delay=1, dimension=2, tolerance=tol))
    ae = stage("apen", lambda: nk.entropy_approximate(nn, delay=1, dimension=2, tolerance=tol))
    # DFA like RelationalNeuro's default: every integer scale 4..16 and 16..64, non-overlapping windows.
    a1 = stage("dfa_alpha1_4_16", lambda: nk.fractal_dfa(nn, scale=np.arange(4, 17), overlap=False))
    a2 = stage("dfa_alpha2_16_64", lambda: nk.fractal_dfa(nn, scale=np.arange(16, 65), overlap=False))
    values.update(nn_count=int(nn.size), sdnn_ms=f(td["HRV_SDNN"]), rmssd_ms=f(td["HRV_RMSSD"]), sd1_ms=pc["SD1"],
                  lf_ms2_4hz=f(fd4["HRV_LF"]), hf_ms2_4hz=f(fd4["HRV_HF"]), lf_ms2_100hz=f(fd100["HRV_LF"]),
                  sampen=float(se[0]), apen=float(ae[0]), dfa_alpha1=float(a1[0]), dfa_alpha2=float(a2[0]))
else:
    # Artifacts: hrv-analysis' documented pipeline: range 300-2000 ms, Malik ectopic rule, linear interpolation.
    nn = stage("artifacts", lambda: np.asarray(hrva.get_nn_intervals(
        list(rr), low_rri=300, high_rri=2000, interpolation_method="linear",
        ectopic_beats_removal_method="malik", verbose=False), dtype=float))
    nn = nn[~np.isnan(nn)]
    td = stage("time_domain", lambda: hrva.get_time_domain_features(list(nn)))
    pc = stage("poincare", lambda: hrva.get_poincare_plot_features(list(nn)))
    fd = stage("welch_4hz", lambda: hrva.get_frequency_domain_features(list(nn), method="welch", sampling_frequency=4))
    values.update(nn_count=int(nn.size), sdnn_ms=td["sdnn"], rmssd_ms=td["rmssd"], sd1_ms=pc["sd1"],
                  lf_ms2_4hz=fd["lf"], hf_ms2_4hz=fd["hf"])
    if run_sampen:
        se = stage("sampen", lambda: hrva.get_sampen(list(nn)))
        values.update(sampen=se["sampen"])


def report():
    return json.dumps({"peer": peer, "file": rr_file, "values": values, "stages": stages}, indent=1, default=float)


text = stage("write_json", report)
with open(out_file, "w", encoding="utf-8") as handle:
    handle.write(text)
    handle.write("\n")
summary = {"import_wall_s": import_wall, "import_cpu_s": import_cpu,
           "process_wall_s": time.perf_counter() - T0_WALL, "process_cpu_s": time.process_time() - T0_CPU,
           "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}
with open(out_file, "r+", encoding="utf-8") as handle:
    data = json.load(handle)
    data.update(summary)
    handle.seek(0)
    json.dump(data, handle, indent=1)
    handle.truncate()
