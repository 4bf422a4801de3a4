package dev.hotframe.viewer.assets;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The held assets as class-loader resources, so that app code written for a jar
 * ({@code getClass().getResource("/logo.png")}) finds {@code assets/logo.png}: a resource is named by
 * the asset's path inside the assets folder, the project-relative path without its first segment.
 * Only what the dev server sends reaches a viewer (images, fonts and SkSL shaders under the assets
 * folder; not {@code src/main/resources}), so a resource the app asks for and the viewer lacks is
 * logged once per name, with what to do. Thread-safe.
 */
public final class AssetResources {

    private static final Logger log = LoggerFactory.getLogger(AssetResources.class);
    static final String PROTOCOL = "hotframe-asset";

    private final AssetBytes held;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Consumer<String> warnings;

    public AssetResources(AssetBytes held) {
        this(held, log::warn);
    }

    /** @param warnings where the warning for a missing resource goes (the log; a test's list) */
    AssetResources(AssetBytes held, Consumer<String> warnings) {
        this.held = held;
        this.warnings = warnings;
    }

    /**
     * The resource {@code name} ({@code "logo.png"}, {@code "images/bg.png"}, no leading slash, as
     * a class loader is asked), or null when no held asset has that path inside the assets folder.
     * The URL reads the bytes held at the time of the call.
     */
    public URL find(String name) {
        String path = pathOf(name);
        byte[] bytes = path == null ? null : held.shared(path);
        if (bytes == null) {
            missing(name);
            return null;
        }
        try {
            return new URL(PROTOCOL, null, -1, "/" + path, new Bytes(bytes));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot make a URL for asset '" + path + "'", e);
        }
    }

    /** The held asset whose path inside its folder is {@code name}, or null. */
    private String pathOf(String name) {
        for (String path : held.paths()) {
            if (insideFolder(path).equals(name)) {
                return path;
            }
        }
        return null;
    }

    /** {@code "assets/images/bg.png"} is {@code "images/bg.png"} inside its folder. */
    static String insideFolder(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private void missing(String name) {
        // The JDK and libraries probe for these on their own; only the app's own resources are worth a warning.
        if (name.endsWith(".class") || name.startsWith("META-INF/") || !warned.add(name)) {
            return;
        }
        warnings.accept("the app asked for resource '" + name + "', which this viewer does not have, and got null;"
                + " resources are served from the project's assets folder by their path inside it (assets/" + name
                + "), and only images, fonts and .sksl shaders are sent (src/main/resources is not)");
    }

    /** Serves one asset's bytes as a URL's content. */
    private static final class Bytes extends URLStreamHandler {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long getContentLengthLong() {
                    return bytes.length;
                }
            };
        }
    }
}
