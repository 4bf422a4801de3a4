package dev.hotframe.viewer.cli;

import dev.hotframe.viewer.frame.FrameLoop;
import dev.hotframe.viewer.frame.RenderTarget;
import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.GoldenFrames;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.viewer.net.ServerAddress;
import dev.hotframe.viewer.net.Receiver;
import dev.hotframe.viewer.net.ServerConnection;
import dev.hotframe.viewer.net.TokenFile;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.window.TargetChooser;
import dev.hotframe.process.StopSignals;
import dev.hotframe.wire.Version;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viewer}: the Hotframe viewer's command line. */
@Command(name = "viewer", mixinStandardHelpOptions = true,
        description = "Hotframe viewer: runs an app from a dev server and applies every change live.",
        subcommands = {ViewerCommand.Connect.class, DoctorCommand.class, CommandLine.HelpCommand.class})
public final class ViewerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with its subcommands, each answering {@code --version} with the same line. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ViewerCommand());
        String version = Version.line("Hotframe viewer");
        cli.getCommandSpec().version(version);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code viewer connect}. */
    @Command(name = "connect", mixinStandardHelpOptions = true,
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
            if (updateGolden && goldenDir == null) {
                System.err.println("error: --update-golden needs --golden DIR");
                return 2;
            }
            if (pin != null) {
                try {
                    new dev.hotframe.viewer.net.PinnedTrust(pin);
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
                if (url == null || !"wss".equals(url.getScheme())) {
                    System.err.println("error: --pin needs a wss:// URL (the server's TLS certificate is what is pinned)");
                    return 2;
                }
            }
            Path home = dev.hotframe.wire.Discovery.home();
            boolean discovered = url == null;
            String explicitToken = token != null ? token : System.getenv("HOTFRAME_TOKEN");
            Supplier<ServerAddress> address = () -> {
                String fromFile = tokenFile != null ? TokenFile.read(tokenFile) : null;
                if (fromFile != null) {
                    return discovered ? ServerAddress.discover(home).withToken(fromFile) : new ServerAddress(url, fromFile, pin);
                }
                if (discovered) {
                    ServerAddress found = ServerAddress.discover(home);
                    return explicitToken == null ? found : found.withToken(explicitToken);
                }
                String t = explicitToken != null ? explicitToken : localTokenOrEmpty(home);
                return new ServerAddress(url, t, pin);
            };
            TargetChooser.Choice choice = new TargetChooser("Hotframe", wh[0], wh[1], System.out::println)
                    .open(backendKind, headless, headless ? null : DisplayCheck.missingDisplay());
            RenderTarget target = choice.target();
            GoldenFrames golden = goldenDir == null ? null : new GoldenFrames(goldenDir.toAbsolutePath(), goldenTolerance, updateGolden);
            FrameRecorder recorder = frames != null || golden != null || target instanceof RasterTarget || headless
                    ? new FrameRecorder((frames != null ? frames : Path.of("hotframe-frames")).toAbsolutePath(), golden) : null;
            if (recorder != null) {
                System.out.println("Writing frames, state.json and updates.jsonl to " + recorder.dir());
            }
            System.out.println("Rendering with " + target.describe() + " (" + choice.reason() + ")");
            String viewerId = hostName() + "-" + ProcessHandle.current().pid();
            AtomicReference<String> fatal = new AtomicReference<>();
            ExitAfter exits = new ExitAfter(exitAfter);
            AtomicReference<FrameLoop> loopRef = new AtomicReference<>();
            AtomicReference<ServerConnection> connectionRef = new AtomicReference<>();
            FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder,
                    fps, message -> {
                        connectionRef.get().send(message);
                        exits.count(message, loopRef);
                    }, () -> connectionRef.get().resync());
            loopRef.set(loop);
            ServerConnection connection = new ServerConnection(address, discovered || tokenFile != null, viewerId,
                    target.describe(), new Receiver(loop::offer, loop::request,
                            state -> loop.connection(state.name().toLowerCase(java.util.Locale.ROOT)),
                            reason -> {
                                fatal.set(reason);
                                loop.stop();
                            }), LibraryCache.standard());
            connectionRef.set(connection);
            CountDownLatch finished = new CountDownLatch(1);
            // Ctrl+C and SIGTERM stop the loop and return through the normal path (exit code 0); the
            // hook covers the other ways the JVM is asked to end (SIGHUP, System.exit).
            StopSignals.install(loop::stop, Duration.ofSeconds(10));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                loop.stop();
                try {
                    finished.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hotframe-shutdown"));
            connection.start();
            try {
                loop.run();
            } finally {
                connection.close();
                if (recorder != null) {
                    recorder.close();
                }
                target.close();
                finished.countDown();
            }
            if (fatal.get() != null) {
                System.err.println("error: " + fatal.get());
                return 3;
            }
            if (golden != null && golden.failures() > 0) {
                System.err.println("error: " + golden.failures() + " frame(s) did not match their golden frames in " + goldenDir);
                return 5;
            }
            return exits.exitCode();
        }

        private static String localTokenOrEmpty(Path home) {
            try {
                return ServerAddress.discover(home).token();
            } catch (IllegalStateException e) {
                return "";
            }
        }

        static int[] parseSize(String text) {
            String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
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

        private static String hostName() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "viewer";
            }
        }
    }
}
