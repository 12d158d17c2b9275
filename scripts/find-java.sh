# Sourced by ./reel, ./mvnw and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or fails with a message.
# Order: $JAVA_HOME, the java on PATH, SDKMAN's current java, then every JDK under SDKMAN's
# candidates, ~/.jdks, ~/.sdkman, /usr/lib/jvm and /usr/java (newest first in each place).
reel_java_major() { # prints the feature version of the java binary $1, or 0
  # a JDK's release file names its version: no JVM start (two of them cost 0.3 s per ./reel run)
  local release v
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$release" | head -n1 | sed 's/^1\.//; s/\..*//')"
    if [ -n "$v" ]; then echo "$v"; return 0; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | sed 's/^1\.//' || echo 0
}
reel_find_java() {
  local candidates=() c place
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  [ -d "$HOME/.sdkman/candidates/java/current" ] && candidates+=("$HOME/.sdkman/candidates/java/current")
  for place in "$HOME/.sdkman/candidates/java" "$HOME/.jdks" /usr/lib/jvm /usr/java; do
    for c in $(ls -d "$place"/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      REEL_JAVA_MAJOR="$(reel_java_major "$c/bin/java")"
      if [ "$REEL_JAVA_MAJOR" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$c" REEL_JAVA_MAJOR
        return 0
      fi
    fi
  done
  echo "reel: no JDK 21 or newer found (looked at JAVA_HOME, PATH, SDKMAN, ~/.jdks and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk or Temurin 21+" >&2
  return 1
}
