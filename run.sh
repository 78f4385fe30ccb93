#!/usr/bin/env bash
# Starts the platform on the embedded H2 database with demo data: ./run.sh, then Ctrl-C to stop.
# Builds first when the jar is missing or older than the sources. Runs on the newest JDK it finds
# (ES256 signs 4x faster on JDK 25 than on 17; the bytecode targets 17).
set -euo pipefail
cd "$(dirname "$0")"

. scripts/lib.sh
DATA_DIR=${AUTH_DATA_DIR:-./data}

# Server secrets, generated once and kept (mode 0600) next to the database.
load_secrets() {
  mkdir -p "$DATA_DIR"
  local file="$DATA_DIR/secrets.env"
  if [ ! -f "$file" ]; then
    (umask 077; {
      echo "AUTH_CLIENT_SECRET_PEPPER=$(random_secret)"
      echo "AUTH_KEY_ENCRYPTION_SECRET=$(random_secret)"
      echo "ADMIN_CONSOLE_SECRET=$(random_secret)"
    } > "$file")
  fi
  set -a; . "$file"; set +a
}

build_if_needed
load_secrets
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

for _ in $(seq 1 60); do
  curl -sf http://localhost:9000/actuator/health/readiness > /dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "auth-server failed to start: see $DATA_DIR/auth-server.log"; exit 1; }
  sleep 0.5
done

cat <<EOF

auth-server   http://localhost:9000   (discovery: /.well-known/openid-configuration, log: $DATA_DIR/auth-server.log)
              resource-api (:8081) and admin-ui (:8080) join the stack as their issues land.

Demo user and clients (ids and secrets): $DATA_DIR/demo-clients.env
Try it:
  set -a; . $DATA_DIR/demo-clients.env; set +a
  # password grant (seed 002's CLI client "test")
  curl -s -X POST http://localhost:9000/oauth2/token/ -d client_id=test -d username=admin -d password=admin -d grant_type=password
  # client credentials
  curl -s -u "\$DEMO_M2M_CLIENT_ID:\$DEMO_M2M_CLIENT_SECRET" -d grant_type=client_credentials http://localhost:9000/oauth2/token
  # authorization code: open in a browser, sign in as \$DEMO_USER, copy the code from the address bar
  http://localhost:9000/oauth2/authorize/?response_type=code&client_id=demo-legacy-web&redirect_uri=http://localhost:3000/login/
More in README.md. Ctrl-C stops everything.
EOF
wait "${pids[0]}"
