#!/usr/bin/env bash
# The side-by-side run behind docs/performance.md, "Side by side with NeuroKit2 and hrv-analysis" (issue 20 item 5).
#
#   eng/peer-comparison/compare.sh OUT_DIR RR_FILE...        (RR files: ms, one value per line)
#
# Needs
#   RN         the rn executable to time as a whole process, e.g. the Native AOT publish:
#              dotnet publish src/RelationalNeuro.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/rn-aot
#   PEERS      a colon-separated PYTHONPATH holding the peers' source snapshots, never vendored into this repository:
#              neuropsychology/NeuroKit@c6b8e938 (NeuroKit2 0.2.12; the folder that holds neurokit2/),
#              Aura-healthcare/hrv-analysis@316b646 (1.0.5), CSchoel/nolds@b91761c (0.6.1) — the commits of
#              ../shared/reference/hrv (its JSONs' environment.peer_sources)
#   Debian 12's python3-numpy python3-scipy python3-pandas python3-sklearn python3-astropy python3-pywt
#              python3-matplotlib python3-future python3-requests; hyperfine; /usr/bin/time
#   RN_ARGS    extra rn arguments (default "--jobs 1": one core; "" lets rn use idle cores for the one file)
#   PHASES     which parts to run (default "rn ours neurokit2 hrvanalysis"); RUNS rn repetitions (default 20),
#              PEER_RUNS peer repetitions (default 1 for NeuroKit2, 3 for hrv-analysis)
# Every timing is also taken as CPU time (user + sys): on a shared machine that is the comparable figure.
set -euo pipefail
out=$1; shift
mkdir -p "$out"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
phases=${PHASES:-rn ours neurokit2 hrvanalysis}
uptime > "$out/load-start.txt"

for phase in $phases; do
  case $phase in
    rn)
      for f in "$@"; do
        id=$(basename "$f" .rr_ms.txt)
        hyperfine -N -w 2 -r "${RUNS:-20}" --export-json "$out/rn-$id.hyperfine.json" \
          "$RN hrv analyze $f -o $out/rn-$id.jsonl --overwrite ${RN_ARGS---jobs 1} --progress none" >/dev/null
        /usr/bin/time -f '%e %U %S %M' -o "$out/rn-$id.time" \
          "$RN" hrv analyze "$f" -o "$out/rn-$id.jsonl" --overwrite ${RN_ARGS---jobs 1} --progress none 2>/dev/null
      done ;;
    ours)
      dotnet run -c Release "$here/stages.cs" -- stages "$@" > "$out/ours-stages.tsv" 2> "$out/ours-stages.err" ;;
    neurokit2|hrvanalysis)
      runs=${PEER_RUNS:-$([ "$phase" = neurokit2 ] && echo 1 || echo 3)}
      for f in "$@"; do
        id=$(basename "$f" .rr_ms.txt)
        for r in $(seq 1 "$runs"); do
          # One core for BLAS (the library runs one recording per core); OPENBLAS_CORETYPE/L2_SIZE unset for numpy's fastest kernel.
          env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONPATH="$PEERS" \
            /usr/bin/time -f '%e %U %S %M' -o "$out/$phase-$id-$r.time" \
            /usr/bin/python3 "$here/peers.py" "$phase" "$f" "$out/$phase-$id-$r.json" > /dev/null 2>&1
        done
      done ;;
    *) echo "unknown phase $phase" >&2; exit 2 ;;
  esac
done
uptime > "$out/load-end.txt"
python3 "$here/summarize.py" "$out"
