# A headless Hotframe viewer: CPU raster rendering, frames, state.json and updates.jsonl in /frames.
#
#   mvn -B -q package -DskipTests
#   docker build -f docker/viewer.Dockerfile -t hotframe/viewer viewer/target
#   docker run --rm -v "$PWD/frames:/frames" hotframe/viewer connect ws://HOST:7777/hotframe --token T --headless --frames /frames
#
# Skija's native library links libGL, libEGL and fontconfig even for raster rendering; on a
# Debian or Ubuntu base they are installed here. Other bases must bring them (the local CI base does).
ARG BASE=eclipse-temurin:17-jre
FROM ${BASE}
RUN if command -v apt-get >/dev/null 2>&1; then \
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libgl1 libegl1 libfontconfig1 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*; \
    fi
COPY hotframe-viewer.jar /opt/hotframe/viewer.jar
ENV HOTFRAME_HOME=/hotframe-home
ENTRYPOINT ["java", "-jar", "/opt/hotframe/viewer.jar"]
CMD ["connect", "--headless", "--frames", "/frames"]
