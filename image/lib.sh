# Shared by scripts/image.sh and image/verify.sh: an image tar (docker save format, as jib:buildTar
# writes it) unpacked into a folder, and a command run in it the way a container runtime would
# (chroot as the image's user, with its environment and working directory). Needs root.

image_config() { # image_config TAR: the image's config JSON
  local config
  config=$(tar -xOf "$1" manifest.json | jq -r '.[0].Config')
  tar -xOf "$1" "$config"
}

unpack_image() { # unpack_image TAR DIR: the layers in order into DIR (emptied first)
  local tar=$1 dir=$2 layer
  unmount_rootfs "$dir"
  rm -rf "$dir"; mkdir -p "$dir"
  for layer in $(tar -xOf "$tar" manifest.json | jq -r '.[0].Layers[]'); do
    # owners as recorded (uid 10001 for /data), times as recorded (the AOT cache checks them)
    tar -xOf "$tar" "$layer" | tar -x --numeric-owner --same-owner -p -C "$dir" -f - \
      --warning=no-unknown-keyword $(case "$layer" in *gz) echo -z ;; esac)
    # Jib's layers add files only; a whiteout (.wh.) would need deleting what it names
    if find "$dir" -name '.wh.*' -print -quit | grep -q .; then echo "unpack: whiteouts in $layer not applied" >&2; fi
  done
}

# What a runtime provides: /proc, /dev, /etc/hosts and /etc/resolv.conf (the JVM's launcher finds
# its libraries through /proc/self/exe).
mount_rootfs() { # mount_rootfs DIR
  mountpoint -q "$1/proc" || mount -t proc proc "$1/proc"
  mountpoint -q "$1/dev" || mount --bind /dev "$1/dev"
  cp /etc/hosts "$1/etc/hosts"; cp /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
}

unmount_rootfs() { # unmount_rootfs DIR
  local m
  for m in proc dev; do mountpoint -q "$1/$m" 2>/dev/null && umount "$1/$m"; done
  return 0
}

# Runs the image's entrypoint (and cmd) in DIR as the image's user, with the image's environment
# plus NAME=VALUE pairs, in its working directory: what `docker run` does, minus the namespaces.
run_image() { # run_image TAR DIR [NAME=VALUE...] [-- EXTRA_JVM_FLAG...]: execs (IMAGE_DROP_FLAG: leave out entrypoint args starting so)
  local tar=$1 dir=$2 config user workdir; shift 2
  config=$(image_config "$tar")
  user=$(jq -r '.config.User // "0"' <<<"$config")
  [[ $user == *:* ]] || user="$user:$user"
  workdir=$(jq -r '.config.WorkingDir // "/"' <<<"$config")
  local env=() extra=() cmd=()
  mapfile -t env < <(jq -r '.config.Env[]?' <<<"$config")
  while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
  [ "${1:-}" = -- ] && { shift; extra=("$@"); }
  mapfile -t cmd < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' <<<"$config")
  if [ -n "${IMAGE_DROP_FLAG:-}" ]; then # e.g. -XX:AOTCache= while training (the JVM takes one of the two)
    local kept=() arg
    for arg in "${cmd[@]}"; do [[ $arg == "$IMAGE_DROP_FLAG"* ]] || kept+=("$arg"); done
    cmd=("${kept[@]}")
  fi
  # extra JVM flags (training, logging) go right after `java`, as the entrypoint's own would
  exec env -i "${env[@]}" "$(command -v chroot)" --userspec="$user" "$dir" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" \
    "${cmd[0]}" "${extra[@]}" "${cmd[@]:1}"
}
