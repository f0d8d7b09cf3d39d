#!/usr/bin/env bash
# `coauthor report` on the 1M-paper corpus, with the limits of issue 14 part 4 checked.
#
#   bench/million/run.sh [--corpus PATH] [--output DIR] [--skip-build]   (COAUTHOR_BIN: another binary, e.g. an older build)
#
# Builds the corpus if it is missing (bench/million/make_corpus.py), builds the release
# `coauthor`, runs `coauthor report` under /usr/bin/time -v with COAUTHOR_TIMINGS=1 (per-phase
# times on stderr), prints wall, CPU, peak RSS, per-phase times and output sizes, and exits
# non-zero with a message when: wall > 60 s, peak RSS > 2 GB, report.html > 15 MB, or two
# growth pictures are byte-identical. Limits can be changed with MAX_WALL (s), MAX_RSS_KB,
# MAX_HTML_BYTES.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=bench/.cache/million/papers.tsv.gz
output=bench/.cache/million/report
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
  esac
done
MAX_WALL=${MAX_WALL:-60}
MAX_RSS_KB=${MAX_RSS_KB:-2097152}
MAX_HTML_BYTES=${MAX_HTML_BYTES:-15728640}

if [ ! -s "$corpus" ]; then
  echo "run.sh: building the corpus at $corpus (about 2 minutes)" >&2
  python3 bench/million/make_corpus.py "$corpus"
fi
if [ "$build" = 1 ]; then
  swift build -c release --product coauthor >&2
fi
bin=${COAUTHOR_BIN:-$(swift build -c release --show-bin-path)/coauthor}
[ -x "$bin" ] || { echo "run.sh: no release binary at $bin (run without --skip-build)" >&2; exit 1; }

rm -rf "$output"
mkdir -p "$(dirname "$output")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "run.sh: $bin report $corpus --output $output" >&2
COAUTHOR_TIMINGS=1 /usr/bin/time -v "$bin" report "$corpus" --output "$output" 2> "$log" > /dev/null || {
  cat "$log" >&2
  echo "run.sh: coauthor report failed" >&2
  exit 1
}
grep -E '^coauthor: (timing|wrote)' "$log" || true
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
user=$(awk -F': ' '/User time/ { print $2 }' "$log")
system=$(awk -F': ' '/System time/ { print $2 }' "$log")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
html=$(stat -c %s "$output/report.html")
echo "wall ${wall} s, CPU ${user} s user + ${system} s system, peak RSS ${rss} KB ($((rss / 1024)) MB)"
echo "outputs (bytes):"
( cd "$output" && ls -l | awk 'NR > 1 { printf "  %12d  %s\n", $5, $9 }' )

fail=0
if awk -v w="$wall" -v m="$MAX_WALL" 'BEGIN { exit !(w > m) }'; then
  echo "run.sh: FAIL: wall time ${wall} s is above ${MAX_WALL} s" >&2; fail=1
fi
if [ "$rss" -gt "$MAX_RSS_KB" ]; then
  echo "run.sh: FAIL: peak RSS ${rss} KB is above ${MAX_RSS_KB} KB" >&2; fail=1
fi
if [ "$html" -gt "$MAX_HTML_BYTES" ]; then
  echo "run.sh: FAIL: report.html is ${html} bytes, above ${MAX_HTML_BYTES}" >&2; fail=1
fi
growth=$(ls "$output"/growth-*.svg 2>/dev/null | wc -l)
if [ "$growth" -lt 2 ]; then
  echo "run.sh: FAIL: ${growth} growth pictures (expected several years)" >&2; fail=1
else
  duplicates=$(cd "$output" && sha256sum growth-*.svg | sort | uniq -w64 -D | awk '{ print $2 }' | tr '\n' ' ')
  if [ -n "$duplicates" ]; then
    echo "run.sh: FAIL: identical growth pictures: $duplicates" >&2; fail=1
  fi
fi
[ "$fail" = 0 ] && echo "run.sh: all limits met (wall ≤ ${MAX_WALL} s, RSS ≤ ${MAX_RSS_KB} KB, report.html ≤ ${MAX_HTML_BYTES} bytes, ${growth} distinct growth pictures)"
exit "$fail"
