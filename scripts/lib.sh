# Shared by run.sh and bench/run.sh: which JDK runs the services, and building the jar when stale.

AUTH_JAR=auth-server/target/auth-server-0.1.0-SNAPSHOT.jar
RESOURCE_JAR=resource-api/target/resource-api-0.1.0-SNAPSHOT.jar
CONSOLE_JAR=admin-ui/target/admin-ui-0.1.0-SNAPSHOT.jar

# The newest JDK installed: the bytecode targets 17, but ES256 signs ~4x faster on JDK 25.
newest_java() {
  local best="" best_version=0 candidate version
  for candidate in /usr/lib/jvm/*/bin/java ${JAVA_HOME:+$JAVA_HOME/bin/java}; do
    [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -gt "$best_version" ] 2>/dev/null; then best=$candidate; best_version=${version%%.*}; fi
  done
  echo "${best:-java}"
}

stale() { # stale JAR MODULE: the jar is missing or older than its sources
  [ ! -f "$1" ] || [ -n "$(find "$2/src" pom.xml "$2/pom.xml" -newer "$1" -print -quit)" ]
}

build_if_needed() {
  if stale "$AUTH_JAR" auth-server || stale "$RESOURCE_JAR" resource-api || stale "$CONSOLE_JAR" admin-ui; then
    echo "Building auth-server, resource-api and admin-ui ..." >&2
    ./mvnw -q -B -DskipTests package -pl auth-server,resource-api,admin-ui -am >&2
  fi
}

# Server secrets (pepper, key encryption secret, console secret), generated once and kept (mode
# 0600) in DIR/secrets.env, then exported: run.sh's data dir, or the cluster's, shared by its instances.
load_secrets() { # load_secrets DIR
  mkdir -p "$1"
  local file="$1/secrets.env"
  if [ ! -f "$file" ]; then
    (umask 077; {
      echo "AUTH_CLIENT_SECRET_PEPPER=$(random_secret)"
      echo "AUTH_KEY_ENCRYPTION_SECRET=$(random_secret)"
      echo "ADMIN_CONSOLE_SECRET=$(random_secret)"
    } > "$file")
  fi
  set -a; . "$file"; set +a
}

random_secret() {
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='
}

# JVM flags for a small service on a small machine: measured in BENCHMARKS.md and bench/WARMUP.md.
# SerialGC, -Xmx96m: the live set after warm-up is ~45 MiB, young pauses 2-3 ms at steady state.
# -XX:SweeperThreshold=50: at the default 15 (% of the 64 MiB code cache) the JIT's warm-up
#   triggered a full "CodeCache GC Threshold" collection every ~10 MiB of new code, two in the first
#   75 s, 420-590 ms each under load (bench/WARMUP.md); code cache unloading GCs still run when the
#   cache is 90% full (StartAggressiveSweepingAt).
# -XX:MetaspaceSize=96m: without a usable AOT cache (JDK < 25, or a cache refused, e.g. under
#   -XX:StartFlightRecording) start-up and warm-up ran 4 full "Metadata GC Threshold" collections at
#   the default 21 MiB high-water mark; with the cache they do not occur. Not a limit, a first threshold.
# -XX:CICompilerCount=3 on fewer than 4 CPUs (the JVM's own count from 4 CPUs up is 3 or more): on 2
#   CPUs the JVM starts 1 C1 and 1 C2 thread, and the one C2 thread drained the compile queue that
#   the AOT cache's method profiles fill so slowly that client_credentials stayed at ~4,000-5,700
#   req/s for the first 40 s; with 2 C2 threads it passes 8,000 by 25 s. It costs ~1.5 s of launch
#   and ~25 MiB of RSS (compiler arenas): bench/WARMUP.md "Compiler threads".
if [ "$(nproc 2>/dev/null || echo 4)" -lt 4 ]; then AUTH_JIT_OPTS="-XX:CICompilerCount=3"; else AUTH_JIT_OPTS=""; fi
AUTH_JAVA_OPTS=${AUTH_JAVA_OPTS:--XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:SweeperThreshold=50 -XX:MetaspaceSize=96m $AUTH_JIT_OPTS --enable-native-access=ALL-UNNAMED}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

# Sets AUTH_LAUNCH: how to start auth-server fast. Always Spring's build-time bean definitions
# (-Dspring.aot.enabled=true); on JDK 25+ also the JDK's AOT cache of loaded and linked classes and
# method profiles, trained once per build on a scratch database by starting the server and sending
# it token requests (launch to first token and JIT warm-up: BENCHMARKS.md).
prepare_launch() { # prepare_launch JAVA
  local java=$1 aot_dir=auth-server/target/aot major
  major=$(java_major "$java")
  AUTH_LAUNCH=("$java" $AUTH_JAVA_OPTS -Dspring.aot.enabled=true)
  # JDK 22+: give freed native memory back every 2 s (glibc keeps it in per-thread arenas): the
  # compiler threads' arenas otherwise stay in RSS, 33-55 MiB after 40 s of load (bench/WARMUP.md)
  [ "${major%%.*}" -ge 22 ] 2>/dev/null && AUTH_LAUNCH+=(-XX:TrimNativeHeapInterval=2000)
  if [ "${major%%.*}" -lt 25 ] 2>/dev/null; then
    AUTH_LAUNCH+=(-jar "$AUTH_JAR")
    return
  fi
  local jar="$aot_dir/$(basename "$AUTH_JAR")"
  if [ ! -f "$aot_dir/auth-server.aot" ] || [ "$AUTH_JAR" -nt "$aot_dir/auth-server.aot" ]; then
    rm -rf "$aot_dir"
    "$java" -Djarmode=tools -jar "$AUTH_JAR" extract --destination "$aot_dir" > /dev/null
    # the cache is valid only for the very classpath it was trained with: train with the launch's own
    train_aot_cache "$aot_dir/auth-server.aot" "${AUTH_LAUNCH[@]}" -jar "$jar" || rm -f "$aot_dir/auth-server.aot"
  fi
  [ -f "$aot_dir/auth-server.aot" ] && AUTH_LAUNCH+=(-XX:AOTCache="$aot_dir/auth-server.aot")
  AUTH_LAUNCH+=(-jar "$jar")
}

train_aot_cache() { # train_aot_cache CACHE_FILE COMMAND...
  local cache=$1; shift
  local scratch port pid secret=training-secret-0123456789abcdef
  scratch=$(mktemp -d)
  port=$(free_port)
  echo "Training the JDK's AOT cache on port $port (once per build, ~60 s) ..." >&2
  AUTH_DATA_DIR=$scratch AUTH_CLIENT_SECRET_PEPPER=training BENCH_CLIENT_SECRET=$secret \
    AUTH_ADMIN_USERNAME=trainer AUTH_ADMIN_PASSWORD=training-password-2026 \
    "${@:1:$#-2}" -XX:AOTCacheOutput="$cache" "${@: -2}" --spring.profiles.active=bench \
    --server.port="$port" --management.server.port=0 --server.address=127.0.0.1 > "$scratch/training.log" 2>&1 &
  pid=$!
  local url=http://127.0.0.1:$port/oauth2
  for _ in $(seq 1 480); do
    curl -sf -u "bench-m2m:$secret" -d grant_type=client_credentials "$url/token" > /dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$scratch/training.log" >&2; rm -rf "$scratch"; return 1; }
    sleep 0.25
  done
  aot_training_workload "http://127.0.0.1:$port" "$secret"
  kill "$pid"; wait "$pid" 2>/dev/null  # the JVM writes the cache as it exits
  rm -rf "$scratch"
  [ -f "$cache" ]
}

free_port() { # a loopback TCP port nobody listens on (training must never load another helper's server)
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo 19000
}

# What a JDK AOT cache is trained on, against a server started with profile bench (client bench-m2m
# with SECRET, public bench-cli, user trainer): train_aot_cache here, scripts/image.sh in the image.
aot_training_workload() { # aot_training_workload BASE_URL SECRET
  local url=$1/oauth2 secret=$2 basic refresh access
  basic=$(printf '%s' "bench-m2m:$secret" | base64 -w0)
  # Method profiles (JEP 515) are what the JIT starts from: train every hot path the way it is used,
  # concurrently (wrk, 16 connections, as bench/run.sh and bench/warmup.sh load it) and long enough
  # for the profiles to settle. The cache stores profiles of what ran, whatever its tier.
  if command -v wrk > /dev/null; then
    wrk -t2 -c16 -d"${AOT_TRAINING_SECONDS:-15}s" -s bench/load/token-cc.lua "$url/token" -- "$basic" > /dev/null 2>&1
  fi
  # The rotating refresh the same way: 18 chains (bench/load/refresh-rotating.lua), each token
  # used once. With 20 sequential refreshes only, a refresh cost ~10 core-ms in the first 10 s of
  # load and ~2.5 after 80 s (BENCHMARKS.md): its profiles were those of a cold path.
  local tokens
  tokens=$(mktemp)
  for _ in $(seq 1 18); do
    curl -s -d grant_type=password -d client_id=bench-cli -d username=trainer \
      -d password=training-password-2026 "$url/token" | sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p'
  done > "$tokens"
  if command -v wrk > /dev/null; then
    wrk -t2 -c16 -d"${AOT_TRAINING_SECONDS:-15}s" -s bench/load/refresh-rotating.lua "$url/token" -- bench-cli "$tokens" 9 \
      > /dev/null 2>&1
  else
    while read -r refresh; do
      curl -s -d grant_type=refresh_token -d client_id=bench-cli -d "refresh_token=$refresh" "$url/token" > /dev/null
    done < "$tokens"
  fi
  rm -f "$tokens"
  for _ in $(seq 1 300); do
    access=$(curl -s -u "bench-m2m:$secret" -d grant_type=client_credentials "$url/token" \
      | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  done
  if command -v wrk > /dev/null; then
    wrk -t2 -c16 -d5s -s bench/load/introspect.lua "$url/introspect" -- "$basic" "$access" > /dev/null 2>&1
  fi
  for _ in $(seq 1 50); do curl -s -u "bench-m2m:$secret" -d "token=$access" "$url/introspect" > /dev/null; done
  for _ in $(seq 1 50); do
    curl -s "$1/.well-known/openid-configuration" > /dev/null
    curl -s "$url/jwks" > /dev/null
  done
}
