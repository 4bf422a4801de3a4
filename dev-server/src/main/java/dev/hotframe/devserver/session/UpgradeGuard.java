package dev.hotframe.devserver.session;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a websocket upgrade before it happens. Browsers always send {@code Origin} on a
 * websocket, and viewers never do, so any Origin is refused: no web page can hijack the socket
 * (CVE-2025-24010, CVE-2018-14732). On a loopback bind the {@code Host} must name loopback,
 * which defeats DNS rebinding.
 */
final class UpgradeGuard {

    private static final Logger log = LoggerFactory.getLogger(UpgradeGuard.class);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean loopbackBind;

    UpgradeGuard(String bindHost) {
        this.loopbackBind = isLoopback(bindHost);
    }

    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            log.warn("refused a websocket from a browser page at origin {} (viewers never send an Origin)", origin);
            throw new ForbiddenResponse("browser origins may not connect to the Hotframe dev server");
        }
        String host = ctx.header("Host");
        if (!hostAllowed(host)) {
            log.warn("refused a websocket with Host '{}' (possible DNS rebinding)", host);
            throw new ForbiddenResponse("Host '" + host + "' is not this dev server");
        }
    }

    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        if (!loopbackBind) {
            return true;
        }
        String name = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceFirst(":\\d+$", "");
        return LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Returns whether {@code address} names this machine's loopback interface. */
    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
