package dev.hotframe.devserver.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /hotframe/assets/<path>}: a file from the project's assets folder, for clients that
 * present the token. Anything that would leave the folder is answered 404, the same as a file
 * that does not exist, so a probe learns nothing.
 */
public final class AssetRoute {

    private static final Logger log = LoggerFactory.getLogger(AssetRoute.class);

    private final Path root;
    private final Predicate<Context> authorized;

    public AssetRoute(Path root, Predicate<Context> authorized) {
        this.root = root;
        this.authorized = authorized;
    }

    public void handle(Context ctx) throws IOException {
        if (!authorized.test(ctx)) {
            ctx.status(401).result("missing or wrong access token");
            return;
        }
        String requested = ctx.pathParam("path");
        Optional<Path> file = SafePaths.resolve(root, requested);
        if (file.isEmpty()) {
            log.debug("refused asset request '{}' from {}", requested, ctx.ip());
            ctx.status(404).result("no such asset");
            return;
        }
        String type = Files.probeContentType(file.get());
        ctx.contentType(type == null ? "application/octet-stream" : type);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(Files.readAllBytes(file.get()));
    }
}
