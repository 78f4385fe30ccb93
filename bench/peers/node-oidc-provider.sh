#!/usr/bin/env bash
# node-oidc-provider for bench/paths.sh and bench/warmup-curve.sh: the same npm package and version
# as ../shared/bench/peers/node-oidc-provider.sh (package.json / package-lock.json copied from
# there), started the same way (NODE_ENV=production, one process, 127.0.0.1:8280), but with
# bench/peers/node-oidc-provider/server.mjs: the shared configuration plus a public client
# bench-cli (authorization code + refresh tokens), devInteractions (to script the code flow with
# curl) and an opaque-token resource for introspection (see that file). npm installs into
# bench/peers/node-oidc-provider/node_modules (git-ignored): the shared folder is read-only.
#
#   bench/peers/node-oidc-provider.sh [start]   install if missing, start, print the token URL
#   bench/peers/node-oidc-provider.sh stop      stop the server this script started (pid file)
#   bench/peers/node-oidc-provider.sh refresh-token   run the code flow once, print a refresh token
#   bench/peers/node-oidc-provider.sh version
# Pid file and log: $BENCH_CACHE/run/node-oidc-provider-paths.{pid,log}.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "${BENCH_SHARED:-$HERE/../../../shared/bench}/lib.sh"

APP_DIR="$HERE/node-oidc-provider"
PORT="${NODE_OIDC_PORT:-8280}"
BASE="http://127.0.0.1:$PORT"
TOKEN_URL="$BASE/token"
PIDFILE="$BENCH_RUN/node-oidc-provider-paths.pid"
LOGFILE="$BENCH_RUN/node-oidc-provider-paths.log"

version() { jq -r .version "$APP_DIR/node_modules/oidc-provider/package.json"; }

install() {
  local want; want=$(jq -r '.dependencies["oidc-provider"]' "$APP_DIR/package.json")
  if [ -f "$APP_DIR/node_modules/oidc-provider/package.json" ] && [ "$(version)" = "$want" ]; then return 0; fi
  log "installing oidc-provider@$want with npm ci into $APP_DIR"
  ( cd "$APP_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2 )
}

start() {
  install
  port_busy "$PORT" && die "port $PORT is taken (stop the other node-oidc-provider first)"
  log "starting oidc-provider $(version) on node $(node -v), log $LOGFILE"
  local t0 t1 ok=""
  t0=$(date +%s%N)
  ( cd "$APP_DIR" && NODE_ENV=production PORT="$PORT" BENCH_CLIENT_ID="$BENCH_CLIENT_ID" \
      BENCH_CLIENT_SECRET="$BENCH_CLIENT_SECRET" exec setsid node server.mjs >"$LOGFILE" 2>&1 </dev/null ) &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 600); do   # 30 s
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || die "node-oidc-provider exited, see $LOGFILE"
    if fetch_token "$TOKEN_URL" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  [ -n "$ok" ] || die "no token within 30 s, see $LOGFILE"
  awk -v ms=$(( (t1 - t0) / 1000000 )) 'BEGIN { printf "%.1f start\n", ms / 1000 }' > "$BENCH_RUN/node-oidc-provider-paths.startup"
  check_token "$TOKEN_URL" "" "$BASE/jwks" >/dev/null || die "token check failed"
  echo "$TOKEN_URL"
}

# The authorization code flow with PKCE through the devInteractions pages (login, then consent
# for offline_access), following redirects by hand until the redirect to the client's
# redirect_uri; then the code exchange. Prints the refresh token.
refresh_token() {
  local jar verifier challenge loc code prompt page _
  jar=$(mktemp)
  verifier=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 -w0 | tr '+/' '-_' | tr -d '=')
  loc="/auth?client_id=bench-cli&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&scope=openid%20offline_access%20api%3Aread&prompt=consent&code_challenge=$challenge&code_challenge_method=S256"
  for _ in 1 2 3 4 5 6 7 8; do
    case "$loc" in http://127.0.0.1/cb*) break ;; http*) ;; *) loc="$BASE$loc" ;; esac
    case "$loc" in
      */interaction/*)
        prompt=login   # (the page into a variable: grep -q in a pipe + pipefail misreads a match)
        page=$(curl -s -b "$jar" -c "$jar" "$loc")
        case "$page" in *'name="prompt" value="consent"'*) prompt=consent ;; esac
        loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -d "prompt=$prompt" \
          -d login=bench -d password=bench "$loc") ;;
      *) loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" "$loc") ;;
    esac
  done
  rm -f "$jar"
  code=$(printf '%s' "$loc" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [ -n "$code" ] || die "code flow did not reach the redirect_uri (last: $loc)"
  curl -s -d grant_type=authorization_code -d client_id=bench-cli -d "code=$code" \
    -d redirect_uri=http://127.0.0.1/cb -d "code_verifier=$verifier" "$TOKEN_URL" | jq -e -r '.refresh_token | strings'
}

case "${1:-start}" in
  start) start ;;
  stop) stop_pidfile "$PIDFILE" ;;
  refresh-token) refresh_token ;;
  url) echo "$TOKEN_URL" ;;
  pid) cat "$PIDFILE" ;;
  version) install >/dev/null; version ;;
  *) die "usage: $0 [start|stop|refresh-token|url|pid|version]" ;;
esac
