#!/usr/bin/env bash
# One gateway ticking many simulated 24S packs at 10 Hz, measured through its own shell.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): itests/bench/scale.sh [packs] [seconds]
# Writes the packs (balanced by the 24-string EK-L20S1A variant, so healthy) into a scratch config/ (with the SSH
# shell on a free port), starts the gateway there
# as the service does (headless, no local console) with JAVA_OPTS (default -Xmx512m; MALLOC_ARENA_MAX from the
# environment is passed on), and reads `cellgate:stats` over SSH twice, `seconds` apart, with the process's CPU time
# in between; then its peak resident set (VmHWM), threads, and the heap after a full collection.
set -euo pipefail
packs=${1:-1000}
window=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/itests/bench/packs.sh"
work=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true; rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/gosh/etc"
: > "$work/gosh/etc/gosh_profile"
cp "$root/config/org.osgi.service.log.admin.cfg" "$work/config/"
printf 'cellgate.level=WARN\n' > "$work/config/io.cellgate.console.log.cfg"
ssh_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'bind.address=127.0.0.1\nport=%s\nauthorized.keys=config/authorized_keys\nhost.key=data/ssh/host-key\n' "$ssh_port" \
  > "$work/config/io.cellgate.ssh.cfg"
ssh-keygen -q -t ed25519 -N '' -f "$work/key"
cp "$work/key.pub" "$work/config/authorized_keys"
write_packs "$work" "$packs" s24
# shellcheck disable=SC2086 # the options are words
(cd "$work" && exec java ${JAVA_OPTS:--Xmx512m} "-Dgosh.args=--nointeractive --noshutdown" "-Dgosh.home=$work/gosh" \
  -jar "$root/features/gateway/target/gateway.jar" < /dev/null > "$work/out.txt" 2>&1) &
pid=$!
stats() {
  ssh -p "$ssh_port" -i "$work/key" -F /dev/null -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR operator@127.0.0.1 cellgate:stats 2>/dev/null | grep '^packs ' || true
}
until stats | grep -q "^packs $packs (0 not OK)"; do
  kill -0 "$pid" 2>/dev/null || { echo "gateway died:" >&2; tail -5 "$work/out.txt" >&2; exit 1; }
  sleep 2
done
a=$(stats); c0=$(awk '{ print $14 + $15 }' /proc/$pid/stat); t0=$(date +%s%N)
sleep "$window"
b=$(stats); c1=$(awk '{ print $14 + $15 }' /proc/$pid/stat); t1=$(date +%s%N)
ta=$(sed -E 's/.*ticks ([0-9]+),.*/\1/' <<<"$a"); tb=$(sed -E 's/.*ticks ([0-9]+),.*/\1/' <<<"$b")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')
echo "JVM options: ${JAVA_OPTS:--Xmx512m}${MALLOC_ARENA_MAX:+ (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)}"
echo "before: $a"
echo "after:  $b"
awk -v a="$ta" -v b="$tb" -v s="$secs" -v p="$packs" -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "ticks/s %.0f (expected %d at 10 Hz: %.1f %%), CPU %.2f cores\n", (b - a) / s, p * 10, 100 * (b - a) / s / (p * 10), c / hz / s }'
awk '/VmHWM/ { h = $2 } /VmRSS/ { r = $2 } /Threads/ { t = $2 } END {
  printf "peak RSS %.1f MiB, RSS at end %.1f MiB, %d threads\n", h / 1024, r / 1024, t }' "/proc/$pid/status"
jcmd "$pid" GC.run > /dev/null
echo "heap after a full collection:$(jcmd "$pid" GC.heap_info | sed -n 's/^ *\([a-z ]*\) generation *total \([0-9]*K\), used \([0-9]*K\).*/ \1 \3 used of \2;/p' | tr -d '\n')"
# HISTO=N: the N classes that hold the most of the heap
[ -z "${HISTO:-}" ] || jcmd "$pid" GC.class_histogram | sed -n "3,$((HISTO + 3))p"
grep -E "OutOfMemory|Exception" "$work/out.txt" | head -5 || true
