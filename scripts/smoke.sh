#!/usr/bin/env bash
# Starts auth-server exactly as ./run.sh does (Spring AOT, JDK AOT cache on JDK 25+, demo data) on a
# scratch database and a spare port, and checks that it issues a client_credentials token and a
# password-grant token. CI runs it after the tests: they do not start the server in AOT mode.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
build_if_needed
prepare_launch "$(newest_java)"
port=19100 management=19190 data=$(mktemp -d)
AUTH_DATA_DIR=$data AUTH_ADMIN_USERNAME=admin AUTH_ADMIN_PASSWORD=admin AUTH_CLIENT_SECRET_PEPPER=$(random_secret) \
  "${AUTH_LAUNCH[@]}" --spring.profiles.active=demo --server.port=$port \
  --management.server.port=$management > "$data/auth-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$management/actuator/health/readiness" > /dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$data/auth-server.log"; exit 1; }
  sleep 0.5
done
set -a; . "$data/demo-clients.env"; set +a
curl -sf -u "$DEMO_M2M_CLIENT_ID:$DEMO_M2M_CLIENT_SECRET" -d grant_type=client_credentials \
  "http://127.0.0.1:$port/oauth2/token" | grep -q '"access_token"'
curl -sf -d client_id=test -d username=admin -d password=admin -d grant_type=password \
  "http://127.0.0.1:$port/oauth2/token/" | grep -q '"refresh_token"'
# the demo's device-grant client (oauthctl's): a user code to approve on /activate
curl -sf -d client_id=oauthctl "http://127.0.0.1:$port/oauth2/device_authorization" | grep -q '"user_code"'
# metrics on the management port only: the public port does not know them
metrics=$(curl -sf "http://127.0.0.1:$management/actuator/prometheus")
grep -q '^oauth_tokens_issued_total{' <<< "$metrics"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/prometheus")" = 404 ]
grep -o "JCA provider for token signatures: .*" "$data/auth-server.log"
echo "smoke: the AOT-started server issues client_credentials and password-grant tokens, and device codes;"
echo "       its metrics answer on the management port only"
