#!/usr/bin/env bash
# auth-server's warm-up, ours only (loopback): bench/warmup.sh [--runs N] [--port P] [--jfr FILE] [-- JVM_FLAG...]
# Starts auth-server as bench/run.sh does (prepare_launch: Spring AOT, extracted jar, JDK AOT cache;
# profile bench, client bench-m2m) on a spare port with a random management port, then, from the
# first token on, N consecutive `wrk -t2 -c16 -d5s` on client_credentials (default N=8, 40 s), and
# prints req/s and p99 per 5 s window, launch -> first token, and RSS at the end; stops what it started.
#   --jfr FILE     also records JFR (profile settings, jcmd JFR.start as soon as the JVM answers attach),
#                  dumped to FILE at the end. Not -XX:StartFlightRecording: that adds jdk.jfr to
#                  jdk.module.addmods, which the AOT cache was not trained with, so the JVM would run
#                  without the cache ("Mismatched values for property jdk.module.addmods", -Xlog:aot).
#   -- FLAGS...    extra JVM flags, placed before -jar (e.g. -Xlog:aot -Xlog:gc:file=/tmp/gc.log)
# AUTH_JAVA_OPTS (scripts/lib.sh) overrides the heap/GC flags, for comparing settings.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

RUNS=8 PORT=19600 JFR="" EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --jfr) JFR="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "usage: $0 [--runs N] [--port P] [--jfr FILE] [-- JVM_FLAG...]" >&2; exit 2 ;;
  esac
done

SHARED=${BENCH_SHARED:-$(cd .. && pwd)/shared/bench}
LUA=bench/load/token-cc.lua
[ -f "$LUA" ] || LUA=$SHARED/load/token-cc.lua
URL=http://127.0.0.1:$PORT
CLIENT_ID=bench-m2m
export BENCH_CLIENT_SECRET=${BENCH_CLIENT_SECRET:-bench-m2m-secret-0123456789abcdef}
BASIC=$(printf '%s' "$CLIENT_ID:$BENCH_CLIENT_SECRET" | base64 -w0)
DATA=$(mktemp -d /tmp/auth-warmup.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

build_if_needed
JAVA=$(newest_java)
prepare_launch "$JAVA"
# extra flags go before "-jar JAR"
n=${#AUTH_LAUNCH[@]}
LAUNCH=("${AUTH_LAUNCH[@]:0:n-2}" "${EXTRA[@]}")
LAUNCH+=("${AUTH_LAUNCH[@]:n-2}")
echo "auth-server: ${LAUNCH[*]}" >&2
start=$(date +%s.%N)
AUTH_DATA_DIR=$DATA AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 \
AUTH_CLIENT_SECRET_PEPPER=$(random_secret) \
  "${LAUNCH[@]}" --spring.profiles.active=bench --server.address=127.0.0.1 --server.port="$PORT" \
  --management.server.port=0 > "$DATA/auth-server.log" 2>&1 &
PID=$!
if [ -n "$JFR" ]; then
  until "$(dirname "$JAVA")/jcmd" "$PID" JFR.start settings=profile filename="$JFR" > /dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
fi
until curl -sf -u "$CLIENT_ID:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/token" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/auth-server.log" >&2; exit 1; }
  sleep 0.05
done
LAUNCH_S=$(echo "$(date +%s.%N) - $start" | bc)
echo "launch to first token: ${LAUNCH_S}s"
echo "RSS at first token: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
echo
echo "| window | requests/s | p99 | non-2xx/errors |"
echo "| --- | ---: | ---: | ---: |"
for i in $(seq 1 "$RUNS"); do
  wrk -t2 -c16 -d5s --latency -s "$LUA" "$URL/oauth2/token" -- "$BASIC" > "$DATA/wrk.txt" 2>&1 || true
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$DATA/wrk.txt")
  bad=$(awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$DATA/wrk.txt")
  echo "| $(( (i - 1) * 5 ))-$(( i * 5 )) s | $rps | $p99 | $bad |"
done
echo
echo "RSS after load: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB ($(awk '/^RssAnon|^RssFile/ {printf "%s %d MiB ", $1, $2 / 1024}' "/proc/$PID/status"))"
if [ -n "${WARMUP_LOG:-}" ]; then cp "$DATA/auth-server.log" "$WARMUP_LOG"; fi
[ -n "$JFR" ] && "$(dirname "$JAVA")/jcmd" "$PID" JFR.dump filename="$JFR" > /dev/null
kill "$PID"; wait "$PID" 2>/dev/null || true
PID=""
