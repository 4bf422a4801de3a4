package dev.hotframe.devserver.cli;

import dev.hotframe.devserver.project.ProjectException;
import dev.hotframe.devserver.serve.DevServer;
import dev.hotframe.devserver.tls.SelfSigned;
import dev.hotframe.devserver.tls.TlsException;
import dev.hotframe.devserver.tls.TlsIdentity;
import dev.hotframe.wire.Discovery;
import dev.hotframe.wire.Version;
import dev.hotframe.process.StopSignals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devserver}: the Hotframe dev server's command line. */
@Command(name = "devserver", mixinStandardHelpOptions = true, versionProvider = DevServerCommand.class,
        description = "Hotframe dev server: watches a project and streams scene patches and class bytes to viewers.",
        subcommands = {DevServerCommand.Serve.class, InitCommand.class, CommandLine.HelpCommand.class})
public final class DevServerCommand implements Runnable, CommandLine.IVersionProvider {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevServerCommand()).execute(args));
    }

    /** The version line of this command and its subcommands. */
    @Override
    public String[] getVersion() {
        return new String[] {Version.line("Hotframe dev server")};
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code devserver serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = DevServerCommand.class,
            description = "Compile PROJECT_DIR, then watch it and stream every change to connected viewers.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:stopped cleanly", "1:failed while running", "2:bad arguments, project or TLS setup"})
    static final class Serve implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", defaultValue = ".",
                description = "The folder with hotframe.json (default: the current folder).")
        Path projectDir;

        @Option(names = "--port", defaultValue = "0", paramLabel = "N",
                description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
                description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only). 0.0.0.0 lets other machines connect.")
        String host;

        @Option(names = "--quiet-ms", defaultValue = "8", paramLabel = "MS",
                description = "How long the files must be quiet before a burst of saves is processed (default: ${DEFAULT-VALUE}).")
        long quietMillis;

        @Option(names = "--token-file", paramLabel = "FILE", description = "Read the access token from FILE, or write a new "
                + "random one there (owner-only) if it does not exist, so viewers keep their token across restarts. "
                + "Default: $HOTFRAME_TOKEN if set, else a new random token at every start.")
        Path tokenFile;

        @Option(names = "--tls", description = "Serve wss:// (TLS). Without --keystore, a self-signed certificate is made "
                + "once in $HOTFRAME_HOME/tls and its fingerprint printed for viewers to pin.")
        boolean tls;

        @Option(names = "--keystore", paramLabel = "FILE", description = "A PKCS12 (or .jks) keystore with the server's key "
                + "and certificate; implies --tls.")
        Path keystore;

        @Option(names = "--keystore-password", paramLabel = "PASSWORD", defaultValue = "${env:HOTFRAME_KEYSTORE_PASSWORD}",
                description = "The keystore's password (default: $HOTFRAME_KEYSTORE_PASSWORD).")
        String keystorePassword;

        @Option(names = "--dashboard-port", paramLabel = "N", description = "Port of the dashboard (default: --port + 1 "
                + "when --port is set and that one is free, else a free port).")
        Integer dashboardPort;

        @Option(names = "--dashboard-host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
                description = "Address the dashboard binds (default: ${DEFAULT-VALUE}).")
        String dashboardHost;

        @Option(names = "--no-dashboard", description = "Serve no dashboard.")
        boolean noDashboard;

        @Option(names = "--editor-url", paramLabel = "TEMPLATE", defaultValue = "${env:HOTFRAME_EDITOR_URL}",
                description = "How the dashboard links an error to your editor, with {file}, {line} and {column}, e.g. "
                        + "'vscode://file/{file}:{line}:{column}' or 'idea://open?file={file}&line={line}' "
                        + "(default: $HOTFRAME_EDITOR_URL, else no links).")
        String editorUrl;

        @Override
        public Integer call() throws Exception {
            if (port < 0 || port > 65535) {
                System.err.println("error: --port must be in 0..65535, was " + port);
                return 2;
            }
            if (dashboardPort != null && (dashboardPort < 0 || dashboardPort > 65535)) {
                System.err.println("error: --dashboard-port must be in 0..65535, was " + dashboardPort);
                return 2;
            }
            if (editorUrl != null && !editorUrl.isBlank() && !editorUrl.contains("{file}")) {
                System.err.println("error: --editor-url must contain {file} (and may contain {line} and {column}), was '"
                        + editorUrl + "'");
                return 2;
            }
            DevServer server;
            try {
                server = DevServer.start(new DevServer.Options(projectDir, host, port, quietMillis, Discovery.home(), identity(),
                        TokenSource.resolve(tokenFile, System.getenv("HOTFRAME_TOKEN")), dashboard()));
            } catch (ProjectException | TlsException | IllegalArgumentException | java.io.UncheckedIOException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            AtomicBoolean closing = new AtomicBoolean();
            Runnable stop = () -> {
                if (closing.compareAndSet(false, true)) {
                    server.close();
                    stopped.countDown();
                }
            };
            // Ctrl+C and SIGTERM return through the normal path (exit code 0); the hook covers SIGHUP and System.exit.
            StopSignals.install(stop, Duration.ofSeconds(10));
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "hotframe-shutdown"));
            Banner.print(server, host, Ansi.detect());
            stopped.await();
            return 0;
        }

        private DevServer.Dashboard dashboard() {
            if (noDashboard) {
                return null;
            }
            boolean asked = dashboardPort != null;
            int wanted = asked ? dashboardPort : port == 0 || port == 65535 ? 0 : port + 1;
            return new DevServer.Dashboard(dashboardHost, wanted, !asked, editorUrl == null || editorUrl.isBlank() ? null : editorUrl);
        }

        private TlsIdentity identity() {
            if (keystore != null) {
                if (keystorePassword == null) {
                    throw new TlsException("--keystore " + keystore + " needs --keystore-password or $HOTFRAME_KEYSTORE_PASSWORD");
                }
                return TlsIdentity.load(keystore, keystorePassword, false);
            }
            return tls ? SelfSigned.loadOrCreate(Discovery.home().resolve("tls"), List.of(host)) : null;
        }
    }
}
