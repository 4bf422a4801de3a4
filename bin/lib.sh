# Shared by the bin/ scripts: where things are, and building the jars when they are missing.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
devserver_jar="$root/dev-server/target/hotframe-devserver.jar"
viewer_jar="$root/viewer/target/hotframe-viewer.jar"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is not installed. $2" >&2; exit 2; }
}

ensure_jars() {
  if [ ! -f "$devserver_jar" ] || [ ! -f "$viewer_jar" ]; then
    need java "Hotframe needs a JDK 17 or newer."
    need mvn "Hotframe builds with Apache Maven 3.8 or newer."
    echo "Building Hotframe (first run, about a minute)..." >&2
    (cd "$root" && mvn -B -q -DskipTests package) >&2
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
