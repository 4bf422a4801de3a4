# Shared by the bin/ scripts: where things are, and building the jars when they are missing.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
devserver_jar="$root/dev-server/target/hotframe-devserver.jar"
viewer_jar="$root/viewer/target/hotframe-viewer.jar"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is not installed. $2" >&2; exit 2; }
}

# True when JAR is missing or older than any source or pom of the modules that go into it (a pull
# or an edit since the last build), so a script never runs yesterday's code.
stale() {
  local jar="$1"; shift
  [ ! -f "$jar" ] && return 0
  local dir
  for dir in "$@"; do
    if [ -n "$(find "$root/$dir/src/main" "$root/$dir/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  [ -n "$(find "$root/pom.xml" -newer "$jar" -print -quit)" ]
}

ensure_jars() {
  if stale "$devserver_jar" protocol dev-server || stale "$viewer_jar" protocol viewer; then
    need java "Hotframe needs a JDK 17 or newer."
    need mvn "Hotframe builds with Apache Maven 3.8 or newer."
    if [ -f "$devserver_jar" ] && [ -f "$viewer_jar" ]; then
      echo "Building Hotframe (the sources changed since the last build)..." >&2
    else
      echo "Building Hotframe (first run, about a minute)..." >&2
    fi
    (cd "$root" && mvn -B -q -DskipTests package -pl dev-server,viewer -am) >&2
  fi
}

# JVM flags that depend on the JDK and the OS.
java_flags() {
  local spec
  spec="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ -n "$spec" ] && [ "${spec%%.*}" -ge 22 ] 2>/dev/null; then
    # LWJGL and Skija call native code; JDK 22+ warns unless this is allowed.
    echo "--enable-native-access=ALL-UNNAMED -Dorg.lwjgl.system.memoryBackend=ffm"
  fi
  if [ "$(uname -s)" = "Darwin" ]; then
    # GLFW must run on the main thread on macOS (untested here: no macOS machine).
    echo "-XstartOnFirstThread"
  fi
}
