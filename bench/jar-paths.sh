#!/usr/bin/env bash
# Loads the token paths of one auth-server jar, loopback only, and stops what it started:
#   bench/jar-paths.sh [--postgres] [-d SECS] [-p PORT] [JAR]
# client_credentials issuance, the rotating refresh grant and introspection of a
# client_credentials JWT, each wrk -t2 -c16 for SECS (default 10, at most 20) after a 5 s warm-up.
# H2 by default (a scratch file database); --postgres uses 127.0.0.1:5432 database test, user
# postgres, in a schema of its own (perf_paths, dropped first). Run an old and a new jar one after
# the other, alternating, to compare: absolute figures depend on what else the machine does.
# AUTH_EXTRA_ARGS: more Spring arguments for the server (e.g. a datasource URL setting to try).
# The code exchange is loaded by bench/paths.sh (codes from a scripted sign-in); RefreshRoundTripsTest
# counts its statements.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTGRES=false DURATION=10 PORT=19500 JAR=auth-server/target/auth-server-0.1.0-SNAPSHOT.jar
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) POSTGRES=true; shift ;;
    -d) DURATION="$2"; shift 2 ;;
    -p) PORT="$2"; shift 2 ;;
    *) JAR="$1"; shift ;;
  esac
done
[ "$DURATION" -le 20 ] || DURATION=20
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAVA_OPTS=${AUTH_JAVA_OPTS:--XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=64m --enable-native-access=ALL-UNNAMED}
URL=http://127.0.0.1:$PORT
SECRET=bench-m2m-secret-0123456789abcdef
DATA=$(mktemp -d /tmp/auth-paths.XXXXXX)
PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$DATA"; }
trap cleanup EXIT

ARGS=(--spring.profiles.active=bench --server.address=127.0.0.1 --server.port="$PORT" --management.server.port=0)
if $POSTGRES; then
  psql -h 127.0.0.1 -U postgres -d test -qc 'drop schema if exists perf_paths cascade' > /dev/null
  ARGS=(--spring.profiles.active=bench,postgres --server.address=127.0.0.1 --server.port="$PORT" --management.server.port=0
    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=perf_paths" --spring.flyway.schemas=perf_paths)
fi
AUTH_DATA_DIR=$DATA AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 BENCH_CLIENT_SECRET=$SECRET \
AUTH_CLIENT_SECRET_PEPPER=paths-pepper-0123456789abcdef \
  "$JAVA" $JAVA_OPTS -jar "$JAR" "${ARGS[@]}" ${AUTH_EXTRA_ARGS:-} > "$DATA/auth-server.log" 2>&1 &
PID=$!
until curl -sf -u "bench-m2m:$SECRET" -d grant_type=client_credentials "$URL/oauth2/token" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { tail -50 "$DATA/auth-server.log" >&2; exit 1; }
  sleep 0.2
done

result() { # result NAME FILE
  echo "| $1 | $(awk '/Requests\/sec/ {print $2}' "$2") | $(awk '$1 == "99%" {print $2}' "$2") | $(awk '/Non-2xx/ {print $5}' "$2" | grep . || echo 0) |"
}
password_tokens() { # N refresh tokens from the password grant
  for _ in $(seq 1 "$1"); do
    curl -s -d grant_type=password -d client_id=bench-cli -d username=bench -d password=bench-password-2026 \
      "$URL/oauth2/token" | jq -r .refresh_token
  done
}
echo "$(basename "$JAR") on $($POSTGRES && echo PostgreSQL || echo H2), wrk -t2 -c16 -d${DURATION}s after 5 s warm-up"
echo
echo "| endpoint | requests/s | p99 | non-2xx |"
echo "| --- | ---: | ---: | ---: |"
BASIC=$(printf '%s' "bench-m2m:$SECRET" | base64 -w0)
wrk -t2 -c16 -d5s -s bench/load/token-cc.lua "$URL/oauth2/token" -- "$BASIC" > /dev/null 2>&1
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/load/token-cc.lua "$URL/oauth2/token" -- "$BASIC" > "$DATA/cc.txt" 2>&1
result "client_credentials" "$DATA/cc.txt"
password_tokens 18 > "$DATA/warm.txt"
wrk -t2 -c16 -d5s -s bench/load/refresh-rotating.lua "$URL/oauth2/token" -- bench-cli "$DATA/warm.txt" 9 > /dev/null 2>&1
password_tokens 18 > "$DATA/refresh.txt"
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/load/refresh-rotating.lua "$URL/oauth2/token" -- bench-cli "$DATA/refresh.txt" 9 > "$DATA/refresh-wrk.txt" 2>&1
result "refresh grant (rotating)" "$DATA/refresh-wrk.txt"
ACCESS=$(curl -s -u "bench-m2m:$SECRET" -d grant_type=client_credentials "$URL/oauth2/token" | jq -r .access_token)
wrk -t2 -c16 -d5s -s bench/load/introspect.lua "$URL/oauth2/introspect" -- "$BASIC" "$ACCESS" > /dev/null 2>&1
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/load/introspect.lua "$URL/oauth2/introspect" -- "$BASIC" "$ACCESS" > "$DATA/introspect.txt" 2>&1
result "introspection (client_credentials JWT)" "$DATA/introspect.txt"
grep -q '"active":true' <(curl -s -u "bench-m2m:$SECRET" -d "token=$ACCESS" "$URL/oauth2/introspect") || echo "WARNING: the token introspected as inactive" >&2
