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
