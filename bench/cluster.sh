#!/usr/bin/env bash
# Token endpoint through HAProxy to two instances versus one instance directly (loopback only):
#   bench/cluster.sh [-d SECS] [-r ROUNDS]
# Uses scripts/cluster.sh's cluster (starts it when it is not running, and stops it again then);
# its demo clients: demo-m2m (client_credentials, client_secret_basic) and the public CLI client
# test (refresh grant, rotating chains from the demo user's password grant). Each load runs with
# wrk -t2 -c16 after a 5 s warm-up, alternately on http://127.0.0.1:9000 (HAProxy, two instances)
# and http://127.0.0.1:9001 (instance 1 alone, instance 2 idle), ROUNDS times (default 2), and
# reports the CPU each party used meanwhile (from /proc: both auth-server JVMs, PostgreSQL's
# processes, HAProxy, wrk) as core-seconds per second of load and per 1,000 requests.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=15 ROUNDS=2
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION="$2"; shift 2 ;;
    -r) ROUNDS="$2"; shift 2 ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
DIR=${CLUSTER_DIR:-./data/cluster}
WORK=$(mktemp -d /tmp/cluster-bench.XXXXXX)
STARTED=0
cleanup() { [ "$STARTED" = 1 ] && scripts/cluster.sh down; rm -rf "$WORK"; }
trap cleanup EXIT

if ! scripts/cluster.sh status | grep -q '^haproxy running'; then
  scripts/cluster.sh up
  STARTED=1
fi
set -a; . "$DIR/demo-clients.env"; set +a
TICKS=$(getconf CLK_TCK)
BASIC=$(printf '%s' "$DEMO_M2M_CLIENT_ID:$DEMO_M2M_CLIENT_SECRET" | base64 -w0)

# CPU seconds used so far by a set of processes (utime + stime of each, from /proc/PID/stat)
cpu_of() { # cpu_of PID...
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
  done
  echo "$total"
}
auth_pids() { cat "$DIR/auth-1.pid" "$DIR/auth-2.pid"; }
pg_pids() { pgrep -u postgres || true; }
haproxy_pids() { cat "$DIR/haproxy.pid"; }

password_tokens() { # N refresh tokens of the demo user for the public client test
  for _ in $(seq 1 "$1"); do
    curl -s -d grant_type=password -d client_id=test -d "username=$DEMO_USER" -d "password=$DEMO_PASSWORD" \
      http://127.0.0.1:9000/oauth2/token | jq -r .refresh_token
  done
}

# measure NAME URL LOAD: one wrk run, with the CPU of each party meanwhile; prints a table row
measure() {
  local name=$1 url=$2 load=$3 args=() out="$WORK/wrk.txt"
  case "$load" in
    cc) args=(-s bench/load/token-cc.lua "$url/oauth2/token" -- "$BASIC") ;;
    refresh)
      password_tokens 18 > "$WORK/tokens.txt"
      args=(-s bench/load/refresh-rotating.lua "$url/oauth2/token" -- test "$WORK/tokens.txt" 9) ;;
  esac
  wrk -t2 -c16 -d5s "${args[@]}" > /dev/null 2>&1 || true
  [ "$load" = refresh ] && { password_tokens 18 > "$WORK/tokens.txt"; }
  local a0 p0 h0 w0 t0 t1
  a0=$(cpu_of $(auth_pids)); p0=$(cpu_of $(pg_pids)); h0=$(cpu_of $(haproxy_pids))
  t0=$(date +%s.%N)
  wrk -t2 -c16 -d"${DURATION}s" --latency "${args[@]}" > "$out" 2>&1 &
  local wrk_pid=$!
  sleep 1; w0=$(cpu_of "$wrk_pid")
  wait "$wrk_pid" || true
  t1=$(date +%s.%N)
  local a1 p1 h1
  a1=$(cpu_of $(auth_pids)); p1=$(cpu_of $(pg_pids)); h1=$(cpu_of $(haproxy_pids))
  local rps p99 non2xx requests secs
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
  requests=$(awk '/requests in/ {print $1}' "$out")
  secs=$(echo "$t1 - $t0" | bc -l)
  # core-seconds per second of load, and per 1,000 requests
  row() { echo "scale=2; ($2 - $1) / $TICKS / $secs" | bc -l; }
  per_k() { echo "scale=2; ($2 - $1) / $TICKS * 1000 / $requests" | bc -l; }
  echo "| $name | $rps | $p99 | $non2xx | $(row "$a0" "$a1") / $(per_k "$a0" "$a1") | $(row "$p0" "$p1") / $(per_k "$p0" "$p1") | $(row "$h0" "$h1") / $(per_k "$h0" "$h1") |"
}

echo
echo "bench/cluster.sh -d $DURATION -r $ROUNDS, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
echo "| load, target | requests/s | p99 | non-2xx | auth-server CPU: cores / core-s per 1k req | PostgreSQL CPU: cores / per 1k | HAProxy CPU: cores / per 1k |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq 1 "$ROUNDS"); do
  measure "client_credentials, HAProxy -> 2 instances (round $round)" http://127.0.0.1:9000 cc
  measure "client_credentials, 1 instance directly (round $round)" http://127.0.0.1:9001 cc
  measure "refresh (rotating), HAProxy -> 2 instances (round $round)" http://127.0.0.1:9000 refresh
  measure "refresh (rotating), 1 instance directly (round $round)" http://127.0.0.1:9001 refresh
done
