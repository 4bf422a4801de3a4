package dev.hotframe.viewer.cli;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.net.AddressSource;
import dev.hotframe.viewer.net.PinnedTrust;
import dev.hotframe.viewer.session.Ending;
import dev.hotframe.viewer.session.SessionSettings;
import dev.hotframe.viewer.session.ViewerSession;
import dev.hotframe.wire.Discovery;
import dev.hotframe.wire.Version;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viewer}: the Hotframe viewer's command line. */
@Command(name = "viewer", mixinStandardHelpOptions = true, versionProvider = ViewerCommand.class,
        description = "Hotframe viewer: runs an app from a dev server and applies every change live.",
        subcommands = {ViewerCommand.Connect.class, DoctorCommand.class, CommandLine.HelpCommand.class})
public final class ViewerCommand implements Runnable, CommandLine.IVersionProvider {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ViewerCommand()).execute(args));
    }

    /** The version line of this command and its subcommands. */
    @Override
    public String[] getVersion() {
        return new String[] {Version.line("Hotframe viewer")};
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code viewer connect}. */
    @Command(name = "connect", mixinStandardHelpOptions = true, versionProvider = ViewerCommand.class,
            description = "Connect to a dev server, run its app, and apply every update.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:closed by the user, or --exit-after reached with every update applied",
                "2:bad arguments", "3:the dev server refused this viewer (token, version, pin)",
                "4:--exit-after reached and an update failed to build or apply",
                "5:a frame did not match its golden frame (--golden)"})
    static final class Connect implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
                description = "The dev server's ws:// URL. Without it, the local dev server is found through "
                        + "$HOTFRAME_HOME/server.json (default ~/.hotframe).")
        URI url;

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "The access token (default: $HOTFRAME_TOKEN, or the local server's record).")
        String token;

        @Option(names = "--headless", description = "Render to a CPU raster surface instead of a window.")
        boolean headless;

        @Option(names = "--backend", defaultValue = "auto", paramLabel = "NAME",
                description = "auto, vulkan, gl or raster (default: ${DEFAULT-VALUE}). auto takes a real GPU (Vulkan, then "
                        + "OpenGL) and raster where the only GPU is emulated on the CPU; headless it takes raster. A backend "
                        + "that does not start falls back to the next. 'viewer doctor' shows what works here.")
        String backend;

        @Option(names = "--size", defaultValue = "800x600", paramLabel = "WxH",
                description = "Window or frame size in logical pixels (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--frames", paramLabel = "DIR",
                description = "Write frame-<seq>.png, latest.png, state.json and updates.jsonl here after every update.")
        Path frames;

        @Option(names = "--live-every", paramLabel = "MS", defaultValue = "0",
                description = "With frames written: also replace latest.png and state.json every MS milliseconds between "
                        + "updates, to watch an animation (frame-<seq>.png and updates.jsonl stay one per update). "
                        + "0 (the default): only on updates.")
        int liveEveryMs;

        @Option(names = "--exit-after", paramLabel = "N", defaultValue = "0",
                description = "Exit after N updates (the first snapshot counts) have been applied and drawn; for CI. "
                        + "Exit code 0 if every one applied, 4 if any failed. 0 (the default) runs until closed.")
        int exitAfter;

        @Option(names = "--golden", paramLabel = "DIR",
                description = "Compare every frame-<seq>.png with DIR/frame-<seq>.png; differing frames get a diff-<seq>.png "
                        + "(differences in red) and exit code 5. Use with --exit-after in CI.")
        Path goldenDir;

        @Option(names = "--golden-tolerance", paramLabel = "N", defaultValue = "2",
                description = "How much a colour channel (0-255) may differ before a pixel counts as different "
                        + "(default: ${DEFAULT-VALUE}).")
        int goldenTolerance;

        @Option(names = "--update-golden", description = "Write the frames into the --golden folder instead of comparing.")
        boolean updateGolden;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "Read the token from FILE before every connection attempt: a token file, or a dev server's "
                        + "server.json (for example on a volume shared with a dev server container).")
        Path tokenFile;

        @Option(names = "--pin", paramLabel = "SHA256",
                description = "For wss:// URLs: the SHA-256 fingerprint of the server's certificate, as 'devserver serve --tls' "
                        + "prints it. Only that certificate is trusted.")
        String pin;

        @Option(names = "--fps", defaultValue = "60", paramLabel = "N",
                description = "Frame rate cap (default: ${DEFAULT-VALUE}).")
        int fps;

        @Override
        public Integer call() throws Exception {
            int[] wh;
            try {
                wh = parseSize(size);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            BackendKind backendKind;
            try {
                backendKind = BackendKind.parse(backend);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            if (url != null && !(url.getScheme() != null && url.getScheme().matches("wss?"))) {
                System.err.println("error: URL must start with ws:// or wss://, was " + url);
                return 2;
            }
            if (goldenTolerance < 0 || goldenTolerance > 255) {
                System.err.println("error: --golden-tolerance must be in 0..255, was " + goldenTolerance);
                return 2;
            }
            if (liveEveryMs < 0) {
                System.err.println("error: --live-every must be 0 (off) or a number of milliseconds, was " + liveEveryMs);
                return 2;
            }
            if (updateGolden && goldenDir == null) {
                System.err.println("error: --update-golden needs --golden DIR");
                return 2;
            }
            if (pin != null) {
                try {
                    new PinnedTrust(pin);
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
                if (url == null || !"wss".equals(url.getScheme())) {
                    System.err.println("error: --pin needs a wss:// URL (the server's TLS certificate is what is pinned)");
                    return 2;
                }
            }
            AddressSource address = new AddressSource(url, token, System.getenv("HOTFRAME_TOKEN"), tokenFile, pin,
                    Discovery.home());
            Ending ending = new ViewerSession(new SessionSettings(address, wh[0], wh[1], backendKind, headless, fps, frames,
                    exitAfter, goldenDir, goldenTolerance, updateGolden, liveEveryMs), System.out::println).run();
            if (ending.problem() != null) {
                System.err.println("error: " + ending.problem());
            }
            return switch (ending.reason()) {
                case CLOSED -> 0;
                case REFUSED -> 3;
                case UPDATE_FAILED -> 4;
                case FRAMES_DIFFER -> 5;
            };
        }

        static int[] parseSize(String text) {
            String[] parts = text.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    int w = Integer.parseInt(parts[0].trim());
                    int h = Integer.parseInt(parts[1].trim());
                    if (w > 0 && h > 0 && w <= 16384 && h <= 16384) {
                        return new int[] {w, h};
                    }
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("--size must look like 800x600 (each side 1..16384), was '" + text + "'");
        }
    }
}
