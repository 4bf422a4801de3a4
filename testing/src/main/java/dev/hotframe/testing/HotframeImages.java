package dev.hotframe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * Builds the dev server and viewer images from their executable jars and the Dockerfiles that
 * ship in this jar. The base image is {@code $HOTFRAME_BASE_IMAGE} when set (a machine without
 * a registry builds one with {@code docker/base/build-base.sh}), else the Dockerfiles' defaults,
 * public {@code eclipse-temurin} images.
 */
public final class HotframeImages {

    /** The environment variable naming the base image for both images. */
    public static final String BASE_ENV = "HOTFRAME_BASE_IMAGE";

    private HotframeImages() {
    }

    /** The dev server image, from {@code hotframe-devserver.jar}. */
    public static ImageFromDockerfile devServer(Path jar) {
        return image("hotframe/devserver", "devserver.Dockerfile", "hotframe-devserver.jar", jar);
    }

    /** The headless viewer image, from {@code hotframe-viewer.jar}. */
    public static ImageFromDockerfile viewer(Path jar) {
        return image("hotframe/viewer", "viewer.Dockerfile", "hotframe-viewer.jar", jar);
    }

    private static ImageFromDockerfile image(String name, String dockerfile, String jarName, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist; build it first (mvn -B package -DskipTests)");
        }
        ImageFromDockerfile image = new ImageFromDockerfile(name + ":test-" + Long.toHexString(jar.toFile().lastModified()), false)
                .withFileFromTransferable("Dockerfile", Transferable.of(dockerfile(dockerfile)))
                .withFileFromPath(jarName, jar);
        String base = System.getenv(BASE_ENV);
        return base == null || base.isBlank() ? image : image.withBuildArg("BASE", base);
    }

    private static byte[] dockerfile(String name) {
        try (InputStream in = HotframeImages.class.getResourceAsStream("docker/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the hotframe-testing jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
