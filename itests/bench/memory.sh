#!/usr/bin/env bash
# Peak resident memory and threads of the gateway with one pack, the exporters, the console and the SSH shell in
# use, under given JVM options. Usage (from the repository root, after `mvn -B -q -DskipTests package`):
#   itests/bench/memory.sh SECONDS "JVM OPTIONS" ["JVM OPTIONS" ...]
# Each option set gets a fresh folder with a copy of config/ (its ports moved to free ones, a key made for SSH); the
# gateway runs headless until its first healthy tick, then for SECONDS during which /metrics is scraped and
# cellgate:packs and cellgate:cells run over SSH every 5 s. Printed per set: peak RSS (VmHWM), RSS when ready and at
# the end, threads, and the CPU time the process used from its start.
# MALLOC_ARENA_MAX=N before an option set (e.g. "MALLOC_ARENA_MAX=2 -Xmx64m") is passed as environment.
# RESTART=1: measure the second start, on the framework cache the first left (as the service restarts on a box).
# The gateway starts as `cellgate run` starts it without a terminal (the service): no local Gogo console
# (gosh.args=--nointeractive, an empty gosh profile). CONSOLE=1 starts the local console as before (as
# `java -jar gateway.jar` without a terminal did). JAR=FILE measures another gateway jar. NMT=1: native memory
# tracking on, its summary at the end printed with what changed since the gateway was ready.
set -euo pipefail
seconds=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-$root/features/gateway/target/gateway.jar}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

for options in "$@"; do
  work=$(mktemp -d)
  cp -r "$root/config" "$work/config"
  ssh_port=$(free_port)
  http_port=$(free_port)
  sed -i "s/^port=8101/port=$ssh_port/" "$work/config/io.cellgate.ssh.cfg"
  sed -i "s/port=9464/port=$http_port/" "$work/config/org.apache.felix.http.cfg"
  ssh-keygen -q -t ed25519 -N '' -f "$work/key"
  headless=()
  if [ -z "${CONSOLE:-}" ]; then
    mkdir -p "$work/gosh/etc" && : > "$work/gosh/etc/gosh_profile"
    headless=("-Dgosh.args=--nointeractive --noshutdown" "-Dgosh.home=$work/gosh")
  fi
  [ -z "${NMT:-}" ] || headless+=(-XX:NativeMemoryTracking=summary)
  cp "$work/key.pub" "$work/config/authorized_keys"
  env=()
  jvm=()
  for word in $options; do
    case "$word" in
      *=*) [[ "$word" == -* ]] && jvm+=("$word") || env+=("$word") ;;
      *) jvm+=("$word") ;;
    esac
  done
  for start in $(seq $(( ${RESTART:-0} + 1 ))); do
    [ "$start" = 1 ] || { kill "$pid"; wait "$pid" 2>/dev/null || true; }
    (cd "$work" && exec env "${env[@]}" java "${jvm[@]}" "${headless[@]}" -jar "$jar" < /dev/null > "$work/out.txt" 2>&1) &
    pid=$!
    until grep -q "ssh: operator shell on" "$work/out.txt" 2>/dev/null && grep -q "first healthy tick" "$work/out.txt"; do
      kill -0 "$pid" 2>/dev/null || { echo "gateway died:" >&2; cat "$work/out.txt" >&2; exit 1; }
      sleep 0.1
    done
  done
  ready=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  [ -z "${NMT:-}" ] || jcmd "$pid" VM.native_memory baseline > /dev/null
  ssh_cmd=(ssh -p "$ssh_port" -i "$work/key" -F /dev/null -o IdentitiesOnly=yes -o BatchMode=yes
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR operator@127.0.0.1)
  end=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -sf "http://127.0.0.1:$http_port/metrics" > /dev/null || true
    "${ssh_cmd[@]}" cellgate:packs > /dev/null
    "${ssh_cmd[@]}" 'cellgate:cells pack1' > /dev/null
    sleep 5
  done
  hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  threads=$(awk '/Threads/ { print $2 }' "/proc/$pid/status")
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$pid/stat")
  printf '%-110s peak RSS %5.1f MiB, RSS when ready %5.1f MiB, at end %5.1f MiB, %d threads, CPU %.1f s\n' \
    "${options:-(defaults)}" "$(awk -v k="$hwm" 'BEGIN { print k / 1024 }')" "$(awk -v k="$ready" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$threads" "$cpu"
  [ -z "${NMT:-}" ] || jcmd "$pid" VM.native_memory summary.diff | grep -E '^(Total|-) |committed=' | grep -v '^ *$'
  if [ -n "${THREAD_NAMES:-}" ]; then
    jcmd "$pid" Thread.print | grep '^"' | sed 's/" .*//; s/^"//; s/[0-9]\+$/N/' | sort | uniq -c | sort -rn
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
done
