#!/usr/bin/env bash
# Runs one named phase of `make test`/`make bench`, timing it; prints a table of all phase timings at the end or on failure.
# Usage: scripts/phase.sh NAME COMMAND [ARGS...] | scripts/phase.sh --reset | scripts/phase.sh --summary
set -uo pipefail

log="${PHASE_LOG:-target/phase-times.txt}"
mkdir -p "$(dirname "$log")"

summary() {
  echo
  echo "==== phase timings ===="
  awk -F'\t' '{ printf "  %-14s %6d s  %s\n", $1, $2, $3; total += $2 } END { printf "  %-14s %6d s\n", "total", total }' "$log"
}

case "${1:-}" in
  --reset) : > "$log"; exit 0 ;;
  --summary) summary; exit 0 ;;
  "") echo "usage: scripts/phase.sh NAME COMMAND..." >&2; exit 2 ;;
esac

name="$1"; shift
echo
echo "==== [$name] $* ===="
start=$(date +%s)
"$@"
status=$?
elapsed=$(( $(date +%s) - start ))
if (( status == 0 )); then
  printf '%s\t%s\t%s\n' "$name" "$elapsed" "ok" >> "$log"
  echo "==== [$name] ok in ${elapsed} s ===="
else
  printf '%s\t%s\t%s\n' "$name" "$elapsed" "FAILED (exit $status)" >> "$log"
  echo "==== [$name] FAILED (exit $status) after ${elapsed} s ====" >&2
  summary
fi
exit "$status"
