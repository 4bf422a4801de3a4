package dev.hotframe.devserver.serve;

import dev.hotframe.devserver.assets.AssetCatalog;
import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.compile.JavacWarmup;
import dev.hotframe.devserver.libs.LibraryShelf;
import dev.hotframe.devserver.dashboard.DashboardServer;
import dev.hotframe.devserver.dashboard.DashboardSources;
import dev.hotframe.devserver.http.HubServer;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.devserver.scene.SceneStore;
import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.HubEvents;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.tls.TlsIdentity;
import dev.hotframe.devserver.session.ServerRecord;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.devserver.watch.ProjectWatcher;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ViewerMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running dev server: builds the project once, then serves it to viewers and streams every change. */
public final class DevServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevServer.class);

    /**
     * How the server was asked to run.
     *
     * @param tls   null for plain {@code ws://}; else the identity for {@code wss://}
     * @param token null for a fresh random token; else the one viewers must present
     */
    public record Options(Path projectDir, String host, int port, long quietMillis, Path home, TlsIdentity tls,
                          AccessToken token, Dashboard dashboard) {

        /** Without a dashboard. */
        public Options(Path projectDir, String host, int port, long quietMillis, Path home, TlsIdentity tls, AccessToken token) {
            this(projectDir, host, port, quietMillis, home, tls, token, null);
        }
    }

    /**
     * Where the dashboard listens.
     *
     * @param port      0 for a free port
     * @param fallback  whether a taken {@code port} may be replaced by a free one (it was a default, not asked for)
     * @param editorUrl the editor link template, such as {@code vscode://file/{file}:{line}:{column}}, or null
     */
    public record Dashboard(String host, int port, boolean fallback, String editorUrl) {
    }

    /** At most this long and this many throwaway compiles warm javac after the first frame. */
    private static final Duration WARM_BUDGET = Duration.ofSeconds(5);
    private static final int WARM_ROUNDS = 60;

    private final Project project;
    private final JavaBuild build;
    private final JavacWarmup warmup;
    private final UpdateHub hub;
    private final HubServer http;
    private final ProjectWatcher watcher;
    private final ServerRecord record;
    private final AccessToken token;
    private final TlsIdentity tls;
    private final Publisher publisher;
    private DashboardServer dashboard;

    private DevServer(Options options) throws IOException {
        token = options.token() != null ? options.token() : AccessToken.generate();
        project = Project.load(options.projectDir());
        build = new JavaBuild(project);
        warmup = new JavacWarmup(build);
        long start = System.nanoTime();
        JavaBuild.Result first = build.full();
        List<Diagnostic> javaProblems = List.of();
        if (first instanceof JavaBuild.Failed failed) {
            javaProblems = failed.errors();
            StringBuilder lines = new StringBuilder();
            failed.errors().forEach(d -> lines.append("\n  ").append(d));
            log.warn("the project does not compile yet; viewers show the errors until it does:{}", lines);
        } else {
            log.info("compiled {} classes in {} ms", build.classes().size(), (System.nanoTime() - start) / 1_000_000);
            warmup.warmUntil(Duration.ofMinutes(1), 3);
        }
        SceneStore scenes = new SceneStore(project);
        SceneStore.Result sceneResult = scenes.loadAll();
        Map<String, List<Diagnostic>> sceneProblems = new HashMap<>();
        sceneResult.errors().forEach(d -> {
            sceneProblems.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
            log.warn("scene does not parse: {}", d);
        });
        AssetCatalog assets = new AssetCatalog(project);
        AssetCatalog.Result assetResult = assets.loadAll();
        assetResult.errors().values().forEach(list -> list.forEach(d -> log.warn("asset not sent: {}", d)));
        if (!assetResult.changed().isEmpty()) {
            log.info("{} assets ready to send ({} bytes)", assetResult.changed().size(),
                    assetResult.changed().stream().mapToLong(a -> a.bytes().length).sum());
        }
        HubSettings settings = HubSettings.local(token).withAddress(options.host(), options.port())
                .withAssets(project.assets()).withTls(options.tls());
        LibraryShelf shelf = new LibraryShelf();
        publisher = new Publisher(project.appClass(), new Published(build.classes(), scenes.scenes(), javaProblems, sceneProblems,
                assets.published(), shelf.describe(build.settings().libraries())), System::currentTimeMillis);
        hub = new UpdateHub(settings, publisher::snapshot);
        publisher.sendTo(hub::fanOut);
        http = new HubServer(settings, hub, this::status).serveLibraries(shelf);
        tls = options.tls();
        ChangePipeline pipeline = new ChangePipeline(project, build, scenes, publisher, hub::viewerCount, assets, shelf);
        createIfMissing(project.scenes());
        createIfMissing(project.assets());
        watcher = new ProjectWatcher(List.of(project.sources(), project.scenes(), project.assets()), options.quietMillis(),
                pipeline::onBatch).alsoPoll(List.of(project.root().resolve("pom.xml")));
        record = new ServerRecord(options.home());
    }

    /** Builds the project, starts the hub and the watcher, and writes the discovery record. */
    public static DevServer start(Options options) throws IOException {
        DevServer server = new DevServer(options);
        server.http.start();
        if (options.dashboard() != null) {
            server.dashboard = server.startDashboard(options.dashboard());
        }
        server.watcher.start();
        server.record.write(server.http.url(), server.token, server.project.root(),
                server.tls == null ? null : server.tls.fingerprint());
        server.warmAfterFirstFrame();
        return server;
    }

    /**
     * Once the first viewer has drawn its first frame (its first ack), warms javac in the
     * background until the first edit or {@link #WARM_BUDGET}: see {@link JavacWarmup}.
     * Not earlier, so that warming does not slow the first frame the user waits for.
     */
    private void warmAfterFirstFrame() {
        AtomicBoolean started = new AtomicBoolean();
        hub.listen(new HubEvents() {
            @Override
            public void acked(String viewerId, ViewerMessage.Ack ack) {
                if (started.compareAndSet(false, true)) {
                    warmup.warmInBackground(WARM_BUDGET, WARM_ROUNDS);
                }
            }
        });
    }

    public String url() {
        return http.url();
    }

    /** The dashboard's URL with the token (the first visit trades it for a cookie), or null without a dashboard. */
    public String dashboardUrl() {
        return dashboard == null ? null : dashboard.url();
    }

    private DashboardServer startDashboard(Dashboard wanted) {
        DashboardSources sources = new DashboardSources(project.root(), project.sources(),
                () -> publisher.published().problems(), this::status);
        try {
            return new DashboardServer(new DashboardServer.Settings(wanted.host(), wanted.port(), token, wanted.editorUrl()), hub,
                    sources).start();
        } catch (RuntimeException e) {
            if (!wanted.fallback() || wanted.port() == 0) {
                throw new IllegalArgumentException("cannot start the dashboard on " + wanted.host() + ":" + wanted.port() + ": "
                        + e.getMessage(), e);
            }
            log.debug("port {} is taken; the dashboard takes a free one", wanted.port());
            return new DashboardServer(new DashboardServer.Settings(wanted.host(), 0, token, wanted.editorUrl()), hub,
                    sources).start();
        }
    }

    public Project project() {
        return project;
    }

    public Path recordFile() {
        return record.file();
    }

    public AccessToken token() {
        return token;
    }

    /** The TLS identity, or null when serving plain {@code ws://}. */
    public TlsIdentity tls() {
        return tls;
    }

    /** The watcher only sees folders that exist when it starts, so scene and asset folders are created up front. */
    private void createIfMissing(Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder) && folder.startsWith(project.root())) {
            java.nio.file.Files.createDirectories(folder);
            log.info("created {} so that files added there are watched", project.relative(folder));
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("project", project.root().toString());
        status.put("app", project.appClass());
        status.put("compilations", build.compilations());
        status.put("url", http.url());
        status.put("seq", publisher.seq());
        return status;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.warn("closing the file watcher failed: {}", e.toString());
        }
        if (dashboard != null) {
            dashboard.close();
        }
        http.close();
        record.deleteIfOurs();
        try {
            build.close();
        } catch (IOException e) {
            log.debug("closing the compiler failed: {}", e.toString());
        }
    }
}
