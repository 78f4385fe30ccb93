#!/usr/bin/env bash
# Starts the platform on the embedded H2 database with demo data: ./run.sh, then Ctrl-C to stop.
# Builds first when the jar is missing or older than the sources. Runs on the newest JDK it finds
# (ES256 signs 4x faster on JDK 25 than on 17; the bytecode targets 17).
set -euo pipefail
cd "$(dirname "$0")"

. scripts/lib.sh
DATA_DIR=${AUTH_DATA_DIR:-./data}

build_if_needed
load_secrets "$DATA_DIR"
JAVA=$(newest_java)
prepare_launch "$JAVA"
export AUTH_DATA_DIR=$DATA_DIR
export AUTH_ADMIN_USERNAME=${AUTH_ADMIN_USERNAME:-admin}
if [ -z "${AUTH_ADMIN_PASSWORD:-}" ]; then
  export AUTH_ADMIN_PASSWORD=admin
  echo "*****************************************************************************"
  echo "* WARNING: admin user 'admin' with password 'admin' (demo only).              *"
  echo "* Set AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD for anything else.            *"
  echo "*****************************************************************************"
fi

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Starting auth-server on $("$JAVA" -version 2>&1 | head -1) ..."
"${AUTH_LAUNCH[@]}" --spring.profiles.active=demo > "$DATA_DIR/auth-server.log" 2>&1 &
pids+=($!)

await_ready() { # await_ready NAME URL PID
  for _ in $(seq 1 120); do
    curl -sf "$2" > /dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "$1 failed to start: see $DATA_DIR/$1.log"; exit 1; }
    sleep 0.5
  done
  echo "$1 did not start within a minute: see $DATA_DIR/$1.log"; exit 1
}
await_ready auth-server http://localhost:9090/actuator/health/readiness "${pids[0]}"

# resource-api checks reference tokens by introspection, as the client demo data registered for it
echo "Starting resource-api ..."
(set -a; . "$DATA_DIR/resource-api-client.env"; set +a
 RESOURCE_DATA_DIR=$DATA_DIR exec "$JAVA" $AUTH_JAVA_OPTS -jar "$RESOURCE_JAR") > "$DATA_DIR/resource-api.log" 2>&1 &
pids+=($!)
await_ready resource-api http://localhost:8091/actuator/health/readiness "${pids[1]}"

# admin-ui signs admins in as the confidential client admin-console (its secret is in secrets.env); its sessions live in $DATA_DIR/admin-ui.mv.db
echo "Starting admin-ui ..."
CONSOLE_DATA_DIR=$DATA_DIR "$JAVA" $AUTH_JAVA_OPTS -jar "$CONSOLE_JAR" > "$DATA_DIR/admin-ui.log" 2>&1 &
pids+=($!)
await_ready admin-ui http://localhost:8090/actuator/health/readiness "${pids[2]}"

cat <<EOF

auth-server   http://localhost:9000   (discovery: /.well-known/openid-configuration, log: $DATA_DIR/auth-server.log)
resource-api  http://localhost:8081   (/api/me, /api/notes; log: $DATA_DIR/resource-api.log)
admin console http://localhost:8080   (sign in as $AUTH_ADMIN_USERNAME; log: $DATA_DIR/admin-ui.log)
management    http://localhost:9090, :8091, :8090 (the three above): /actuator/health, /actuator/prometheus

Demo user and clients (ids and secrets): $DATA_DIR/demo-clients.env
Try it:
  set -a; . $DATA_DIR/demo-clients.env; set +a
  # password grant (seed 002's CLI client "test")
  curl -s -X POST http://localhost:9000/oauth2/token/ -d client_id=test -d username=admin -d password=admin -d grant_type=password
  # client credentials
  curl -s -u "\$DEMO_M2M_CLIENT_ID:\$DEMO_M2M_CLIENT_SECRET" -d grant_type=client_credentials http://localhost:9000/oauth2/token
  # a user's token against resource-api
  TOKEN=\$(curl -s -d grant_type=password -d client_id=test -d username=demo -d password=demo-password-2026 \\
    http://localhost:9000/oauth2/token | jq -r .access_token)
  curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:8081/api/me
  # a command-line tool signing in by device code (RFC 8628): approve in the browser, as \$DEMO_USER
  ./oauthctl login --issuer http://localhost:9000 --client-id oauthctl --device
  ./oauthctl curl http://localhost:8081/api/me -s
  # authorization code: open in a browser, sign in as \$DEMO_USER, copy the code from the address bar
  http://localhost:9000/oauth2/authorize/?response_type=code&client_id=demo-legacy-web&redirect_uri=http://localhost:3000/login/
More in README.md. Ctrl-C stops everything.
EOF
wait -n "${pids[@]}"
