#!/usr/bin/env bash
# One run, one markdown table: auth-server beside Keycloak and node-oidc-provider on the same
# paths, loopback only, wrk -t2 -c16:
#   bench/paths.sh [-d SECS] [-w SECS] [--postgres] [PEER...]
#     PEER: keycloak, node-oidc-provider (default: both), or none (ours only)
#     -d SECS     seconds per measured wrk run (default 10, at most 20)
#     -w SECS     warm-up wrk run before each measured one (default 5, at most 20)
#     --postgres  auth-server with profile postgres on PostgreSQL 127.0.0.1:5432 db test user
#                 postgres, schema "bench" (dropped first); Keycloak on the same database, schema
#                 keycloak_bench (dropped first: a first boot), through its KC_DB* variables;
#                 node-oidc-provider has no database (its in-memory adapter) either way
# Paths (a row per server and path; "n/a" where a server has no such path):
#   client_credentials   client_secret_basic, confidential client bench-m2m
#   password grant       public client bench-cli, user bench (each server's own password hash)
#   refresh (rotating)   public client bench-cli; every request presents the refresh token the
#                        previous answer brought (load/refresh-rotating.lua); the first tokens
#                        come from the password grant (ours, Keycloak) or from the authorization
#                        code flow scripted with curl (node-oidc-provider: no password grant)
#   introspection        of a client_credentials access token, HTTP Basic auth as bench-m2m: a
#                        JWT for ours and Keycloak; node-oidc-provider refuses JWTs by design, so
#                        an opaque token of the same client
#   authorize, code exchange (ours only): user bench signs in once through the sign-in form (curl);
#                        the authorization endpoint is loaded with that session for confidential
#                        client bench-web (first party: no consent page; PKCE S256, one fixed
#                        verifier), each 302 keeping its code (load/authorize-codes.lua); then the
#                        codes are redeemed at the token endpoint, each once, with client_secret_basic
#                        (load/code-exchange.lua: access, refresh and ID token)
# Starts all servers first, then loads one (server, path) at a time; stops what it started.
# Prints the table on stdout (progress on stderr); raw wrk output stays in $BENCH_CACHE/run/paths/.
# Takes about 2 min of start-up (more on the first Keycloak run) + rows x (warm-up + SECS).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10 WARMUP=5 PG=0 PEERS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION="$2"; shift 2 ;;
    -w) WARMUP="$2"; shift 2 ;;
    --postgres) PG=1; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) PEERS+=("$1"); shift ;;
  esac
done
[ ${#PEERS[@]} -gt 0 ] || PEERS=(keycloak node-oidc-provider)
[ "${PEERS[0]}" = none ] && PEERS=()
. bench/lib-paths.sh
[ "$DURATION" -le 20 ] && [ "$WARMUP" -le 20 ] || die "keep each load run at most 20 s"
for p in "${PEERS[@]}"; do case "$p" in keycloak|node-oidc-provider) ;; *) die "unknown peer $p" ;; esac; done
need_cmd wrk; need_cmd jq; need_cmd curl; need_cmd bc; need_cmd openssl
[ "$PG" = 1 ] && need_cmd psql postgresql-client

THREADS=2 CONNS=16
PER_THREAD=$(( CONNS / THREADS + 1 ))   # refresh tokens per wrk thread (see refresh-rotating.lua)
OUT=$BENCH_RUN/paths
mkdir -p "$OUT"; rm -f "$OUT"/*.txt
FORM=bench/load/form-post.lua
REFRESH=bench/load/refresh-rotating.lua
BASIC=$(printf '%s' "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" | base64 -w0)
WEB_BASIC=$(printf '%s' "bench-web:$BENCH_CLIENT_SECRET" | base64 -w0)
KC_BASE=http://127.0.0.1:${KEYCLOAK_PORT:-8180}/realms/bench/protocol/openid-connect
NODE_BASE=http://127.0.0.1:${NODE_OIDC_PORT:-8280}
STARTED=()

cleanup() {
  local s
  for s in "${STARTED[@]}"; do "stop_$s" || true; done
  stop_ours || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_ours
for p in "${PEERS[@]}"; do
  case "$p" in
    keycloak) STARTED+=(keycloak); start_keycloak ;;
    node-oidc-provider) STARTED+=(node); start_node ;;
  esac
done

ROWS=()
field() { sed -n "s/.*WRK_RESULT.* $2=\([0-9.]*\).*/\1/p" "$1"; }
wrk_pair() { # wrk_pair SERVER PATH NOTE SCRIPT URL -- ARGS (warm-up run, then the measured run)
  local server=$1 path=$2 note=$3 script=$4 url=$5; shift 6
  local out="$OUT/$server-${path// /-}.txt"
  log "$server, $path: ${WARMUP}s warm-up + ${DURATION}s"
  wrk -t$THREADS -c$CONNS -d"${WARMUP}s" --timeout 5s -s "$script" "$url" -- "$@" > "$out.warmup" 2>&1 || true
  wrk_one "$server" "$path" "$note" "$script" "$url" -- "$@"
}
wrk_one() { # wrk_one SERVER PATH NOTE SCRIPT URL -- ARGS (the measured run only)
  local server=$1 path=$2 note=$3 script=$4 url=$5; shift 6
  local out="$OUT/$server-${path// /-}.txt"
  wrk -t$THREADS -c$CONNS -d"${DURATION}s" --timeout 5s --latency -s "$script" "$url" -- "$@" > "$out" 2>&1 || true
  if ! grep -q WRK_RESULT "$out"; then
    ROWS+=("| $server | $path | - | - | - | wrk failed | $note |"); log "wrk failed: $(head -3 "$out")"; return
  fi
  local bad; bad=$(( $(field "$out" bad) + $(field "$out" socket_errors) ))
  if [ "$(field "$out" requests)" = 0 ]; then   # nothing answered within the run: no figure at all
    log "  no answer in ${DURATION}s"
    ROWS+=("| $server | $path | 0 | - | - | no answer in ${DURATION}s | $note |"); return
  fi
  log "  $(field "$out" rps) req/s, p50 $(field "$out" p50_ms) ms, p99 $(field "$out" p99_ms) ms, bad $bad $(grep -m1 '^first bad' "$out" || true)"
  ROWS+=("| $server | $path | $(field "$out" rps) | $(field "$out" p50_ms) | $(field "$out" p99_ms) | $bad | $note |")
}
tokens() { # tokens COMMAND...: THREADS x PER_THREAD refresh tokens, one a line
  local i t
  for i in $(seq 1 $(( THREADS * PER_THREAD ))); do
    t=$("$@") || die "could not get a refresh token with: $*"
    echo "$t"
  done
}
refresh_pair() { # refresh_pair SERVER NOTE URL TOKEN_COMMAND... (fresh token chains for each run)
  local server=$1 note=$2 url=$3; shift 3
  local out="$OUT/$server-refresh"
  log "$server, refresh (rotating): $(( THREADS * PER_THREAD )) + $(( THREADS * PER_THREAD )) refresh tokens"
  tokens "$@" > "$out.warmup.tokens"; tokens "$@" > "$out.tokens"
  log "$server, refresh (rotating): ${WARMUP}s warm-up + ${DURATION}s"
  wrk -t$THREADS -c$CONNS -d"${WARMUP}s" --timeout 5s -s "$REFRESH" "$url" -- bench-cli "$out.warmup.tokens" $PER_THREAD > "$out.warmup.txt" 2>&1 || true
  wrk_one "$server" "refresh (rotating)" "$note" "$REFRESH" "$url" -- bench-cli "$out.tokens" $PER_THREAD
}
ours_refresh_token() {
  curl -s -d grant_type=password -d client_id=bench-cli -d username=bench -d password=bench-password-2026 \
    "$OURS_URL/oauth2/token" | jq -e -r '.refresh_token | strings'
}
CODE_REDIRECT=http%3A%2F%2Flocalhost%3A3000%2Fbench%2Fcallback
CODE_VERIFIER=bench-code-verifier-0123456789abcdefghijklmnopqrstuvwxyz
ours_session_cookie() { # signs user bench in through the form; prints "JSESSIONID=..."
  local jar="$OUT/signin.cookies" csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$OURS_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$csrf" ] || die "no CSRF token on $OURS_URL/login"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" -d username=bench \
    -d password=bench-password-2026 "$OURS_URL/login"
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar" | grep . || die "the sign-in gave no session"
}
code_rows() { # authorize (warm-up, measured), then the exchange of those codes (warm-up, measured)
  local cookie challenge url codes="$OUT/codes"
  cookie=$(ours_session_cookie)
  challenge=$(printf %s "$CODE_VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
  url="$OURS_URL/oauth2/authorize?response_type=code&client_id=bench-web&redirect_uri=$CODE_REDIRECT"
  url+="&scope=openid%20notes.read&state=bench&code_challenge=$challenge&code_challenge_method=S256"
  log "auth-server, authorize: ${WARMUP}s warm-up + ${DURATION}s (their codes are redeemed next)"
  wrk -t$THREADS -c$CONNS -d"${WARMUP}s" --timeout 5s -s bench/load/authorize-codes.lua "$url" -- "$cookie" "$codes.warmup" \
    > "$OUT/auth-server-authorize.txt.warmup" 2>&1 || true
  wrk_one auth-server "authorize (signed in)" "one session, first-party client: no consent page; each answer a 302 with a code" \
    bench/load/authorize-codes.lua "$url" -- "$cookie" "$codes"
  log "auth-server, code exchange: ${WARMUP}s warm-up + ${DURATION}s, $(cat "$codes".* | wc -l) codes for the measured run"
  wrk -t$THREADS -c$CONNS -d"${WARMUP}s" --timeout 5s -s bench/load/code-exchange.lua "$OURS_URL/oauth2/token" -- \
    "$WEB_BASIC" "$CODE_REDIRECT" "$CODE_VERIFIER" "$codes.warmup" > "$OUT/auth-server-code-exchange.txt.warmup" 2>&1 || true
  wrk_one auth-server "code exchange" "client_secret_basic + PKCE; access, refresh and ID token; codes from the row above" \
    bench/load/code-exchange.lua "$OURS_URL/oauth2/token" -- "$WEB_BASIC" "$CODE_REDIRECT" "$CODE_VERIFIER" "$codes"
}
access_token() { # access_token TOKEN_URL [EXTRA_FORM]
  fetch_token "$@" | jq -r .access_token
}

# --- auth-server
DB=H2; [ "$PG" = 1 ] && DB=PostgreSQL
wrk_pair auth-server client_credentials "$DB" $FORM "$OURS_URL/oauth2/token" -- \
  "$BASIC" grant_type=client_credentials '"access_token"'
wrk_pair auth-server "password grant" "bcrypt user check per request" $FORM "$OURS_URL/oauth2/token" -- \
  - "grant_type=password&client_id=bench-cli&username=bench&password=bench-password-2026" '"access_token"'
refresh_pair auth-server "tokens from the password grant" "$OURS_URL/oauth2/token" ours_refresh_token
wrk_pair auth-server introspection "JWT (client_credentials token)" $FORM "$OURS_URL/oauth2/introspect" -- \
  "$BASIC" "token=$(access_token "$OURS_URL/oauth2/token")" '"active":true'
code_rows

# --- Keycloak
for p in "${PEERS[@]}"; do
  case "$p" in
  keycloak)
    kdb="dev-file H2"; [ "$PG" = 1 ] && kdb=PostgreSQL
    wrk_pair keycloak client_credentials "$kdb" $FORM "$KC_BASE/token" -- \
      "$BASIC" grant_type=client_credentials '"access_token"'
    wrk_pair keycloak "password grant" "direct access grants, pbkdf2 user check per request" $FORM "$KC_BASE/token" -- \
      - "grant_type=password&client_id=bench-cli&username=bench&password=bench-password-2026" '"access_token"'
    refresh_pair keycloak "tokens from the password grant; revokeRefreshToken on" "$KC_BASE/token" \
      bench/peers/keycloak-paths.sh refresh-token
    wrk_pair keycloak introspection "JWT (client_credentials token)" $FORM "$KC_BASE/token/introspect" -- \
      "$BASIC" "token=$(access_token "$KC_BASE/token")" '"active":true'
    ;;
  node-oidc-provider)
    wrk_pair node-oidc-provider client_credentials "in-memory adapter" $FORM "$NODE_BASE/token" -- \
      "$BASIC" grant_type=client_credentials '"access_token"'
    ROWS+=("| node-oidc-provider | password grant | n/a | n/a | n/a | n/a | oidc-provider has no password grant |")
    refresh_pair node-oidc-provider "tokens from the code flow (devInteractions, curl)" "$NODE_BASE/token" \
      bench/peers/node-oidc-provider.sh refresh-token
    wrk_pair node-oidc-provider introspection "opaque token: JWTs are refused (unsupported_token_type)" $FORM "$NODE_BASE/token/introspection" -- \
      "$BASIC" "token=$(access_token "$NODE_BASE/token" resource=urn:bench:opaque)" '"active":true'
    ;;
  esac
done

RSS="auth-server $(rss_mib "$OURS_PID") MiB"
for s in "${STARTED[@]}"; do RSS+=", $s $(rss_mib "$("${s}_pid")") MiB"; done

echo
echo "### Paths: auth-server ($DB) beside ${PEERS[*]:-no peers} ($(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "wrk -t$THREADS -c$CONNS, ${WARMUP}s warm-up then ${DURATION}s measured, one run per row, one row after the other."
echo "Host: $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); auth-server launch to first token ${OURS_LAUNCH}s; RSS after load: $RSS."
echo "errors/non-2xx: answers that are not 200 with the expected field (access_token, a new refresh_token, \"active\":true) plus socket errors; a row with errors is not a valid figure."
echo
echo "| server | path | requests/s | p50 ms | p99 ms | errors/non-2xx | notes |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${ROWS[@]}"
echo
