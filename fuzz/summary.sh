#!/usr/bin/env bash
# Totals per target from fuzz/artifacts/runs.tsv (written by fuzz/run.sh), as a Markdown table:
# runs, wall seconds, executions, and the runs that failed. The corpus carries over from run to
# run, so the executions of successive runs add up to one campaign.
set -euo pipefail
runs=$(cd "$(dirname "$0")" && pwd)/artifacts/runs.tsv
[[ -f $runs ]] || { echo "summary.sh: no $runs yet (run fuzz/run.sh first)" >&2; exit 1; }
echo "| target | runs | seconds | executions | failed runs |"
echo "|--------|-----:|--------:|-----------:|------------:|"
awk -F'\t' '
  { if (!($2 in n)) order[++k] = $2; n[$2]++; s[$2] += $3; e[$2] += $4; if ($6 !~ /^ok/) f[$2]++ }
  END { for (i = 1; i <= k; i++) { t = order[i]; printf "| `%s` | %d | %d | %d | %d |\n", t, n[t], s[t], e[t], f[t] } }
' "$runs"
