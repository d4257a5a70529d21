#!/usr/bin/env bash
# RelationalNeuro developer entry point.
#   ./build.sh test      build (warnings are errors), pack, and run every test: unit, bUnit, packaging,
#                        AOT smoke, and the real-browser tests in Chromium (installed with apt where possible)
#   ./build.sh gallery   run the gallery app on http://localhost:5029
#   ./build.sh fuzz      the fuzz suite alone, longer (RELATIONALNEURO_FUZZ_SECONDS, default 600; _SEED to vary the run)
#   ./build.sh rn-aot    publish the rn tool with Native AOT (every trim/AOT warning an error; ~2 min of CPU) to
#                        artifacts/rn-aot and check it: one 24-h recording to JSON Lines and to Parquet, resumed;
#                        RN_ISA=x86-64-v3 ./build.sh rn-aot compiles for AVX2 processors (faster; refuses older ones)
# Ends (for `test`) with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$PWD

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIG=${CONFIG:-Release}
SLN=RelationalNeuro.sln
start=$SECONDS
phase() { echo "::phase $1 (t+$((SECONDS - start))s)"; }

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then CHROMIUM_PATH=$(command -v "$candidate"); export CHROMIUM_PATH; return; fi
  done
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    CHROMIUM_PATH=$(command -v chromium); export CHROMIUM_PATH
    return
  fi
  echo "error: the browser tests need Chromium and this machine has no apt-get to install it." >&2
  echo "       Install Chromium or Chrome, then run: CHROMIUM_PATH=/path/to/chromium ./build.sh test" >&2
  exit 1
}

ensure_slurm() {
  # The rn Slurm array test (tests/RelationalNeuro.Cli.Tests) starts a one-node cluster from Debian's packages.
  # Where apt-get or root is missing the test skips itself and prints why.
  if command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 \
    && command -v munged >/dev/null 2>&1; then return; fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null 2>&1 && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
    echo "Installing Slurm and munge for the rn array test (apt-get install slurmctld slurmd slurm-client munge)..."
    $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
      slurmctld slurmd slurm-client munge >/dev/null
  fi
}

run_tests() {
  # A failure before the tests still ends with a parsable line.
  trap 'rc=$?; echo "0 passed, 1 failed"; exit $rc' ERR

  phase chromium
  ensure_chromium
  phase slurm
  ensure_slurm
  if [ -z "${RELATIONALNEURO_SHARED:-}" ] && [ -d "$root/../shared" ]; then
    RELATIONALNEURO_SHARED=$(cd "$root/../shared" && pwd); export RELATIONALNEURO_SHARED
  fi

  phase restore
  dotnet restore "$SLN"
  phase build
  dotnet build "$SLN" -c "$CONFIG" --no-restore
  phase pack
  rm -rf artifacts/packages
  dotnet pack src/RelationalNeuro.Core -c "$CONFIG" --no-build -o artifacts/packages
  dotnet pack src/RelationalNeuro.Components -c "$CONFIG" --no-build -o artifacts/packages
  dotnet pack src/RelationalNeuro.Storage.Sqlite -c "$CONFIG" --no-build -o artifacts/packages
  dotnet pack src/RelationalNeuro.Cli -c "$CONFIG" --no-build -o artifacts/packages
  RELATIONALNEURO_PACKAGES="$root/artifacts/packages"; export RELATIONALNEURO_PACKAGES

  phase aot
  # Core claims Native AOT: publish a console app that calls it (trim/AOT warnings are errors) and run it.
  rm -rf artifacts/aot
  dotnet publish samples/RelationalNeuro.AotSmoke -c Release --use-current-runtime -o artifacts/aot
  local expected actual
  expected=$(cat samples/RelationalNeuro.AotSmoke/expected-output.txt)
  actual=$(artifacts/aot/RelationalNeuro.AotSmoke)
  if [ "$actual" != "$expected" ]; then
    echo "error: the Native AOT smoke app printed something else than samples/RelationalNeuro.AotSmoke/expected-output.txt:" >&2
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    false
  fi

  phase test
  trap - ERR
  local log rc
  log=$(mktemp)
  set +e
  rm -rf artifacts/test-results
  dotnet test "$SLN" -c "$CONFIG" --no-build --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger trx --results-directory "$root/artifacts/test-results" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  phase done
  # The console logger only counts skips; list each with its reason (from the TRX files).
  dotnet run eng/print-skips.cs -- artifacts/test-results || echo "(could not list the skipped tests)"

  # VSTest prints one line per test assembly: "Passed!  - Failed:     0, Passed:     3, Skipped:     0, ..."
  sum() {
    awk -v k="$1" '/^(Passed|Failed)! +- Failed:/ && match($0, k ": +[0-9]+") {
      n = substr($0, RSTART, RLENGTH); sub(/^[^0-9]+/, "", n); s += n } END { print s + 0 }' "$log"
  }
  local passed failed skipped assemblies
  passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
  assemblies=$(grep -cE '^(Passed|Failed)! +- Failed:' "$log" || true)
  rm -f "$log"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # crash or build error with no summary line
  if [ "$passed" -eq 0 ]; then echo "error: no test ran" >&2; rc=1; fi
  if [ "$assemblies" -lt 5 ]; then echo "error: only $assemblies test assemblies reported" >&2; rc=1; fi
  echo "$passed passed, $failed failed, $skipped skipped"
  return "$rc"
}

publish_rn_aot() {
  # Opt-in (not part of `test`: the AOT compile alone takes minutes). docs/cli.md, "Native AOT".
  rm -rf artifacts/rn-aot artifacts/rn-aot-check
  local isa=()
  if [ -n "${RN_ISA:-}" ]; then isa=("-p:IlcInstructionSet=$RN_ISA"); fi
  dotnet publish src/RelationalNeuro.Cli -c Release -r linux-x64 -p:PublishAot=true "${isa[@]}" -o artifacts/rn-aot
  local shared=${RELATIONALNEURO_SHARED:-$root/../shared} out=artifacts/rn-aot-check input
  input="$shared/reference/hrv/data/nsr2db_nsr001_24h.rr_ms.txt"
  if [ ! -f "$input" ]; then echo "rn-aot: published; not run, because $input is absent"; return; fi
  mkdir -p "$out"
  artifacts/rn-aot/rn hrv analyze "$input" -o "$out/one.jsonl" --jobs 1 --progress none
  grep -q '"sdnn_ms":' "$out/one.jsonl"
  artifacts/rn-aot/rn hrv analyze "$input" -o "$out/one.parquet" --jobs 1 --progress none
  artifacts/rn-aot/rn hrv analyze "$input" -o "$out/one.parquet" --jobs 1 --progress none --resume
  echo "rn-aot: artifacts/rn-aot/rn analysed $input to JSON Lines and Parquet and resumed the Parquet file"
}

case "${1:-}" in
  test) run_tests ;;
  rn-aot) publish_rn_aot ;;
  gallery) exec dotnet run --project samples/RelationalNeuro.Gallery --launch-profile http ;;
  fuzz)
    dotnet build tests/RelationalNeuro.Core.Tests -c "$CONFIG"
    RELATIONALNEURO_FUZZ_SECONDS=${RELATIONALNEURO_FUZZ_SECONDS:-600} dotnet test tests/RelationalNeuro.Core.Tests -c "$CONFIG" --no-build \
      --filter "FullyQualifiedName~Hardening.FuzzTests" --logger "console;verbosity=detailed" ;;
  *) echo "usage: ./build.sh test | gallery | fuzz | rn-aot" >&2; exit 2 ;;
esac
