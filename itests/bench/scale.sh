#!/usr/bin/env bash
# One gateway ticking many simulated 24S packs at 10 Hz, measured through its own shell.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): itests/bench/scale.sh [packs] [seconds]
# Writes packs+1 configurations into a scratch config/, starts the gateway there under tmux, and reads
# `cellgate:stats` twice, `seconds` apart, with the process's CPU time in between.
set -euo pipefail
packs=${1:-1000}
window=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/itests/bench/packs.sh"
work=$(mktemp -d)
session=cellgate-scale-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/config"
cp "$root/config/org.osgi.service.log.admin.cfg" "$work/config/"
printf 'cellgate.level=WARN\n' > "$work/config/io.cellgate.console.log.cfg"
write_packs "$work" "$packs"
tmux new-session -d -s "$session" -x 200 -y 50 "cd $work && java -Xmx512m -jar $root/features/gateway/target/gateway.jar"
stats() {
  tmux send-keys -t "$session" "clear" Enter "cellgate:stats" Enter
  sleep 2
  tmux capture-pane -t "$session" -p | grep '^packs ' | tail -1
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(pgrep -f "$work" -n)/stat" 2>/dev/null || pgrep -f gateway.jar -n | xargs -I{} awk '{ print $14 + $15 }' /proc/{}/stat; }
until stats | grep -q "^packs $packs (0 not OK)"; do sleep 2; done
pid=$(pgrep -f "gateway.jar" -n)
a=$(stats); c0=$(awk '{ print $14 + $15 }' /proc/$pid/stat); t0=$(date +%s%N)
sleep "$window"
b=$(stats); c1=$(awk '{ print $14 + $15 }' /proc/$pid/stat); t1=$(date +%s%N)
ta=$(sed -E 's/.*ticks ([0-9]+),.*/\1/' <<<"$a"); tb=$(sed -E 's/.*ticks ([0-9]+),.*/\1/' <<<"$b")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')
echo "before: $a"
echo "after:  $b"
awk -v a="$ta" -v b="$tb" -v s="$secs" -v p="$packs" -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "ticks/s %.0f (expected %d at 10 Hz: %.1f %%), CPU %.2f cores\n", (b - a) / s, p * 10, 100 * (b - a) / s / (p * 10), c / hz / s }'
