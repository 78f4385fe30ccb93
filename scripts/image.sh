#!/usr/bin/env bash
# Container images of auth-server, resource-api and admin-ui, built without a Docker daemon:
#   scripts/image.sh            base image (image/base-image.sh), the three images (Jib, profile
#                               image: <module>/target/jib-image.tar), then auth-server's JDK AOT
#                               cache trained inside its own image and auth-server's image again
#                               with the cache in it (/app/aot/auth-server.aot)
#   docker load -i auth-server/target/jib-image.tar     (on a machine with a daemon)
# Needs root (chroot, mount, files owned by uid 10001), jq, busybox-static. docs/container.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. image/lib.sh
started=$(date +%s)
say() { echo "image: $* ($(( $(date +%s) - started )) s)" >&2; }

image/base-image.sh
say "base image ready"
rm -rf auth-server/target/image-aot
./mvnw -B -q -Pimage -DskipTests package -pl auth-server,resource-api,admin-ui -am
say "images built: $(ls -sh auth-server/target/jib-image.tar resource-api/target/jib-image.tar admin-ui/target/jib-image.tar | tr '\n' ' ')"

# The JDK's AOT cache is valid for the very JDK and class path (paths, sizes, times) it was trained
# with: train it in the image itself, with the image's entrypoint, as its user. Jib writes the same
# files with the same times again, so the cache holds for the image rebuilt with it.
TAR=auth-server/target/jib-image.tar
ROOTFS=auth-server/target/image-train
unpack_image "$TAR" "$ROOTFS"
mount_rootfs "$ROOTFS"
trap 'unmount_rootfs "$ROOTFS"' EXIT
port=19200 secret=training-secret-0123456789abcdef url=http://127.0.0.1:19200/oauth2
say "training auth-server's AOT cache in the image (port $port)"
( IMAGE_DROP_FLAG=-XX:AOTCache= run_image "$TAR" "$ROOTFS" \
    SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 MANAGEMENT_PORT=19290 \
    AUTH_CLIENT_SECRET_PEPPER=training BENCH_CLIENT_SECRET=$secret \
    AUTH_ADMIN_USERNAME=trainer AUTH_ADMIN_PASSWORD=training-password-2026 \
    -- -XX:AOTCacheOutput=/tmp/auth-server.aot ) > "$ROOTFS.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf -u "bench-m2m:$secret" -d grant_type=client_credentials "$url/token" > /dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$ROOTFS.log" >&2; exit 1; }
  sleep 0.25
done
# the workload train_aot_cache uses too (scripts/lib.sh)
( . scripts/lib.sh && aot_training_workload "http://127.0.0.1:$port" "$secret")
kill $pid; wait $pid 2>/dev/null || true  # the JVM writes the cache as it exits
[ -s "$ROOTFS/tmp/auth-server.aot" ] || { cat "$ROOTFS.log" >&2; say "no AOT cache written"; exit 1; }
mkdir -p auth-server/target/image-aot
cp -p "$ROOTFS/tmp/auth-server.aot" auth-server/target/image-aot/auth-server.aot
chmod 644 auth-server/target/image-aot/auth-server.aot
unmount_rootfs "$ROOTFS"; rm -rf "$ROOTFS"; trap - EXIT
say "AOT cache trained: $(du -h auth-server/target/image-aot/auth-server.aot | cut -f1)"

# the jar is built: only Jib again, now with the cache in a layer of its own
./mvnw -B -q -o -Pimage jib:buildTar -pl auth-server
say "done: auth-server/target/jib-image.tar (with AOT cache), resource-api/target/jib-image.tar, admin-ui/target/jib-image.tar"
