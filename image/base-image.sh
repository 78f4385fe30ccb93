#!/usr/bin/env bash
# Builds the services' base image without a Docker daemon: a minimal root file system (a jlink'd
# JDK 25 runtime, the shared libraries it needs copied from this machine, busybox for sh/wget in
# health checks, /etc/passwd with the non-root user app uid 10001, /tmp, /data) written as a
# `docker save` archive that Jib reads as its base image (<from><image>tar://...</image>).
#   image/base-image.sh [OUTPUT]     default: target/base-image/base-image.tar (not committed)
# Rebuilt only when missing or older than this script. JDK: $IMAGE_JDK (default Temurin 25).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/base-image/base-image.tar}
JDK=${IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
TAG=oauth-platform/base:jdk25
# What Spring Boot, the services, the JFR and jcmd need; not the desktop, compiler or tools.
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.jfr,jdk.jfr,jdk.jcmd,jdk.naming.dns,jdk.zipfs,jdk.charsets,jdk.net

if [ -f "$OUT" ] && [ "$OUT" -nt "$0" ] && [ "$OUT" -nt "$JDK/release" ]; then
  echo "base image: $OUT is up to date" >&2; exit 0
fi
[ -x "$JDK/bin/jlink" ] || { echo "base image: no JDK at $JDK (IMAGE_JDK)" >&2; exit 1; }
BUSYBOX=$(command -v busybox || true)
if [ -z "$BUSYBOX" ] || ldd "$BUSYBOX" > /dev/null 2>&1; then
  echo "base image: needs a static busybox: apt-get install busybox-static" >&2; exit 1
fi
[ "$(id -u)" = 0 ] || echo "base image: not root: files owned by uid 10001 need root (or fakeroot)" >&2

work=$(dirname "$OUT")/work
rm -rf "$work"; mkdir -p "$work"
root=$(cd "$work" && pwd)/rootfs
mkdir -p "$root"/{bin,etc,tmp,data,home/app,opt/java,lib64,usr/lib/x86_64-linux-gnu,proc,sys,dev}
ln -s usr/lib "$root/lib"

echo "base image: jlink $("$JDK/bin/java" -version 2>&1 | head -1) ($MODULES)" >&2
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$root/opt/java/openjdk"

# every shared library the runtime's binaries and libraries link against, from this machine (glibc);
# not those of the X11/sound parts of java.desktop (headless: java.beans is all Spring needs of it)
for f in "$root"/opt/java/openjdk/bin/* $(find "$root/opt/java/openjdk/lib" -name '*.so' \
    ! -name libawt_xawt.so ! -name libjawt.so ! -name libsplashscreen.so ! -name libjsound.so); do
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib64\// {print $1}'
done | grep -v "^$root/" | sort -u | while read -r lib; do
  case "$lib" in
    */ld-linux-x86-64.so.2) cp -L "$lib" "$root/lib64/ld-linux-x86-64.so.2" ;;
    *) cp -L "$lib" "$root/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ;;
  esac
done
# libgcc_s for pthread_cancel (glibc dlopens it), libstdc++ for native JCA providers (ACCP)
for lib in libgcc_s.so.1 libstdc++.so.6; do
  src=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$src" ] && cp -L "$src" "$root/usr/lib/x86_64-linux-gnu/$lib"
done

cp "$BUSYBOX" "$root/bin/busybox"
for tool in sh wget cat ls ps env id sleep; do ln -s busybox "$root/bin/$tool"; done
mkdir -p "$root/usr/bin" && ln -s ../../bin/env "$root/usr/bin/env"

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
app:x:10001:10001:app:/home/app:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
app:x:10001:
nogroup:x:65534:
GROUP
echo "hosts: files dns" > "$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
chown -R 10001:10001 "$root/data" "$root/home/app" 2>/dev/null || true
chmod 755 "$root/data" "$root/home/app"

# one layer, reproducible (sorted names, fixed times, numeric owners)
tar --sort=name --mtime=@1 --numeric-owner --format=gnu -C "$root" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
java_version=$(awk -F'"' '/^JAVA_VERSION=/ {print $2}' "$root/opt/java/openjdk/release")
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8","JAVA_VERSION=$java_version"],
           "WorkingDir":"/data","Labels":{"org.opencontainers.image.description":"jlink'd JDK $java_version on glibc from Debian (no package manager), busybox, user app 10001"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"image/base-image.sh"}]}
JSON
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/$config.json"
mkdir -p "$work/archive"
mv "$work/$config.json" "$work/archive/"
mv "$work/layer.tar" "$work/archive/layer.tar"
echo "[{\"Config\":\"$config.json\",\"RepoTags\":[\"$TAG\"],\"Layers\":[\"layer.tar\"]}]" > "$work/archive/manifest.json"
tar --sort=name --mtime=@1 --numeric-owner -C "$work/archive" -cf "$OUT.tmp" manifest.json "$config.json" layer.tar
mv "$OUT.tmp" "$OUT"
rm -rf "$work"
echo "base image: $OUT ($TAG, $(du -h "$OUT" | cut -f1), layer $diff_id)" >&2
