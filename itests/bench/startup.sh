#!/usr/bin/env bash
# Whole-process start-up and heap of the gateway beside a bare Felix + SCR + Config Admin + Gogo, same machine,
# same run. Usage (from the repository root, after `mvn -B -q -DskipTests package`):
#   itests/bench/startup.sh [runs]
# Bare: JVM launch until the Gogo banner. Gateway: JVM launch until the log line "pack1: first healthy tick".
# Both run headless with -Xmx64m; each run starts from an empty framework cache.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/config" "$work/config"

# time_until JAR PATTERN: sets $elapsed to the milliseconds from launch until PATTERN appears on stdout, and
# leaves the process running as $pid
time_until() {
  local jar=$1 pattern=$2 out="$work/out.txt"
  rm -rf "$work/data" "$out"
  local t0; t0=$(date +%s%N)
  (cd "$work" && exec java -Xmx64m -jar "$jar" < /dev/null > "$out" 2>&1) &
  pid=$!
  until grep -q "$pattern" "$out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "process died:" >&2; cat "$out" >&2; exit 1; }
    sleep 0.01
  done
  elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
}

heap_used_kb() {
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i+1); exit } }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bare=() gate=() heap=()
for _ in $(seq "$runs"); do
  time_until "$root/features/gateway/target/bare.jar" 'Welcome to Apache Felix Gogo'
  bare+=("$elapsed")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  time_until "$root/features/gateway/target/gateway.jar" 'pack1: first healthy tick'
  gate+=("$elapsed")
  sleep 2
  heap+=("$(heap_used_kb "$pid")")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
b=$(printf '%s\n' "${bare[@]}" | median)
g=$(printf '%s\n' "${gate[@]}" | median)
h=$(printf '%s\n' "${heap[@]}" | median)
echo "bare Felix+SCR+CM+Gogo to prompt (ms): ${bare[*]} -> median $b"
echo "gateway to first healthy tick (ms):    ${gate[*]} -> median $g"
echo "ratio: $(awk -v g="$g" -v b="$b" 'BEGIN { printf "%.2f", g / b }')"
echo "gateway heap used after GC, one pack, -Xmx64m (KB): ${heap[*]} -> median $h"
