package dev.hotframe.devserver.cli;

import dev.hotframe.devserver.serve.DevServer;
import dev.hotframe.devserver.session.HubSettings;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What {@code devserver serve} prints once it is ready: where to connect, and who else can. */
final class Banner {

    private Banner() {
    }

    /**
     * How the user runs Hotframe's command {@code name} ({@code viewer}, {@code devserver}): by its
     * bare name after bin/install (whose scripts set {@code HOTFRAME_INSTALLED}), else as
     * {@code bin/NAME} in the Hotframe checkout.
     */
    static String command(String name) {
        return System.getenv("HOTFRAME_INSTALLED") != null ? name : "bin/" + name;
    }

    static void print(DevServer server, String host, Ansi ansi) {
        PrintStream out = System.out;
        boolean loopback = HubSettings.isLoopback(host);
        out.println(ansi.green(ansi.bold("Hotframe dev server ready: ")) + ansi.bold(server.url()));
        out.println("  project: " + server.project().root() + " (app " + server.project().appClass() + ")");
        out.println("  token:   in " + server.recordFile() + " (viewers on this machine find it there)");
        if (server.dashboardUrl() != null) {
            out.println("  dashboard: " + ansi.cyan(server.dashboardUrl()));
        }
        if (server.tls() != null) {
            out.println("  TLS:     " + (server.tls().selfSigned() ? "self-signed certificate " : "certificate from ")
                    + server.tls().file());
            out.println("  pin:     " + server.tls().fingerprint());
        }
        if (!loopback) {
            out.println(ansi.yellow("WARNING:") + " listening on " + host + (isWildcard(host) ? " (every interface: " + String.join(", ", addresses())
                    + ")" : "") + ". Any machine that can reach it and has the token can connect a viewer and receive "
                    + "this project's code." + (server.tls() == null ? " The token travels in clear text: use --tls." : ""));
            out.println("  connect: " + command("viewer") + " connect " + server.url() + " --token $(jq -r .token " + server.recordFile() + ")"
                    + (server.tls() != null ? " --pin " + server.tls().fingerprint() : ""));
        } else {
            out.println("  connect: " + command("viewer") + " connect   " + ansi.dim("(Ctrl+C stops the server)"));
        }
        out.flush();
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static List<String> addresses() {
        List<String> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        found.add(address.getHostAddress().replaceFirst("%.*$", ""));
                    }
                }
            }
        } catch (SocketException e) {
            found.add("unknown: " + e.getMessage());
        }
        return found.isEmpty() ? List.of("no other interface is up") : found;
    }
}
