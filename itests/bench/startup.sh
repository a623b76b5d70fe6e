#!/usr/bin/env bash
# Whole-process start-up and heap of the gateway beside a bare Felix + SCR + Config Admin + Gogo, same machine,
# same run. Usage (from the repository root, after `mvn -B -q -DskipTests package`):
#   itests/bench/startup.sh [runs]
# Bare: JVM launch until the Gogo banner. Gateway: JVM launch until the log line "pack1: first healthy tick".
# Both run headless with JAVA_OPTS (default -Xmx64m); each run starts from an empty framework cache.
# CDS=1: also the gateway with an AppCDS archive of its own (a dynamic archive, -XX:ArchiveClassesAtExit, made once by a
# run to its first healthy tick before the measured runs, as a package could make it at install or first start), in
# the same rounds.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/config" "$work/config"

opts=${JAVA_OPTS:--Xmx64m}

# time_until JAR PATTERN [JVM OPTION...]: sets $elapsed to the milliseconds from launch until PATTERN appears on
# stdout, and leaves the process running as $pid
time_until() {
  local jar=$1 pattern=$2 out="$work/out.txt"
  shift 2
  rm -rf "$work/data" "$out"
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the options are words
  (cd "$work" && exec java $opts "$@" -jar "$jar" < /dev/null > "$out" 2>&1) &
  pid=$!
  until grep -q "$pattern" "$out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "process died:" >&2; cat "$out" >&2; exit 1; }
    sleep 0.01
  done
  elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
}

heap_used_kb() {
  jcmd "$1" GC.run > /dev/null
  # every generation's or region heap's "total …, used NK" (G1 has one line, the serial collector two)
  jcmd "$1" GC.heap_info | awk '/ total .*, used / { for (i = 1; i <= NF; i++) if ($i == "used") { sub(/K,?$/, "", $(i+1)); kb += $(i+1) } }
    END { print kb "K" }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bare=() gate=() heap=() cds=()
gateway=$root/features/gateway/target/gateway.jar
if [ -n "${CDS:-}" ]; then
  time_until "$gateway" 'pack1: first healthy tick' -XX:ArchiveClassesAtExit="$work/gateway.jsa"
  sleep 2
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -s "$work/gateway.jsa" ] || { echo "no archive made:" >&2; cat "$work/out.txt" >&2; exit 1; }
  echo "AppCDS archive: $(du -k "$work/gateway.jsa" | cut -f1) KB"
fi
for _ in $(seq "$runs"); do
  time_until "$root/features/gateway/target/bare.jar" 'Welcome to Apache Felix Gogo'
  bare+=("$elapsed")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  time_until "$gateway" 'pack1: first healthy tick'
  gate+=("$elapsed")
  sleep 2
  heap+=("$(heap_used_kb "$pid")")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${CDS:-}" ]; then
    time_until "$gateway" 'pack1: first healthy tick' -XX:SharedArchiveFile="$work/gateway.jsa"
    cds+=("$elapsed")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
done
b=$(printf '%s\n' "${bare[@]}" | median)
g=$(printf '%s\n' "${gate[@]}" | median)
h=$(printf '%s\n' "${heap[@]}" | median)
echo "bare Felix+SCR+CM+Gogo to prompt (ms): ${bare[*]} -> median $b"
echo "gateway to first healthy tick (ms):    ${gate[*]} -> median $g"
echo "ratio: $(awk -v g="$g" -v b="$b" 'BEGIN { printf "%.2f", g / b }')"
if [ -n "${CDS:-}" ]; then
  c=$(printf '%s\n' "${cds[@]}" | median)
  echo "gateway with AppCDS to first healthy tick (ms): ${cds[*]} -> median $c ($(awk -v g="$g" -v c="$c" 'BEGIN { printf "%.0f", 100 * (g - c) / g }') % faster)"
fi
echo "gateway heap used after GC, one pack, $opts (KB): ${heap[*]} -> median $h"
