package dev.hotframe.devserver.libs;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /hotframe/libraries/<sha256>}: the bytes of a library the server named in an update,
 * for clients that present the token. Only hashes on the {@link LibraryShelf} are served, so the
 * route cannot be used to read any other file; anything else is 404.
 */
public final class LibraryRoute {

    private static final Logger log = LoggerFactory.getLogger(LibraryRoute.class);
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final LibraryShelf shelf;
    private final Predicate<Context> authorized;

    public LibraryRoute(LibraryShelf shelf, Predicate<Context> authorized) {
        this.shelf = shelf;
        this.authorized = authorized;
    }

    public void handle(Context ctx) throws IOException {
        if (!authorized.test(ctx)) {
            ctx.status(401).result("missing or wrong access token");
            return;
        }
        String sha = ctx.pathParam("sha256");
        Optional<Path> file = HEX64.matcher(sha).matches() ? shelf.file(sha) : Optional.empty();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            ctx.status(404).result("no such library");
            return;
        }
        log.debug("sending library {} to {}", file.get().getFileName(), ctx.ip());
        ctx.contentType("application/java-archive");
        ctx.header("X-Content-Type-Options", "nosniff");
        InputStream in = Files.newInputStream(file.get());
        ctx.header("Content-Length", Long.toString(Files.size(file.get())));
        ctx.result(in);
    }
}
