# Shared by run.sh and bench/run.sh: which JDK runs the services, and building the jar when stale.

AUTH_JAR=auth-server/target/auth-server-0.1.0-SNAPSHOT.jar

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

build_if_needed() {
  if [ ! -f "$AUTH_JAR" ] || [ -n "$(find auth-server/src pom.xml auth-server/pom.xml -newer "$AUTH_JAR" -print -quit)" ]; then
    echo "Building auth-server ..." >&2
    ./mvnw -q -B -DskipTests package -pl auth-server -am >&2
  fi
}

random_secret() {
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='
}

# JVM flags for a small service on a small machine: measured in BENCHMARKS.md.
AUTH_JAVA_OPTS=${AUTH_JAVA_OPTS:--XX:+UseSerialGC --enable-native-access=ALL-UNNAMED}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

# Sets AUTH_LAUNCH: how to start auth-server fast. Always Spring's build-time bean definitions
# (-Dspring.aot.enabled=true); on JDK 25+ also the JDK's AOT cache of loaded and linked classes,
# trained once per build by starting the application up to its refresh (launch to first token:
# ~11 s -> ~3.5 s on 2 cores, BENCHMARKS.md).
prepare_launch() { # prepare_launch JAVA
  local java=$1 aot_dir=auth-server/target/aot
  AUTH_LAUNCH=("$java" $AUTH_JAVA_OPTS -Dspring.aot.enabled=true)
  if [ "$(java_major "$java")" -lt 25 ] 2>/dev/null; then
    AUTH_LAUNCH+=(-jar "$AUTH_JAR")
    return
  fi
  if [ ! -f "$aot_dir/auth-server.aot" ] || [ "$AUTH_JAR" -nt "$aot_dir/auth-server.aot" ]; then
    echo "Training the JDK's AOT cache (once per build, ~30 s) ..." >&2
    rm -rf "$aot_dir"
    "$java" -Djarmode=tools -jar "$AUTH_JAR" extract --destination "$aot_dir" > /dev/null
    local scratch; scratch=$(mktemp -d)
    (cd "$aot_dir" && AUTH_DATA_DIR=$scratch AUTH_CLIENT_SECRET_PEPPER=training "${AUTH_LAUNCH[@]}" \
      -XX:AOTCacheOutput=auth-server.aot -Dspring.context.exit=onRefresh -jar "$(basename "$AUTH_JAR")" \
      > "$scratch/training.log" 2>&1) || { cat "$scratch/training.log" >&2; rm -rf "$scratch"; return 1; }
    rm -rf "$scratch"
  fi
  AUTH_LAUNCH+=(-XX:AOTCache="$aot_dir/auth-server.aot" -jar "$aot_dir/$(basename "$AUTH_JAR")")
}
