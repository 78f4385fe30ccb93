#!/usr/bin/env bash
# Two auth-server instances on PostgreSQL behind HAProxy, with resource-api and admin-ui, on loopback:
#   scripts/cluster.sh up [--fresh]             start everything, return once all are ready (--fresh:
#                                               drop the cluster's schema first; the instances then
#                                               first-start at once on the empty schema)
#   scripts/cluster.sh down                     stop what up started (SIGTERM, then wait)
#   scripts/cluster.sh status                   what runs, and HAProxy's view of the instances
#   scripts/cluster.sh stop-instance N [--kill] SIGTERM (or SIGKILL: a crash) auth-server instance N (1, 2)
#   scripts/cluster.sh start-instance N         start instance N again, return once it is ready
# HAProxy :9000 (round robin, no stickiness) -> auth-server :9001 and :9002 (profiles postgres,demo,
# issuer http://localhost:9000); resource-api :8081 and admin-ui :8080 use http://localhost:9000.
# Pids, logs, the shared server secrets and the demo clients' secrets: ./data/cluster (CLUSTER_DIR).
# CLUSTER_SERIAL_START=1: start instance 2 only once instance 1 is ready.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib.sh
DIR=$(mkdir -p "${CLUSTER_DIR:-./data/cluster}" && cd "${CLUSTER_DIR:-./data/cluster}" && pwd)
PG_HOST=127.0.0.1 PG_PORT=5432 PG_DB=test PG_USER=postgres
SCHEMA=auth
CONSOLE_SCHEMA=console
INSTANCES=(1 2)
BALANCER=http://localhost:9000

say() { echo "cluster: $*" >&2; }
die() { say "$*"; exit 1; }
pid_of() { cat "$DIR/$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
instance_port() { echo $((9000 + $1)); }
# health, readiness and metrics of instance N (9091, 9092): never through the balancer
instance_management_port() { echo $((9090 + $1)); }
HAPROXY_STATS_PORT=9099

# Starts a command detached (own session, stdin closed, output to its log), writing the pid of the
# command itself (exec), not of a wrapper: stop-instance --kill then really kills the JVM.
spawn() { # spawn NAME COMMAND...
  local name=$1; shift
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$DIR/$name.pid" "$@" < /dev/null > "$DIR/$name.log" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$DIR/$name.pid" ] && return 0; sleep 0.02; done
  die "$name did not start"
}

# SIGTERM, then wait (auth-server keeps serving for its drain delay before it stops); SIGKILL after 60 s.
stop() { # stop NAME [--kill]
  local name=$1 pid signal=TERM
  [ "${2:-}" = --kill ] && signal=KILL
  pid=$(pid_of "$name")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -s "$signal" "$pid"
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then say "$name ignored SIGTERM for 60 s: SIGKILL"; kill -9 "$pid"; fi
  fi
  rm -f "$DIR/$name.pid"
}

await_ready() { # await_ready NAME URL [SECONDS]
  local name=$1 url=$2 tries=$(( ${3:-180} * 4 ))
  for _ in $(seq 1 "$tries"); do
    curl -sf -o /dev/null "$url" && return 0
    alive "$name" || die "$name exited during start-up: see $DIR/$name.log"
    sleep 0.25
  done
  die "$name was not ready within $(( tries / 4 )) s: see $DIR/$name.log"
}

ensure_postgres() {
  if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then
    say "PostgreSQL is down: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL at $PG_HOST:$PG_PORT does not answer"
  fi
}

ensure_haproxy() {
  command -v haproxy > /dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    say "installing haproxy (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy > /dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy > /dev/null; }
  fi
  command -v haproxy > /dev/null || die "HAProxy is needed: sudo apt-get install haproxy"
}

write_haproxy_config() {
  cat > "$DIR/haproxy.cfg" <<EOF
# Written by scripts/cluster.sh. Round robin per request, no stickiness: any instance serves any request.
global
  maxconn 4096
  log stdout format raw local0 info

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 10s
  timeout check 1s
  # A connection an instance refused (stopped, crashed) is retried on the other instance. Only
  # connection failures: a request that reached an instance is never sent again (a refresh
  # token, once presented, is spent).
  retries 3
  retry-on conn-failure
  option redispatch 1

frontend auth
  bind 127.0.0.1:9000
  # the balancer is the edge: what a client sends as X-Forwarded-* is replaced, never trusted
  http-request set-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto http
  # with the proto alone, Tomcat assumes the scheme's default port: redirects would lose :9000
  http-request set-header X-Forwarded-Port %[dst_port]
  http-request del-header Forwarded
  http-request del-header X-Forwarded-Host
  http-request del-header X-Forwarded-Prefix
  default_backend auth_servers

# HAProxy's view of the instances, as CSV for this script (no socat needed): loopback only
listen stats
  bind 127.0.0.1:$HAPROXY_STATS_PORT
  stats enable
  stats hide-version
  stats uri /stats

backend auth_servers
  balance roundrobin
  # Readiness goes down as an instance starts to stop; it keeps serving for its drain delay (3 s),
  # longer than fall x inter (2 s), so no request meets an instance that has stopped.
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
EOF
  for n in "${INSTANCES[@]}"; do
    echo "  server auth$n 127.0.0.1:$(instance_port "$n") check port $(instance_management_port "$n")" >> "$DIR/haproxy.cfg"
  done
}

start_instance() { # start_instance N: start auth-server instance N (no waiting)
  local n=$1 name="auth-$1"
  alive "$name" && { say "$name is already running (pid $(pid_of "$name"))"; return 0; }
  (
    export SPRING_PROFILES_ACTIVE=postgres,demo
    export SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$SCHEMA"
    export SPRING_DATASOURCE_USERNAME=$PG_USER
    export AUTH_ISSUER=$BALANCER
    export AUTH_TRUSTED_PROXIES=127.0.0.1/32
    export AUTH_SHUTDOWN_DRAIN_DELAY=${AUTH_SHUTDOWN_DRAIN_DELAY:-3s}
    export AUTH_DATA_DIR=$DIR
    export MANAGEMENT_PORT=$(instance_management_port "$n") MANAGEMENT_ADDRESS=127.0.0.1
    spawn "$name" "${AUTH_LAUNCH[@]}" --server.port="$(instance_port "$n")" --server.address=127.0.0.1
  )
}

admin_password() {
  export AUTH_ADMIN_USERNAME=${AUTH_ADMIN_USERNAME:-admin}
  if [ -z "${AUTH_ADMIN_PASSWORD:-}" ]; then
    export AUTH_ADMIN_PASSWORD=admin
    echo "*****************************************************************************" >&2
    echo "* WARNING: admin user 'admin' with password 'admin' (demo only).              *" >&2
    echo "* Set AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD for anything else.            *" >&2
    echo "*****************************************************************************" >&2
  fi
}

prepare() {
  build_if_needed
  load_secrets "$DIR"
  JAVA=$(newest_java)
  prepare_launch "$JAVA"
  admin_password
}

up() {
  local fresh=${1:-}
  if alive haproxy || alive auth-1 || alive auth-2; then
    say "already running (scripts/cluster.sh status; scripts/cluster.sh down to stop it)"
    return 0
  fi
  ensure_postgres
  ensure_haproxy
  prepare
  # a start that fails half-way stops what it had started
  trap 'status=$?; if [ "$status" != 0 ]; then say "start failed: stopping what was started"; down; fi' EXIT
  if [ "$fresh" = --fresh ]; then
    say "dropping schemas $SCHEMA and $CONSOLE_SCHEMA"
    PGOPTIONS="-c client_min_messages=warning" psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 \
      -c "drop schema if exists $SCHEMA cascade" -c "drop schema if exists $CONSOLE_SCHEMA cascade" > /dev/null
    rm -f "$DIR/demo-clients.env" "$DIR/resource-api-client.env" "$DIR"/resource-api.*.db
  fi
  # Both instances at once, also on an empty schema: the first start (migrations, built-in admin
  # and clients, demo data, signing keys) must be safe when two instances race to do it.
  # CLUSTER_SERIAL_START=1 starts the second once the first is ready (a version without that guard).
  say "starting auth-server instances 1 and 2 on $("$JAVA" -version 2>&1 | head -1)"
  for n in "${INSTANCES[@]}"; do
    start_instance "$n"
    if [ "${CLUSTER_SERIAL_START:-0}" = 1 ]; then
      await_ready "auth-$n" "http://127.0.0.1:$(instance_management_port "$n")/actuator/health/readiness"
    fi
  done
  for n in "${INSTANCES[@]}"; do
    await_ready "auth-$n" "http://127.0.0.1:$(instance_management_port "$n")/actuator/health/readiness"
  done

  write_haproxy_config
  haproxy -c -q -f "$DIR/haproxy.cfg" || die "invalid $DIR/haproxy.cfg"
  spawn haproxy haproxy -f "$DIR/haproxy.cfg"
  await_haproxy_up

  # resource-api checks reference tokens by introspection, as the client demo data registered for it
  [ -f "$DIR/resource-api-client.env" ] \
    || say "no $DIR/resource-api-client.env (demo data from an earlier start?): reference tokens refused; up --fresh"
  (
    [ -f "$DIR/resource-api-client.env" ] && { set -a; . "$DIR/resource-api-client.env"; set +a; }
    export RESOURCE_DATA_DIR=$DIR RESOURCE_ISSUER=$BALANCER
    spawn resource-api "$JAVA" $AUTH_JAVA_OPTS -jar "$RESOURCE_JAR" --server.port=8081
  )
  (
    # the console's sessions in PostgreSQL too (schema console): a restart keeps admins signed in
    export ADMIN_CONSOLE_ISSUER=$BALANCER
    export SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$CONSOLE_SCHEMA"
    export SPRING_DATASOURCE_USERNAME=$PG_USER
    spawn admin-ui "$JAVA" $AUTH_JAVA_OPTS -jar "$CONSOLE_JAR" --server.port=8080 --spring.profiles.active=postgres
  )
  await_ready resource-api http://127.0.0.1:8091/actuator/health/readiness
  await_ready admin-ui http://127.0.0.1:8090/actuator/health/readiness
  cat <<EOF

balancer      $BALANCER   (HAProxy, round robin; log: $DIR/haproxy.log)
auth-server   http://localhost:9001 and http://localhost:9002   (logs: $DIR/auth-1.log, auth-2.log)
management    http://127.0.0.1:9091 and :9092 (auth-server), :8091 (resource-api), :8090 (console): /actuator/health, /actuator/prometheus
resource-api  http://localhost:8081   (log: $DIR/resource-api.log)
admin console http://localhost:8080   (sign in as $AUTH_ADMIN_USERNAME; log: $DIR/admin-ui.log)
database      postgresql://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB, schema $SCHEMA
Demo clients: $DIR/demo-clients.env. Stop: scripts/cluster.sh down
EOF
  trap - EXIT
}

# HAProxy's own view: every instance UP (rise 2: two passed checks, ~2 s).
haproxy_states() {
  curl -fsS --max-time 2 "http://127.0.0.1:$HAPROXY_STATS_PORT/stats;csv" 2>/dev/null \
    | awk -F, '$1 == "auth_servers" && $2 ~ /^auth/ {print $2 " " $18}'
}

await_haproxy_up() { # await_haproxy_up [SERVER...]: those servers (default: all) UP in HAProxy
  local wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || for n in "${INSTANCES[@]}"; do wanted+=("auth$n"); done
  for _ in $(seq 1 120); do
    local ok=1 states
    states=$(haproxy_states || true)
    for s in "${wanted[@]}"; do grep -qx "$s UP" <<<"$states" || ok=0; done
    [ "$ok" = 1 ] && return 0
    alive haproxy || die "haproxy exited: see $DIR/haproxy.log"
    sleep 0.25
  done
  die "HAProxy did not see ${wanted[*]} UP within 30 s: $(haproxy_states | tr '\n' ' ')"
}

down() {
  local any=0
  for name in admin-ui resource-api auth-1 auth-2 haproxy; do alive "$name" && any=1; done
  [ "$any" = 1 ] || { say "not running"; rm -f "$DIR"/*.pid; return 0; }
  stop admin-ui
  stop resource-api
  # both instances at once, each through its drain delay, while HAProxy still routes around them
  stop auth-1 & stop auth-2 & wait
  stop haproxy
  say "stopped"
}

status() {
  for name in haproxy auth-1 auth-2 resource-api admin-ui; do
    if alive "$name"; then echo "$name running (pid $(pid_of "$name"))"; else echo "$name stopped"; fi
  done
  alive haproxy && haproxy_states | sed 's/^/haproxy sees /'
  return 0
}

instance_arg() {
  case "${1:-}" in 1|2) ;; *) die "instance: 1 or 2" ;; esac
}

case "${1:-}" in
  up) up "${2:-}" ;;
  down) down ;;
  status) status ;;
  stop-instance) instance_arg "${2:-}"; stop "auth-$2" "${3:-}" ;;
  start-instance)
    instance_arg "${2:-}"
    alive haproxy || die "not running: scripts/cluster.sh up"
    load_secrets "$DIR"; JAVA=$(newest_java); prepare_launch "$JAVA"; admin_password 2> /dev/null
    start_instance "$2"
    await_ready "auth-$2" "http://127.0.0.1:$(instance_management_port "$2")/actuator/health/readiness"
    await_haproxy_up "auth$2"
    ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
