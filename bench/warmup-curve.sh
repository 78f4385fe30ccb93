#!/usr/bin/env bash
# Warm-up curves: throughput of the client_credentials token endpoint from a fresh start, per 5 s
# window, for auth-server and the peers; a CSV and a plot.
#   bench/warmup-curve.sh [--postgres] [-n WINDOWS] [-s SECS] [-l LABEL] [-o PNG] [SERVER...]
#     SERVER: auth-server, keycloak, node-oidc-provider (default: all three, in that order)
#     -n WINDOWS  consecutive wrk runs per server (default 12)
#     -s SECS     seconds per wrk run (default 5, at most 20)
#     -l LABEL    appended to the plot's title (e.g. "noisy, shared machine")
#     -o PNG      the plot (default docs/warmup.png); the CSV goes to $BENCH_CACHE/warmup/
#     --postgres  auth-server (and Keycloak) on PostgreSQL, as bench/paths.sh --postgres
#     --replot CSV  no runs: draw the plot again from a CSV this script wrote (-l, -o apply; the
#                 date in the title is the CSV's; add --postgres if the CSV was a PostgreSQL run)
# For each server in turn: a fresh process (auth-server: new data directory or schema; Keycloak:
# a JVM restart on its existing dev database, as ../shared/bench/peers/keycloak.sh does; the node
# provider: a new process), then, as soon as the start script has had its first token, WINDOWS
# consecutive `wrk -t2 -c16 -dSECS` runs with ../shared/bench/load/token-cc.lua; then it is
# stopped before the next server starts. x = seconds since the start script got its first token
# (the end of each window), y = requests/s in that window.
# CSV columns: server,window,t_start_s,t_end_s,requests_per_s,p50_ms,p99_ms,bad
# Takes about (start-up + WINDOWS x SECS) per server: ~4-5 min for the three with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOWS=12 SECS=5 PG=0 LABEL="" PNG=docs/warmup.png SERVERS=() REPLOT=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) WINDOWS="$2"; shift 2 ;;
    -s) SECS="$2"; shift 2 ;;
    -l) LABEL="$2"; shift 2 ;;
    -o) PNG="$2"; shift 2 ;;
    --postgres) PG=1; shift ;;
    --replot) REPLOT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) SERVERS+=("$1"); shift ;;
  esac
done
[ ${#SERVERS[@]} -gt 0 ] || SERVERS=(auth-server keycloak node-oidc-provider)
. bench/lib-paths.sh

plot_csv() { # one line per server from $CSV: x = end of the window (s since the first token), y = req/s
  for s in "${SERVERS[@]}"; do awk -F, -v s="$s" '$1 == s { print $4, $5 }' "$CSV" > "$DIR/$s.dat"; done
  plots=""
  for s in "${SERVERS[@]}"; do plots+="${plots:+, }'$DIR/$s.dat' using 1:2 with linespoints lw 2 pt 7 title '$s'"; done
  TITLE="client_credentials req/s per ${SECS} s window from a fresh start ($DB; ${DAY:-$(date -u +%Y-%m-%d)}${LABEL:+; $LABEL})"
  mkdir -p "$(dirname "$PNG")"
  gnuplot <<GP
set terminal pngcairo size 1000,560 font "sans,11" noenhanced
set output '$PNG'
set title "$TITLE"
set xlabel "seconds since the server's first token (end of each ${SECS} s wrk -t2 -c16 run)"
set ylabel "requests/s"
set yrange [0:*]
set xrange [0:*]
set grid
set key left top
plot $plots
GP
  log "plot $PNG"
}
[ "$SECS" -le 20 ] || die "keep each load run at most 20 s"
need_cmd gnuplot gnuplot-nox
DB=H2; [ "$PG" = 1 ] && DB=PostgreSQL
if [ -n "$REPLOT" ]; then
  CSV=$REPLOT DIR=$(mktemp -d)
  mapfile -t SERVERS < <(awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' "$CSV")
  SECS=$(awk -F, 'NR == 2 { printf "%.0f", $4 - $3 }' "$CSV")
  DAY=$(basename "$CSV" | sed -n 's/^warmup-\([0-9]\{4\}\)\([0-9]\{2\}\)\([0-9]\{2\}\)T.*/\1-\2-\3/p')
  plot_csv; exit 0
fi
need_cmd wrk; need_cmd jq; need_cmd curl; need_cmd bc
[ "$PG" = 1 ] && need_cmd psql postgresql-client

STAMP=$(date -u +%Y%m%dT%H%MZ)
DIR=$BENCH_CACHE/warmup
mkdir -p "$DIR"
CSV=$DIR/warmup-$STAMP.csv
echo "server,window,t_start_s,t_end_s,requests_per_s,p50_ms,p99_ms,bad" > "$CSV"
CURRENT=""
cleanup() { case "$CURRENT" in auth-server) stop_ours ;; keycloak) stop_keycloak ;; node-oidc-provider) stop_node ;; esac; }
trap cleanup EXIT
trap 'exit 130' INT TERM
field() { sed -n "s/.*WRK_RESULT.* $2=\([0-9.]*\).*/\1/p" "$1"; }

for s in "${SERVERS[@]}"; do
  CURRENT=$s
  case "$s" in
    auth-server) start_ours; url=$OURS_URL/oauth2/token ;;
    keycloak)
      "$PEER_KC" stop
      if [ "$PG" = 1 ]; then start_keycloak; else "$PEER_KC" start > /dev/null; fi
      url=$("$PEER_KC" url) ;;
    node-oidc-provider) start_node; url=$("$PEER_NODE" url) ;;
    *) die "unknown server $s" ;;
  esac
  t0=$(date +%s%N)
  log "$s: $WINDOWS x ${SECS}s from its first token"
  for w in $(seq 1 "$WINDOWS"); do
    out=$DIR/wrk-$s-$w.txt
    ts=$(date +%s%N)
    wrk -t2 -c16 -d"${SECS}s" --timeout 5s --latency -s "$SHARED/load/token-cc.lua" "$url" \
      -- "$BENCH_CLIENT_ID" "$BENCH_CLIENT_SECRET" > "$out" 2>&1 || true
    te=$(date +%s%N)
    grep -q WRK_RESULT "$out" || { cat "$out" >&2; die "wrk failed for $s"; }
    bad=$(( $(field "$out" bad) + $(field "$out" socket_errors) ))
    line="$s,$w,$(awk -v a=$(( ts - t0 )) -v b=$(( te - t0 )) 'BEGIN { printf "%.1f,%.1f", a / 1e9, b / 1e9 }'),$(field "$out" rps),$(field "$out" p50_ms),$(field "$out" p99_ms),$bad"
    echo "$line" >> "$CSV"
    log "  $line"
  done
  cleanup; CURRENT=""
done
cp "$CSV" "$DIR/warmup-latest.csv"
plot_csv
log "CSV $CSV"
cat "$CSV"
