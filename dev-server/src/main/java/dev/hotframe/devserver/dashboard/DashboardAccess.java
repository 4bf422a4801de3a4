package dev.hotframe.devserver.dashboard;

import dev.hotframe.devserver.session.AccessToken;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who may see the dashboard, as Jupyter does it: the first visit presents the server's token in
 * the URL ({@code /?token=...}); the answer sets an HttpOnly, SameSite=Strict session cookie and
 * redirects to the same page without the token, so the token leaves the address bar and the
 * history. Every later request needs the cookie (or the token). A page bound to loopback also
 * refuses a Host header that is not loopback (DNS rebinding), and a state-changing request must
 * come from the dashboard's own origin.
 */
final class DashboardAccess {

    static final String COOKIE = "hotframe_dashboard";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final AccessToken token;
    private final String session = newSecret();
    private final boolean loopback;

    /** Whether a request may go on. */
    sealed interface Access {
    }

    /** The request may go on. */
    record Allowed() implements Access {
    }

    /** The request is refused, and {@code reason} says why. */
    record Refused(String reason) implements Access {
    }

    DashboardAccess(AccessToken token, boolean loopback) {
        this.token = token;
        this.loopback = loopback;
    }

    /** Whether the request may go on, or why not. */
    Access check(Context ctx) {
        String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        if (loopback && !LOOPBACK.contains(host)) {
            return new Refused("the dashboard listens on loopback only; Host '" + ctx.host() + "' is not");
        }
        if (!ctx.method().name().equals("GET")) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.endsWith("//" + ctx.host())) {
                return new Refused("a request from another origin (" + origin + ")");
            }
        }
        if (cookieMatches(ctx.cookie(COOKIE)) || token.matchesPresented(ctx.header("Authorization"), ctx.queryParam("token"))) {
            return new Allowed();
        }
        return new Refused("open the dashboard through the URL with the token that 'devserver serve' printed");
    }

    /** Whether the request carries the token in its URL: then it gets the cookie and a redirect to the bare page. */
    boolean exchangeToken(Context ctx) {
        String presented = ctx.queryParam("token");
        if (presented == null || !token.matches(presented)) {
            return false;
        }
        Cookie cookie = new Cookie(COOKIE, session, "/", -1, false, true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.redirect(onThisServer(ctx.path()));
        return true;
    }

    /**
     * The same page as a path on this server: leading slashes and backslashes fold into one, so
     * {@code //evil.example.com/} (which a browser reads as another host) becomes
     * {@code /evil.example.com/}; anything but printable ASCII sends the visitor to the start page.
     */
    static String onThisServer(String path) {
        String rest = path == null ? "" : path.replaceFirst("^[/\\\\]+", "");
        return rest.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? "/" + rest : "/";
    }

    private boolean cookieMatches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
