# The Hotframe dev server, serving the project mounted (or copied) at /project.
#
#   mvn -B -q package -DskipTests
#   docker build -f docker/devserver.Dockerfile -t hotframe/devserver dev-server/target
#
# BASE must have a JDK (the dev server runs javac in-process). CI here passes a locally built
# image (docker/base/build-base.sh) because no registry is reachable.
ARG BASE=eclipse-temurin:17-jdk
FROM ${BASE}
COPY hotframe-devserver.jar /opt/hotframe/devserver.jar
ENV HOTFRAME_HOME=/hotframe-home
EXPOSE 7777
ENTRYPOINT ["java", "-jar", "/opt/hotframe/devserver.jar"]
CMD ["serve", "/project", "--host", "0.0.0.0", "--port", "7777"]
