# shellcheck shell=bash
# Shared by bench/paths.sh and bench/warmup-curve.sh: starting and stopping auth-server (H2 or
# PostgreSQL) and the two peers. Source it from the repository root after setting PG=0|1.
# Sources scripts/lib.sh (our build and launch) and ../shared/bench/lib.sh (log, die, fetch_token,
# stop_pidfile, rss_mib, ...).

SHARED=${BENCH_SHARED:-$(cd .. && pwd)/shared/bench}
export BENCH_SHARED=$SHARED
BENCH_CACHE=${BENCH_CACHE:-$HOME/.cache/oauth-bench}
# --postgres: a cache of its own, so Keycloak's unpacked server, its "configured" mark and the pid
# files do not mix with the H2 runs'; the downloaded zip is linked, not fetched again.
if [ "${PG:-0}" = 1 ]; then
  mkdir -p "$BENCH_CACHE/postgres"
  for z in "$BENCH_CACHE"/keycloak-quarkus-dist-*.zip; do
    [ -f "$z" ] && ln -sf "$z" "$BENCH_CACHE/postgres/"
  done
  BENCH_CACHE=$BENCH_CACHE/postgres
fi
export BENCH_CACHE
. scripts/lib.sh
. "$SHARED/lib.sh"

OURS_PORT=9000
OURS_URL=http://127.0.0.1:$OURS_PORT
OURS_PID=""
OURS_DATA=""
PG_URL="jdbc:postgresql://127.0.0.1:5432/test"
KC_SCHEMA=keycloak_bench
PEER_NODE="bench/peers/node-oidc-provider.sh"
PEER_KC="$SHARED/peers/keycloak.sh"

pg_reset_schema() { # pg_reset_schema NAME [create]: drop it (and recreate it empty)
  PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $1 CASCADE" >/dev/null
  [ "${2:-}" = create ] && psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $1" >/dev/null
  return 0
}

# Starts auth-server as bench/run.sh does (newest JDK, AOT cache, profile bench) on 127.0.0.1:9000,
# management (health/metrics) on a random port; PG=1: profile postgres too, schema "bench" of db
# test, dropped first. Sets OURS_PID, OURS_LAUNCH (seconds launch -> first token).
start_ours() {
  build_if_needed
  prepare_launch "$(newest_java)"
  port_busy "$OURS_PORT" && die "port $OURS_PORT is taken by a process this script did not start"
  OURS_DATA=$(mktemp -d /tmp/auth-paths.XXXXXX)
  local args=(--spring.profiles.active=bench --server.address=127.0.0.1 --server.port=$OURS_PORT
    --management.server.port=0)
  if [ "${PG:-0}" = 1 ]; then
    pg_reset_schema bench
    args=(--spring.profiles.active=bench,postgres --server.address=127.0.0.1 --server.port=$OURS_PORT
      --management.server.port=0 "--spring.datasource.url=$PG_URL?currentSchema=bench"
      --spring.datasource.username=postgres --spring.flyway.schemas=bench)
  fi
  log "auth-server: ${AUTH_LAUNCH[*]} ${args[*]}"
  local start; start=$(date +%s.%N)
  AUTH_DATA_DIR=$OURS_DATA AUTH_ADMIN_USERNAME=bench AUTH_ADMIN_PASSWORD=bench-password-2026 \
  AUTH_CLIENT_SECRET_PEPPER=$(random_secret) \
    setsid "${AUTH_LAUNCH[@]}" "${args[@]}" > "$OURS_DATA/auth-server.log" 2>&1 < /dev/null &
  OURS_PID=$!
  until curl -sf -u "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials "$OURS_URL/oauth2/token" > /dev/null; do
    kill -0 "$OURS_PID" 2>/dev/null || { tail -50 "$OURS_DATA/auth-server.log" >&2; die "auth-server exited"; }
    sleep 0.05
  done
  OURS_LAUNCH=$(echo "$(date +%s.%N) - $start" | bc)
  log "auth-server: first token ${OURS_LAUNCH}s after launch (pid $OURS_PID)"
}

stop_ours() {
  if [ -n "$OURS_PID" ] && kill -0 "$OURS_PID" 2>/dev/null; then
    kill "$OURS_PID"; wait "$OURS_PID" 2>/dev/null || true
  fi
  OURS_PID=""
  # the server's log outlives its scratch data directory: an error seen in a row can be looked up
  [ -f "$OURS_DATA/auth-server.log" ] && cp "$OURS_DATA/auth-server.log" "$BENCH_RUN/auth-server-last.log"
  [ -n "$OURS_DATA" ] && rm -rf "$OURS_DATA"
  OURS_DATA=""
}

# Keycloak through ../shared/bench/peers/keycloak.sh (dev mode, dev-file H2), then our extra
# configuration (bench/peers/keycloak-paths.sh). PG=1: the same script with Keycloak's own
# KC_DB* environment variables (start-dev reads them and re-augments for PostgreSQL), schema
# keycloak_bench of db test, kept between runs (a first boot of Keycloak on PostgreSQL took
# ~4.5 min on the busy machine, near the shared script's 180 s wait for it); dropped and
# recreated, with a first boot, when KEYCLOAK_FRESH=1 or when it holds no Keycloak tables.
start_keycloak() {
  "$PEER_KC" stop
  if [ "${PG:-0}" = 1 ]; then
    local fresh=0
    if [ "${KEYCLOAK_FRESH:-0}" = 1 ] || [ -z "$(psql -h 127.0.0.1 -U postgres -d test -Atc \
        "SELECT 1 FROM information_schema.tables WHERE table_schema = '$KC_SCHEMA' AND table_name = 'realm'")" ]; then
      pg_reset_schema "$KC_SCHEMA" create; fresh=1
    fi
    KEYCLOAK_FRESH=$fresh KC_DB=postgres KC_DB_URL="$PG_URL" KC_DB_SCHEMA="$KC_SCHEMA" \
      KC_DB_USERNAME=postgres KC_DB_PASSWORD=unused-trust-auth "$PEER_KC" start > /dev/null
  else
    "$PEER_KC" start > /dev/null
  fi
  bench/peers/keycloak-paths.sh configure
}
stop_keycloak() { "$PEER_KC" stop; }
keycloak_pid() { cat "$BENCH_RUN/keycloak.pid"; }

start_node() { "$PEER_NODE" stop; "$PEER_NODE" start > /dev/null; }
stop_node() { "$PEER_NODE" stop; }
node_pid() { cat "$BENCH_RUN/node-oidc-provider-paths.pid"; }
