#!/usr/bin/env bash
# Checks auth-server's image tar without a Docker daemon (scripts/image.sh builds it):
#   image/verify.sh [TAR]     default auth-server/target/jib-image.tar
# 1. lists the tar: manifest, config (User, Entrypoint, ExposedPorts, Env, WorkingDir), layers;
#    also resource-api's and admin-ui's when present
# 2. unpacks the layers into auth-server/target/image-verify/rootfs
# 3. starts auth-server there as a container would: chroot into the rootfs, as the image's user,
#    with its entrypoint, environment and working directory (plus /proc, /dev, /etc/hosts), with
#    -XX:AOTMode=on (the JVM refuses to start unless it uses the image's AOT cache) and -Xlog:aot
# 4. waits for readiness on the management port, gets a client_credentials token from the demo
#    client, prints the start-up time, then stops it with SIGTERM
# Root needed (chroot, mount). Takes ~25 s; not in CI (CI has no image). Ports 19300/19390.
set -euo pipefail
cd "$(dirname "$0")/.."
. image/lib.sh
TAR=${1:-auth-server/target/jib-image.tar}
DIR=auth-server/target/image-verify
ROOTFS=$DIR/rootfs
PORT=19300 MGMT=19390
[ -f "$TAR" ] || { echo "verify: no $TAR: scripts/image.sh" >&2; exit 1; }
started=$(date +%s.%N)

mkdir -p "$DIR"
for tar in "$TAR" resource-api/target/jib-image.tar admin-ui/target/jib-image.tar; do
  [ -f "$tar" ] || continue
  echo "== $tar ($(du -h "$tar" | cut -f1))"
  tar -xOf "$tar" manifest.json | jq -c '.[0] | {RepoTags, Config}'
  image_config "$tar" | jq -c '.config | {User, WorkingDir, Entrypoint, Cmd, ExposedPorts, Env}'
  for layer in $(tar -xOf "$tar" manifest.json | jq -r '.[0].Layers[]'); do
    tar -xOf "$tar" "$layer" | tar -t $(case "$layer" in *gz) echo -z ;; esac) --warning=no-unknown-keyword > "$DIR/layer.list"
    printf '   layer %s %7s %5d entries, e.g. %s\n' "${layer:0:12}" \
      "$(tar -tvf "$tar" "$layer" | awk '{printf "%.1fM", $3/1048576}')" "$(wc -l < "$DIR/layer.list")" \
      "$(grep -v '/$' "$DIR/layer.list" | head -3 | tr '\n' ' ')"
  done
done
rm -f "$DIR/layer.list"

unpack_image "$TAR" "$ROOTFS"
echo "== unpacked into $ROOTFS: $(du -sh "$ROOTFS" | cut -f1); /data owned by $(stat -c %u:%g "$ROOTFS/data")"
mount_rootfs "$ROOTFS"
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  unmount_rootfs "$ROOTFS"
}
trap cleanup EXIT
cache=$(image_config "$TAR" | jq -r '.config.Entrypoint[] | select(startswith("-XX:AOTCache=")) | sub("-XX:AOTCache="; "")')
[ -n "$cache" ] && echo "   AOT cache in the image: $cache $(ls -l "$ROOTFS$cache" 2>/dev/null | awk '{print $5 " bytes"}' || echo MISSING)"

# The management port: MANAGEMENT_PORT where the jar's configuration reads it (main's ports change);
# before that the actuator is on the public port.
if unzip -p "$ROOTFS"/app/classpath/*.jar application.yml 2>/dev/null | grep -q MANAGEMENT_PORT; then
  health_port=$MGMT
else
  health_port=$PORT
  echo "   this build's application.yml has no MANAGEMENT_PORT: readiness on the public port"
fi
secret_pepper=$(head -c 32 /dev/urandom | base64)
launched=$(date +%s.%N)
( run_image "$TAR" "$ROOTFS" SPRING_PROFILES_ACTIVE=demo SERVER_PORT=$PORT MANAGEMENT_PORT=$MGMT \
    AUTH_ISSUER=http://localhost:$PORT AUTH_CLIENT_SECRET_PEPPER="$secret_pepper" \
    AUTH_ADMIN_USERNAME=admin AUTH_ADMIN_PASSWORD=verify-password-2026 \
    -- -XX:AOTMode=on -Xlog:aot=info:file=/tmp/aot.log ) > "$DIR/auth-server.log" 2>&1 &
pid=$!
ready=
for _ in $(seq 1 240); do
  if curl -sf -o /dev/null "http://127.0.0.1:$health_port/actuator/health/readiness"; then ready=1; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ready" ]; then cat "$DIR/auth-server.log" >&2; echo "verify: FAILED: auth-server not ready" >&2; exit 1; fi
ready_after=$(echo "$(date +%s.%N) - $launched" | bc)
echo "== auth-server ready after ${ready_after:0:5} s on :$PORT (health :$health_port), as uid $(ps -o uid= -p $pid | tr -d " ")"
grep -o "Started AuthServerApplication in .*" "$DIR/auth-server.log" | sed 's/^/   /'
grep -o "JCA provider for token signatures: .*" "$DIR/auth-server.log" | sed 's/^/   /'
grep -E "Using AOT-linked classes|Opened AOT cache|trying to map|AOT cache" "$ROOTFS/tmp/aot.log" | head -3 | sed 's/^/   aot log: /'
set -a; . "$ROOTFS/data/demo-clients.env"; set +a
token=$(curl -sf -u "$DEMO_M2M_CLIENT_ID:$DEMO_M2M_CLIENT_SECRET" -d grant_type=client_credentials \
  "http://127.0.0.1:$PORT/oauth2/token")
grep -q '"access_token"' <<<"$token" || { echo "verify: FAILED: no token: $token" >&2; exit 1; }
echo "== client_credentials token for $DEMO_M2M_CLIENT_ID: $(jq -c '{token_type, expires_in, scope, access_token: (.access_token[0:24] + "...")}' <<<"$token")"
kill $pid; wait $pid 2>/dev/null || true; pid=
echo "verify: OK in $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s"
