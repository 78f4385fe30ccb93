#!/usr/bin/env bash
# Measures auth-server beside the peers, in one run, on this machine (loopback only):
#   bench/run.sh [-r ROUNDS] [-d SECS] [PEER...]      PEER: keycloak, node-oidc-provider (default: both),
#                                                     or none (ours only)
# 1. builds and starts auth-server as ./run.sh does (H2 file database, newest JDK), with profile
#    bench: client bench-m2m (secret $BENCH_CLIENT_SECRET, client_secret_basic, client_credentials);
#    times launch -> first token;
# 2. runs ../shared/bench/run-peers.sh --target auth-server=... with the peers, interleaved rounds;
# 3. measures our other endpoints: password grant, refresh grant (rotating), introspection;
# 4. prints markdown tables and stops what it started. BENCH_ALG=ES256 makes the peers sign ES256 too.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

SHARED=${BENCH_SHARED:-$(cd .. && pwd)/shared/bench}
ROUNDS=3 DURATION=15 PEERS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) ROUNDS="$2"; shift 2 ;;
    -d) DURATION="$2"; shift 2 ;;
    *) PEERS+=("$1"); shift ;;
  esac
done
[ ${#PEERS[@]} -gt 0 ] || PEERS=(keycloak node-oidc-provider)
[ "${PEERS[0]}" = none ] && PEERS=()

PORT=9000
URL=http://127.0.0.1:$PORT
export BENCH_CLIENT_ID=bench-m2m
export BENCH_CLIENT_SECRET=${BENCH_CLIENT_SECRET:-bench-m2m-secret-0123456789abcdef}
DATA=$(mktemp -d /tmp/auth-bench.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

build_if_needed
JAVA=$(newest_java)
prepare_launch "$JAVA"
echo "auth-server: ${AUTH_LAUNCH[*]}" >&2
start=$(date +%s.%N)
AUTH_DATA_DIR=$DATA AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 \
AUTH_CLIENT_SECRET_PEPPER=$(random_secret) \
  "${AUTH_LAUNCH[@]}" --spring.profiles.active=bench --server.address=127.0.0.1 > "$DATA/auth-server.log" 2>&1 &
PID=$!
until curl -sf -u "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/token" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/auth-server.log" >&2; exit 1; }
  sleep 0.05
done
LAUNCH=$(echo "$(date +%s.%N) - $start" | bc)
echo "launch to first token: ${LAUNCH}s" >&2
grep -m1 "JCA provider" "$DATA/auth-server.log" >&2 || true

"$SHARED/run-peers.sh" -r "$ROUNDS" -d "$DURATION" --target "auth-server=$URL/oauth2/token" "${PEERS[@]}"

# Our other endpoints: wrk -t2 -c16, after a warm-up, one run each.
wrk_run() { # wrk_run NAME SCRIPT ARGS...
  local name=$1 script=$2; shift 2
  wrk -t2 -c16 -d5s -s "$script" "$URL/oauth2/${ENDPOINT}" -- "$@" > /dev/null 2>&1
  wrk -t2 -c16 -d"${DURATION}s" --latency -s "$script" "$URL/oauth2/${ENDPOINT}" -- "$@" > "$DATA/wrk-$name.txt" 2>&1
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$DATA/wrk-$name.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$DATA/wrk-$name.txt")
  echo "| $name | $rps | $p99 | ${non2xx:-0} |"
}
password_tokens() { # N refresh tokens from the password grant
  for _ in $(seq 1 "$1"); do
    curl -s -d grant_type=password -d client_id=bench-cli -d username=bench -d password=bench-password-2026 \
      "$URL/oauth2/token" | jq -r .refresh_token
  done
}
ACCESS=$(curl -s -u "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/token" | jq -r .access_token)
BASIC=$(printf '%s' "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" | base64 -w0)

echo
echo "auth-server, other endpoints (wrk -t2 -c16 -d${DURATION}s, after a 5 s warm-up); launch to first token ${LAUNCH}s"
echo
echo "| endpoint | requests/s | p99 | non-2xx |"
echo "| --- | ---: | ---: | ---: |"
ENDPOINT=token wrk_run "password grant (bcrypt user check)" bench/load/token-password.lua bench-cli bench bench-password-2026
password_tokens 18 > "$DATA/refresh-warmup.txt"
ENDPOINT=token wrk -t2 -c16 -d5s -s bench/load/refresh-rotating.lua "$URL/oauth2/token" -- bench-cli "$DATA/refresh-warmup.txt" 9 > /dev/null 2>&1
password_tokens 18 > "$DATA/refresh.txt"
ENDPOINT=token
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/load/refresh-rotating.lua "$URL/oauth2/token" -- bench-cli "$DATA/refresh.txt" 9 > "$DATA/wrk-refresh.txt" 2>&1
echo "| refresh grant (rotating) | $(awk '/Requests\/sec/ {print $2}' "$DATA/wrk-refresh.txt") | $(awk '$1 == "99%" {print $2}' "$DATA/wrk-refresh.txt") | $(awk '/Non-2xx/ {print $5}' "$DATA/wrk-refresh.txt" | grep . || echo 0) |"
ENDPOINT=introspect wrk_run "introspection (client_credentials JWT)" bench/load/introspect.lua "$BASIC" "$ACCESS"
echo
echo "RSS after load: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
