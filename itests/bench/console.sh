#!/usr/bin/env bash
# The web console's cost: one gateway ticking `packs` simulated 24S packs at 10 Hz, measured in alternating windows
# without and with `streams` event streams open (plain HTTP SSE clients, ConsoleLoad.java), `rounds` of each.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): itests/bench/console.sh [packs] [streams] [seconds] [rounds]
# GATEWAY_OPTS adds JVM options to the gateway (e.g. a JFR recording: -XX:StartFlightRecording=filename=/tmp/c.jfr).
set -euo pipefail
packs=${1:-100}
streams=${2:-20}
window=${3:-30}
rounds=${4:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/itests/bench/packs.sh"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
session=cellgate-console-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/config"
cp "$root/config/org.osgi.service.log.admin.cfg" "$work/config/"
printf 'cellgate.level=WARN\n' > "$work/config/io.cellgate.console.log.cfg"
printf 'org.apache.felix.http.host=127.0.0.1\norg.osgi.service.http.port=%s\n' "$port" > "$work/config/org.apache.felix.http.cfg"
# as many streams as asked for (the default allows 32)
printf 'max.streams=%s\n' "$((streams + 4))" > "$work/config/io.cellgate.web.cfg"
write_packs "$work" "$packs"
tmux new-session -d -s "$session" -x 200 -y 50 "cd $work && exec java -Xmx512m ${GATEWAY_OPTS:-} -jar $root/features/gateway/target/gateway.jar"
until curl -sf "http://127.0.0.1:$port/api/packs" | grep -o '"pack":"p[0-9]*"' | wc -l | grep -qx "$packs"; do sleep 2; done
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
echo "gateway pid $pid, $packs packs, http://127.0.0.1:$port"
java "$root/itests/bench/ConsoleLoad.java" "http://127.0.0.1:$port" "$pid" "$streams" "$window" "$rounds"
