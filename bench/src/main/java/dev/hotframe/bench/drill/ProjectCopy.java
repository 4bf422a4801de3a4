package dev.hotframe.bench.drill;

import dev.hotframe.bench.project.SampleProject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The copy the drill edits, never the user's own files: everything but build output and version
 * control. The sample app gets a pom of its own (its checked-in one names Hotframe's parent pom).
 */
final class ProjectCopy {

    private static final List<String> LEFT_OUT = List.of("target", ".git", "build", ".idea", ".gradle");

    private ProjectCopy() {
    }

    /** Copies the user's project at {@code source} to {@code target} and reads its layout there. */
    static ProjectLayout ofProject(Path source, Path target) throws IOException {
        ProjectLayout.read(source);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = source.relativize(from);
                if (relative.getNameCount() > 0 && LEFT_OUT.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return withImage(ProjectLayout.read(target));
    }

    /** Copies Hotframe's sample app, with a standalone pom that takes the app contract from {@code viewerJar}. */
    static ProjectLayout ofSample(Path sampleApp, Path target, Path viewerJar) throws IOException {
        SampleProject.copy(sampleApp, target, viewerJar);
        return withImage(ProjectLayout.read(target));
    }

    /** A project without a PNG asset gets a small one before the server starts, so the truncated-PNG edit has a good image to break. */
    private static ProjectLayout withImage(ProjectLayout layout) throws IOException {
        if (layout.image().isPresent()) {
            return layout;
        }
        Path png = layout.createdImage();
        Files.createDirectories(png.getParent());
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFF3366FF : 0xFFFFD166);
            }
        }
        ImageIO.write(image, "png", png.toFile());
        return layout.withImage(png);
    }
}
