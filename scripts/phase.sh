# Sourced by .ci/run and scripts/test.sh: `phase NAME COMMAND…` runs the command, then prints one
# line on stderr, `phase: NAME: W s wall, C CPU s`, C being the user+sys seconds of everything the
# command ran (the `times` builtin), so every CI log gives its own per-phase figures (compare CPU
# seconds when the machine is loaded). The command's exit status is returned.
_phase_cpu() {  # reads the `times` output in $1: children's user+sys, whole seconds
  awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); n += p[1] * 60 + p[2] } printf "%.0f", n }' "$1"
}
phase() {
  local name=$1 start status=0 file before
  shift
  file=$(mktemp)
  start=$SECONDS
  times >"$file"
  before=$(_phase_cpu "$file")
  "$@" || status=$?
  times >"$file"
  echo "phase: $name: $((SECONDS - start)) s wall, $(($(_phase_cpu "$file") - before)) CPU s, exit $status" >&2
  rm -f "$file"
  return "$status"
}
