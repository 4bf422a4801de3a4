package dev.hotframe.viewer.assets;

import dev.hotframe.app.ProjectAssets;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.skija.impl.RefCnt;
import io.github.humbleui.skija.paragraph.FontCollection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The viewer's assets, decoded: images completely, with Skia's codecs and within size limits
 * ({@link ImageDecoder}), fonts into the paragraph font
 * collection ({@link ProjectFonts}), SkSL shaders compiled as runtime effects. An asset whose
 * new bytes do not decode or compile keeps its last good version and is reported as a
 * {@link Diagnostic} with the file and, for SkSL, the line. Replaced native objects are freed.
 * The bytes of each held asset are kept too ({@link AssetBytes}), for the app's
 * {@link ProjectAssets#bytes} and its class loader's resources. Render thread only (but for
 * {@link #held()}): updates are applied between frames.
 */
public final class AssetStore implements Assets, ProjectAssets, AutoCloseable {

    /** What applying assets did: the paths now held anew, those dropped, and the problems per path. */
    public record Outcome(List<String> applied, List<String> removed, Map<String, List<Diagnostic>> problems) {
        public Outcome {
            applied = List.copyOf(applied);
            removed = List.copyOf(removed);
            problems = Map.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** One line for the log and the toast: {@code "2 assets: assets/bg.sksl (shader), assets/logo.png (image)"}. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            applied.forEach(p -> parts.add(p + " (" + AssetFile.Kind.of(p).name().toLowerCase(java.util.Locale.ROOT) + ")"));
            removed.forEach(p -> parts.add(p + " (removed)"));
            int n = applied.size() + removed.size();
            return n == 0 ? "no asset changed" : n + (n == 1 ? " asset: " : " assets: ") + String.join(", ", parts);
        }
    }

    /** A decoded asset and the hash of the bytes it came from. */
    private record Held<T extends RefCnt>(String sha256, T value) {
    }

    private final Map<String, Held<Image>> images = new HashMap<>();
    private final Map<String, Held<RuntimeEffect>> shaders = new HashMap<>();
    private final Map<String, Held<Typeface>> fonts = new HashMap<>();
    private final ProjectFonts collection = new ProjectFonts();
    private final AssetBytes bytes = new AssetBytes();
    private long version;

    @Override
    public Image image(String path) {
        Held<Image> held = images.get(path);
        return held == null ? null : held.value();
    }

    @Override
    public RuntimeEffect shader(String path) {
        Held<RuntimeEffect> held = shaders.get(path);
        return held == null ? null : held.value();
    }

    @Override
    public Typeface typeface(String path) {
        Held<Typeface> held = fonts.get(path);
        return held == null ? null : held.value();
    }

    @Override
    public byte[] bytes(String path) {
        return bytes.copy(path);
    }

    @Override
    public long version(String path) {
        return bytes.version(path);
    }

    /** The bytes of the assets held, readable from any thread. */
    public AssetBytes held() {
        return bytes;
    }

    @Override
    public FontCollection fonts() {
        return collection.collection();
    }

    @Override
    public long version() {
        return version;
    }

    /** Every asset path held, sorted. */
    public Set<String> paths() {
        Set<String> all = new java.util.TreeSet<>(images.keySet());
        all.addAll(shaders.keySet());
        all.addAll(fonts.keySet());
        return all;
    }

    /** Applies an asset update: decodes {@code changed}, drops {@code removed}. */
    public Outcome apply(List<AssetFile> changed, List<String> removed) {
        Map<String, List<Diagnostic>> problems = new TreeMap<>();
        List<String> applied = new ArrayList<>();
        boolean fontsChanged = false;
        for (AssetFile asset : changed) {
            AssetFile.Kind kind = asset.kind();
            if (kind == null || heldSha(asset.path()).equals(asset.sha256())) {
                continue;
            }
            List<Diagnostic> problem = switch (kind) {
                case IMAGE -> image(asset);
                case SHADER -> compile(asset);
                case FONT -> put(fonts, asset, ProjectFonts.decode(asset.bytes()));
            };
            if (problem.isEmpty()) {
                applied.add(asset.path());
                fontsChanged |= kind == AssetFile.Kind.FONT;
            } else {
                problems.put(asset.path(), problem);
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String path : removed) {
            boolean font = fonts.containsKey(path);
            if (drop(images, path) | drop(shaders, path) | drop(fonts, path)) {
                dropped.add(path);
                fontsChanged |= font;
            }
        }
        if (fontsChanged) {
            Map<String, Typeface> faces = new HashMap<>();
            fonts.forEach((path, held) -> faces.put(path, held.value()));
            collection.rebuild(faces);
        }
        if (!applied.isEmpty() || !dropped.isEmpty()) {
            version++;
            long now = version;
            changed.stream().filter(a -> applied.contains(a.path())).forEach(a -> bytes.put(a.path(), a.bytes(), now));
            dropped.forEach(path -> bytes.remove(path, now));
        }
        return new Outcome(applied, dropped, problems);
    }

    /** Applies a snapshot: holds exactly {@code all}, re-decoding only what changed. */
    public Outcome replaceAll(List<AssetFile> all) {
        Set<String> keep = new HashSet<>();
        all.forEach(a -> keep.add(a.path()));
        List<String> gone = paths().stream().filter(p -> !keep.contains(p)).toList();
        return apply(all, gone);
    }

    private String heldSha(String path) {
        for (Map<String, ? extends Held<?>> map : List.of(images, shaders, fonts)) {
            Held<?> held = map.get(path);
            if (held != null) {
                return held.sha256();
            }
        }
        return "";
    }

    private List<Diagnostic> image(AssetFile asset) {
        ImageDecoder.Result result = ImageDecoder.decode(asset.bytes());
        if (result instanceof ImageDecoder.Decoded decoded) {
            return put(images, asset, decoded.image());
        }
        return List.of(new Diagnostic(asset.path(), 0, 0, ((ImageDecoder.Refused) result).problem()
                + "; keeping the last good version"));
    }

    private List<Diagnostic> compile(AssetFile asset) {
        String source = new String(asset.bytes(), StandardCharsets.UTF_8);
        RuntimeEffect effect;
        try {
            effect = RuntimeEffect.makeForShader(source);
        } catch (RuntimeException e) {
            return ShaderError.parse(asset.path(), source, e.getMessage());
        }
        return put(shaders, asset, effect);
    }

    private static <T extends RefCnt> List<Diagnostic> put(Map<String, Held<T>> map, AssetFile asset, T value) {
        if (value == null) {
            return List.of(new Diagnostic(asset.path(), 0, 0, "not a TrueType or OpenType font (" + asset.bytes().length
                    + " bytes); keeping the last good version"));
        }
        Held<T> old = map.put(asset.path(), new Held<>(asset.sha256(), value));
        if (old != null) {
            old.value().close();
        }
        return List.of();
    }

    private static <T extends RefCnt> boolean drop(Map<String, Held<T>> map, String path) {
        Held<T> old = map.remove(path);
        if (old != null) {
            old.value().close();
        }
        return old != null;
    }

    @Override
    public void close() {
        for (Map<String, ? extends Held<?>> map : List.of(images, shaders, fonts)) {
            map.values().forEach(h -> h.value().close());
            map.clear();
        }
        collection.close();
    }
}
