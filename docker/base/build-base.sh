#!/usr/bin/env bash
# Builds a Hotframe base image FROM scratch, with no registry: a jlink runtime of this machine's
# JDK (javac included, for the dev server), the shared libraries it and Skija's native library
# link, busybox for a shell, and the DejaVu fonts with fontconfig's configuration.
#
#   docker/base/build-base.sh [TAG] [VIEWER_JAR]      default TAG: hotframe/jre-base:local
#
# Real users do not need this: the Dockerfiles default to eclipse-temurin images.
set -euo pipefail

tag="${1:-hotframe/jre-base:local}"
viewer_jar="${2:-$(cd "$(dirname "$0")/../.." && pwd)/viewer/target/hotframe-viewer.jar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
modules=java.base,java.compiler,jdk.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.rmi,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs

for tool in docker ldd; do
  command -v "$tool" >/dev/null || { echo "build-base: '$tool' is missing" >&2; exit 2; }
done
[ -f "$viewer_jar" ] || { echo "build-base: $viewer_jar not found; build it with: mvn -B -q package -pl viewer -am -DskipTests" >&2; exit 2; }
if [ ! -x /bin/busybox ]; then
  echo "build-base: installing busybox-static (a shell for the image)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends busybox-static >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{bin,etc,tmp,root,opt,frames,project,home}
chmod 1777 "$root/tmp"

echo "build-base: jlink from $java_home"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$root/opt/jre"

# Skija's native library is extracted at run time; link-check it now to copy what it needs.
unzip -q -o -j "$viewer_jar" 'io/github/humbleui/skija/linux/x64/libskija.so' -d "$work/skija"

copy_deps() {
  ldd "$1" 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | while read -r lib; do
    [ -e "$root$lib" ] || cp --parents -L "$lib" "$root"
  done
}
for f in "$root/opt/jre/bin/"* $(find "$root/opt/jre/lib" -name '*.so') "$work/skija/libskija.so"; do
  copy_deps "$f"
done
# The loader itself, and the libraries libGL and fontconfig open by name at run time.
cp --parents -L /lib64/ld-linux-x86-64.so.2 "$root"
for pattern in 'libGLX_mesa.so*' 'libEGL_mesa.so*' 'libnss_files.so*' 'libgcc_s.so*'; do
  find /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu -maxdepth 1 -name "$pattern" 2>/dev/null | while read -r lib; do
    [ -e "$root$lib" ] || cp --parents -L "$lib" "$root"
    copy_deps "$lib"
  done
done

cp /bin/busybox "$root/bin/busybox"
cp -r --parents /etc/fonts "$root" 2>/dev/null || true
[ -d /usr/share/fonts/truetype/dejavu ] && cp -r --parents /usr/share/fonts/truetype/dejavu "$root"
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/opt/jre/bin:/bin JAVA_HOME=/opt/jre HOME=/root LANG=C.UTF-8
DOCKERFILE

echo "build-base: docker build -t $tag"
docker build -q -t "$tag" "$work" >/dev/null
docker image ls "$tag" --format 'build-base: {{.Repository}}:{{.Tag}} {{.Size}}'
