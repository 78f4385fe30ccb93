#!/usr/bin/env bash
# Two builds of auth-server side by side on this machine, interleaved, to see what a change costs:
#   bench/ab.sh OLD_JAR NEW_JAR [ROUNDS] [SECS]
# Each round starts each jar in turn (newest JDK, the run.sh JVM flags, profile bench, a fresh H2
# database), warms it up, and loads: client_credentials (the hot path: no database), the
# password grant (bcrypt-bound), introspection and the rotating refresh grant (a database write
# per request), with wrk -t2 -c16. Prints requests/s per run and the median of each. Loopback only.
# AB_LOADS="refresh cc" runs only those loads.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

OLD=$1 NEW=$2 ROUNDS=${3:-3} SECS=${4:-10}
LOADS=${AB_LOADS:-cc password introspect refresh}
PORT=${AB_PORT:-19200} # another port for a second ab.sh at the same time
URL=http://127.0.0.1:$PORT/oauth2
SECRET=bench-m2m-secret-0123456789abcdef
JAVA=$(newest_java)
BASIC=$(printf '%s' "bench-m2m:$SECRET" | base64 -w0)
declare -A results

measure() { # measure LABEL JAR
  local data pid access
  data=$(mktemp -d)
  AUTH_DATA_DIR=$data AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 \
    AUTH_CLIENT_SECRET_PEPPER=ab-pepper BENCH_CLIENT_SECRET=$SECRET \
    "$JAVA" $AUTH_JAVA_OPTS -jar "$2" --spring.profiles.active=bench --server.port=$PORT --management.server.port=0 \
    --server.address=127.0.0.1 > "$data/log" 2>&1 &
  pid=$!
  until curl -sf -u "bench-m2m:$SECRET" -d grant_type=client_credentials "$URL/token" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log" >&2; exit 1; }
    sleep 0.2
  done
  access=$(curl -s -u "bench-m2m:$SECRET" -d grant_type=client_credentials "$URL/token" | jq -r .access_token)
  if wanted cc; then
    # a file, not <(...): the warm-up would drain the pipe and leave the measured run a GET (401s)
    printf 'wrk.method="POST"\nwrk.body="grant_type=client_credentials"\nwrk.headers["Content-Type"]="application/x-www-form-urlencoded"\nwrk.headers["Authorization"]="Basic %s"\n' "$BASIC" > "$data/cc.lua"
    run "$1" cc -s "$data/cc.lua" "$URL/token"
  fi
  if wanted password; then
    run "$1" password -s bench/load/token-password.lua "$URL/token" -- bench-cli bench bench-password-2026
  fi
  if wanted introspect; then
    run "$1" introspect -s bench/load/introspect.lua "$URL/introspect" -- "$BASIC" "$access"
  fi
  if wanted refresh; then
    # a chain of rotations per connection (refresh-rotating.lua, 9 tokens per wrk thread); the warm-up
    # rotates its tokens away, so the measured run gets chains of its own
    refresh_tokens 18 > "$data/warm-up.txt"
    wrk -t2 -c16 -d3s -s bench/load/refresh-rotating.lua "$URL/token" -- bench-cli "$data/warm-up.txt" 9 > /dev/null 2>&1
    refresh_tokens 18 > "$data/refresh.txt"
    record "$1" refresh -s bench/load/refresh-rotating.lua "$URL/token" -- bench-cli "$data/refresh.txt" 9
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

wanted() { [[ " $LOADS " == *" $1 "* ]]; }

refresh_tokens() { # N refresh tokens of bench-cli from the password grant
  for _ in $(seq 1 "$1"); do
    curl -s -d grant_type=password -d client_id=bench-cli -d username=bench -d password=bench-password-2026 \
      "$URL/token" | jq -r .refresh_token
  done
}

run() { # run LABEL LOAD WRK_ARGS...: a warm-up, then record
  wrk -t2 -c16 -d3s "${@:3}" > /dev/null 2>&1
  record "$@"
}

record() { # record LABEL LOAD WRK_ARGS...
  local label=$1 load=$2; shift 2
  local out rps
  out=$(wrk -t2 -c16 -d"${SECS}s" "$@" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  results[$label.$load]="${results[$label.$load]:-} $rps"
  echo "$label $load $rps $(grep -o 'Non-2xx.*' <<< "$out" || true)" >&2
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for round in $(seq 1 "$ROUNDS"); do
  measure old "$OLD"
  measure new "$NEW"
done

echo "| load | old req/s (median of $ROUNDS) | new req/s | new/old |"
echo "| --- | ---: | ---: | ---: |"
for load in $LOADS; do
  o=$(median <<< "${results[old.$load]}") n=$(median <<< "${results[new.$load]}")
  echo "| $load | $o | $n | $(echo "scale=3; $n / $o" | bc) |"
done
