package dev.hotframe.devserver.assets;

import dev.hotframe.devserver.http.SafePaths;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's assets as last read: images, fonts and SkSL shaders under the assets folder,
 * by project-relative path. Given changed files it says which assets changed bytes, which
 * were deleted, and which cannot be sent: a file whose real path (symlinks resolved) leaves
 * the assets folder, or one over {@link AssetFile#MAX_BYTES}. Files of other kinds are ignored.
 * Used from the change pipeline's thread only.
 */
public final class AssetCatalog {

    private static final Logger log = LoggerFactory.getLogger(AssetCatalog.class);

    /** What changed among the files given, as the viewers should hear it. */
    public record Result(List<AssetFile> changed, List<String> removed, Map<String, List<Diagnostic>> errors,
                         List<String> fixed) {
        public Result {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            errors = Map.copyOf(errors);
            fixed = List.copyOf(fixed);
        }

        public boolean isEmpty() {
            return changed.isEmpty() && removed.isEmpty() && errors.isEmpty() && fixed.isEmpty();
        }
    }

    private final Project project;
    private final Path folder;
    private final Map<String, AssetFile> current = new HashMap<>();
    private final Map<String, List<Diagnostic>> problems = new HashMap<>();
    private final long maxBytes;

    public AssetCatalog(Project project) {
        this(project, AssetFile.MAX_BYTES);
    }

    AssetCatalog(Project project, long maxBytes) {
        this.project = project;
        this.folder = project.assets();
        this.maxBytes = maxBytes;
    }

    /** Reads every asset under the folder. */
    public Result loadAll() {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> !Files.isDirectory(p)).forEach(files::add);
            } catch (IOException e) {
                log.warn("cannot list {}: {}; assets there are sent when they next change", folder, e.toString());
            }
        }
        return changed(files);
    }

    /** Whether {@code file} is in the assets folder and of a kind viewers reload. */
    public boolean isAsset(Path file) {
        return file.startsWith(folder) && !file.equals(folder) && AssetFile.Kind.of(file.getFileName().toString()) != null;
    }

    /** Re-reads {@code files} (changed, added or deleted) and says what changed for viewers. */
    public Result changed(Collection<Path> files) {
        List<AssetFile> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<Diagnostic>> errors = new LinkedHashMap<>();
        List<String> fixed = new ArrayList<>();
        for (Path file : new TreeSet<>(files)) {
            if (!isAsset(file)) {
                continue;
            }
            String path = key(file);
            boolean hadProblem = problems.remove(path) != null;
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (current.remove(path) != null) {
                    removed.add(path);
                } else if (hadProblem) {
                    fixed.add(path);
                }
                continue;
            }
            Object read = read(file, path);
            if (read instanceof Diagnostic problem) {
                problems.put(path, List.of(problem));
                errors.put(path, List.of(problem));
                // The viewer keeps what it had: a refused file must not take the last good asset with it.
            } else if (read instanceof AssetFile asset) {
                AssetFile before = current.put(path, asset);
                if (before == null || !before.sha256().equals(asset.sha256())) {
                    changed.add(asset);
                } else if (hadProblem) {
                    fixed.add(path);
                }
            }
        }
        return new Result(changed, removed, errors, fixed);
    }

    /** What viewers hold now, and what could not be sent. */
    public AssetSet published() {
        return new AssetSet(current, problems);
    }

    /** The asset read from {@code file}, or a {@link Diagnostic} saying why it cannot be sent. */
    private Object read(Path file, String path) {
        String inFolder = folder.relativize(file).toString().replace('\\', '/');
        Optional<Path> real = SafePaths.resolve(folder, inFolder);
        if (real.isEmpty()) {
            log.warn("refused to send {}: its real path is outside {} (a symlink?) or it is not a regular file", path,
                    project.relative(folder));
            return new Diagnostic(path, 0, 0, "refused: the real path of this asset is outside "
                    + project.relative(folder) + "/ (a symlink?) or it is not a regular file");
        }
        try {
            long size = Files.size(real.get());
            if (size > maxBytes) {
                return new Diagnostic(path, 0, 0, "this asset is " + size + " bytes; the most one asset may be is " + maxBytes);
            }
            return new AssetFile(path, Files.readAllBytes(real.get()));
        } catch (IOException e) {
            return new Diagnostic(path, 0, 0, "cannot read this asset: " + e);
        }
    }

    /** The path viewers know the asset by: relative to the project, or under "assets/" when the folder lies elsewhere. */
    private String key(Path file) {
        if (file.startsWith(project.root())) {
            return project.relative(file);
        }
        return "assets/" + folder.relativize(file).toString().replace('\\', '/');
    }
}
