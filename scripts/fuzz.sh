#!/usr/bin/env bash
# Builds the libFuzzer harnesses (CMake preset `fuzz`: clang, ASan+UBSan, into build/fuzz) and runs each for
# SECONDS (default 60), one per core at a time, with leak detection, a per-input timeout and a memory limit.
# Prints the executions per harness; exits non-zero when any harness finds a crash, leak, timeout or OOM,
# leaving the input in build/fuzz/crashes/ and the log in build/fuzz/logs/.
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (harness names as in fuzz/README.md; default all)
# The real files are read from ../shared/data, or from $MAMORI_SHARED_DATA (e.g. in a git worktree elsewhere).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))

data=${MAMORI_SHARED_DATA:-../shared/data}
# Every harness in fuzz/ (one <name>.cpp each), so a new one is never left out.
harnesses=()
for source in fuzz/*.cpp; do harnesses+=("$(basename "$source" .cpp)"); done
(($#)) && harnesses=("$@")

. scripts/compiler-cache.sh
if [ ! -f build/fuzz/build.ninja ]; then
  cmake --preset fuzz >/dev/null || exit 1
fi
cmake --build --preset fuzz || exit 1

# seeds: the directories beside the repository's seeds (fuzz/corpus/<harness>) that a harness starts from,
# read in place: test fixtures, the catalog, and the real files of $data when that folder exists.
seeds() {
  case $1 in
    json_body) echo "$data/sbom" "$data/inventory/glpi" "$data/nvd/schema" ;;
    csv_reader) echo tests/fixtures/facilities "$data/jp_codes" ;;
    facility_file) echo tests/fixtures/facilities ;;
    municipality_file) echo tests/fixtures/facilities "$data/jp_codes" ;;
    catalog_bundle) echo tests/fixtures/catalog catalog ;;
    xml_cursor) echo "$data/nmap" "$data/jvn" ;;
    role_sharing_table | survey_indicators) echo reference ;;  # the shipped data files, read in place
    survey_questionnaire) echo reference/surveys ;;
  esac
}

dictionary() {
  case $1 in
    json_body | json_exchange | catalog_bundle | backup_manifest | inspection_record_file | role_sharing_table | survey_indicators | survey_questionnaire | survey_answers) echo fuzz/dict/json.dict ;;
    xlsx_reader | xlsx_parts | plan_xlsx | xml_cursor) echo fuzz/dict/xml.dict ;;
    http_request) echo fuzz/dict/http.dict ;;
    csv_reader | facility_file | municipality_file | plan_file) echo fuzz/dict/csv.dict ;;
  esac
}

# Catalog editions are up to ~0.2 MiB; every other input is read whole within 64 KiB (longer seeds are cut);
# the CSV reader's limits are made small, so short inputs reach them and run fast.
max_len() {
  case $1 in
    catalog_bundle) echo 262144 ;;
    csv_reader) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

mkdir -p build/fuzz/crashes build/fuzz/logs
[ -d "$data" ] || echo "fuzz: $data is absent: the real files are not used as seeds"
# run_harness <name>: runs one harness, prints its line, and exits non-zero on a finding.
run_harness() {
  local name=$1 binary=build/fuzz/fuzz/fuzz_$1
  if [ ! -x "$binary" ]; then
    echo "fuzz: no harness $name ($binary)" >&2
    return 1
  fi
  local corpora=("build/fuzz/corpus/$name" "fuzz/corpus/$name")  # new inputs go to the first, outside git
  mkdir -p "${corpora[0]}"
  for dir in $(seeds "$name"); do
    [ -d "$dir" ] && corpora+=("$dir")
  done
  local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048
    -max_len="$(max_len "$name")" -detect_leaks=1 -print_final_stats=1
    -artifact_prefix="build/fuzz/crashes/$name-")
  local dict
  dict=$(dictionary "$name")
  [ -n "$dict" ] && options+=(-dict="$dict")
  local log=build/fuzz/logs/$name.log
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$binary" "${options[@]}" "${corpora[@]}" >"$log" 2>&1
  local rc=$? runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  if [ "$rc" -eq 0 ]; then
    printf 'fuzz: %-22s %10s executions in %ss, no crash, leak or timeout\n' "$name" "${runs:-?}" "$seconds"
    return 0
  fi
  printf 'fuzz: %-22s FAILED after %s executions (exit %s): %s\n' "$name" "${runs:-?}" "$rc" "$log"
  grep -E '^(==[0-9]+==ERROR|SUMMARY|invariant broken|.*runtime error)|Test unit written to' "$log" | head -5
  return 1
}

# One harness per core at a time (each is single-threaded); a harness's outcome is its exit status.
declare -A running=()
failed=()
collect() {  # waits for one harness to end and records a failure
  local done_pid
  wait -n -p done_pid
  local rc=$?
  [ "$rc" -eq 0 ] || failed+=("${running[$done_pid]}")
  unset "running[$done_pid]"
}
for name in "${harnesses[@]}"; do
  while ((${#running[@]} >= $(nproc))); do collect; done
  run_harness "$name" &
  running[$!]=$name
done
while ((${#running[@]})); do collect; done

if ((${#failed[@]})); then
  echo "fuzz: ${#failed[@]} of ${#harnesses[@]} harnesses failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: all ${#harnesses[@]} harnesses ran ${seconds}s each without a finding"
