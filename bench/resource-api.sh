#!/usr/bin/env bash
# resource-api validating a JWT under load, on this machine (loopback only):
#   bench/resource-api.sh [JAR]           JAR: a resource-api jar (default: this build's, built if stale)
# 1. builds if needed; starts auth-server (profile bench, client bench-m2m) on 19400 and
#    resource-api on 19481 (management 19400+90/19491), newest JDK, a temp data dir each;
# 2. gets one client_credentials JWT (aud = resource-api's audience) and loads GET /api/me with it:
#    six 5 s wrk runs from a cold JVM (the warm-up curve), then one 15 s run with p50/p99;
# 3. prints a markdown table row and resource-api's RSS, and stops what it started.
# RESOURCE_JAVA_OPTS: resource-api's JVM flags (default below). RESOURCE_AOT=0: no JDK AOT cache.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

AUTH_PORT=${BENCH_AUTH_PORT:-19400}
API_PORT=${BENCH_API_PORT:-19481}
AUTH_URL=http://127.0.0.1:$AUTH_PORT
API_URL=http://127.0.0.1:$API_PORT
export BENCH_CLIENT_SECRET=${BENCH_CLIENT_SECRET:-bench-m2m-secret-0123456789abcdef}
RESOURCE_JAVA_OPTS=${RESOURCE_JAVA_OPTS:--XX:+UseSerialGC -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m --enable-native-access=ALL-UNNAMED}
DATA=$(mktemp -d /tmp/resource-bench.XXXXXX)
AUTH_PID="" API_PID=""
cleanup() {
  for pid in $API_PID $AUTH_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

if [ $# -gt 0 ]; then
  JAR=$1
else
  build_if_needed
  JAR=$RESOURCE_JAR
fi
JAVA=$(newest_java)

AUTH_DATA_DIR=$DATA/auth AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 \
AUTH_CLIENT_SECRET_PEPPER=$(random_secret) AUTH_ISSUER=$AUTH_URL AUTH_DEFAULT_AUDIENCE=$API_URL \
  "$JAVA" $AUTH_JAVA_OPTS -jar "$AUTH_JAR" --spring.profiles.active=bench --server.address=127.0.0.1 \
  --server.port=$AUTH_PORT --management.server.port=$((AUTH_PORT + 90)) > "$DATA/auth-server.log" 2>&1 &
AUTH_PID=$!

# The JDK's AOT cache (JDK 25+) for resource-api: trained once per jar on a scratch run that loads
# /api/me, kept beside the extracted jar (the cache is valid for that exact classpath only).
API_LAUNCH=("$JAVA" $RESOURCE_JAVA_OPTS)
aot_dir=$(dirname "$JAR")/aot-$(basename "$JAR" .jar)
wait_for_token() {
  until curl -sf -u "bench-m2m:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$AUTH_URL/oauth2/token" > /dev/null; do
    kill -0 "$AUTH_PID" 2>/dev/null || { cat "$DATA/auth-server.log" >&2; exit 1; }
    sleep 0.1
  done
}
start_api() { # start_api LOG EXTRA_JVM_FLAGS...
  local log=$1; shift
  RESOURCE_ISSUER=$AUTH_URL RESOURCE_AUDIENCE=$API_URL RESOURCE_DATA_DIR=$DATA/api \
    "${API_LAUNCH[@]}" "$@" --server.port=$API_PORT --management.server.port=$((API_PORT + 10)) \
    --server.address=127.0.0.1 > "$log" 2>&1 &
  API_PID=$!
  until curl -s -o /dev/null "$API_URL/api/me"; do
    kill -0 "$API_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
}
token() {
  curl -sf -u "bench-m2m:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$AUTH_URL/oauth2/token" | jq -r .access_token
}

if [ "${RESOURCE_AOT:-1}" != 0 ] && [ "$(java_major "$JAVA")" -ge 25 ] 2>/dev/null; then
  if [ ! -f "$aot_dir/resource-api.aot" ] || [ "$JAR" -nt "$aot_dir/resource-api.aot" ]; then
    rm -rf "$aot_dir"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$aot_dir" > /dev/null
    wait_for_token
    echo "Training resource-api's AOT cache (once per jar) ..." >&2
    start_api "$DATA/training.log" -XX:AOTCacheOutput="$aot_dir/resource-api.aot" -jar "$aot_dir/$(basename "$JAR")"
    wrk -t1 -c4 -d5s -s bench/load/api-me.lua "$API_URL/api/me" -- "$(token)" > /dev/null
    kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""
    rm -rf "$DATA/api"
  fi
  API_LAUNCH+=(-XX:AOTCache="$aot_dir/resource-api.aot" -jar "$aot_dir/$(basename "$JAR")")
else
  API_LAUNCH+=(-jar "$JAR")
fi

wait_for_token
ACCESS=$(token)
echo "resource-api: ${API_LAUNCH[*]}" >&2
start=$(date +%s.%N)
start_api "$DATA/resource-api.log"
code=$(curl -s -o "$DATA/me.json" -w '%{http_code}' -H "Authorization: Bearer $ACCESS" "$API_URL/api/me")
LAUNCH=$(printf "%.1f" "$(echo "$(date +%s.%N) - $start" | bc)")
[ "$code" = 200 ] || { echo "GET /api/me answered $code" >&2; cat "$DATA/me.json" "$DATA/resource-api.log" >&2; exit 1; }
echo "launch to first /api/me: ${LAUNCH}s; $(cat "$DATA/me.json")" >&2
grep -m1 "JCA provider" "$DATA/resource-api.log" >&2 || true

load() { # load SECS [wrk flags]: prints the wrk output
  local secs=$1; shift
  wrk -t2 -c16 -d"${secs}s" "$@" -s bench/load/api-me.lua "$API_URL/api/me" -- "$ACCESS"
}
curve=()
for _ in 1 2 3 4 5 6; do
  curve+=("$(load 5 | awk '/Requests\/sec/ {printf "%.0f", $2}')")
done
load 15 --latency > "$DATA/wrk.txt"
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$DATA/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$DATA/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$DATA/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$DATA/wrk.txt")
rss=$(( $(ps -o rss= -p "$API_PID") / 1024 ))
echo
echo "GET /api/me with a JWT (wrk -t2 -c16): req/s per 5 s from start, then 15 s warm"
echo
echo "| jar | launch to first answer | 0-5 s | 5-10 s | 10-15 s | 15-20 s | 20-25 s | 25-30 s | warm req/s | p50 | p99 | non-2xx | RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| $(basename "$JAR") | ${LAUNCH}s | ${curve[0]} | ${curve[1]} | ${curve[2]} | ${curve[3]} | ${curve[4]} | ${curve[5]} | $rps | $p50 | $p99 | ${non2xx:-0} | ${rss} MiB |"
