package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hotframe.scene.SceneNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the dev server sends to a viewer. Control messages ({@link Welcome}, {@link Refused},
 * {@link Ping}) manage the connection; {@link Update}s carry a sequence number and change what
 * the viewer runs. See {@code protocol/PROTOCOL.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Refused.class, name = "refused"),
    @JsonSubTypes.Type(value = ServerMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ServerMessage.Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = ServerMessage.SceneUpdate.class, name = "scene"),
    @JsonSubTypes.Type(value = ServerMessage.CodeUpdate.class, name = "code"),
    @JsonSubTypes.Type(value = ServerMessage.UpdateFailed.class, name = "failed"),
    @JsonSubTypes.Type(value = ServerMessage.AssetUpdate.class, name = "asset"),
    @JsonSubTypes.Type(value = ServerMessage.Undo.class, name = "undo"),
    @JsonSubTypes.Type(value = ServerMessage.RestartApp.class, name = "restart-app"),
    @JsonSubTypes.Type(value = ServerMessage.InspectState.class, name = "inspect-state"),
    @JsonSubTypes.Type(value = ServerMessage.EditState.class, name = "edit-state"),
    @JsonSubTypes.Type(value = ServerMessage.CaptureFrame.class, name = "capture-frame"),
})
public sealed interface ServerMessage {

    /** Calls the handler's method for this message; a new message type breaks every handler at compile time. */
    <R> R accept(Handler<R> handler);

    /** One method per server message, so that dispatch cannot leave a type unhandled. */
    interface Handler<R> {
        R welcome(Welcome message);

        R refused(Refused message);

        R ping(Ping message);

        R update(Update message);

        R request(Request message);
    }

    /** A message with a sequence number that changes what the viewer shows; applied in order, whole or not at all. */
    sealed interface Update extends ServerMessage {
        UpdateMeta meta();

        /** One method per update, so that applying or checking one cannot leave a type unhandled. */
        interface Handler<R> {
            R snapshot(Snapshot update);

            R scene(SceneUpdate update);

            R code(CodeUpdate update);

            R failed(UpdateFailed update);

            R asset(AssetUpdate update);
        }

        <R> R accept(Handler<R> handler);

        @Override
        default <R> R accept(ServerMessage.Handler<R> handler) {
            return handler.update(this);
        }
    }

    /**
     * The answer to a good {@code hello}: the version chosen, this server's identity (a restarted
     * server has a new one), the current sequence number, and whether the missed updates follow
     * ({@code catch-up}) or a {@code snapshot} does.
     */
    record Welcome(int protocol, String serverId, long seq, String resume, Limits limits, int pingSeconds, String server)
            implements ServerMessage {
        public static final String CATCH_UP = "catch-up";
        public static final String SNAPSHOT = "snapshot";

        public Welcome {
            Objects.requireNonNull(serverId, "'serverId' must not be null");
            Objects.requireNonNull(resume, "'resume' must not be null");
            Objects.requireNonNull(limits, "'limits' must not be null");
            if (!resume.equals(CATCH_UP) && !resume.equals(SNAPSHOT)) {
                throw new IllegalArgumentException("'resume' must be catch-up or snapshot, was '" + resume + "'");
            }
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.welcome(this);
        }
    }

    /** Sent just before the server closes a connection it will not serve, saying why and what it speaks. */
    record Refused(int code, String reason, List<Integer> serverProtocols) implements ServerMessage {
        public Refused {
            Objects.requireNonNull(reason, "'reason' must not be null");
            serverProtocols = List.copyOf(serverProtocols == null ? List.of() : serverProtocols);
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.refused(this);
        }
    }

    /** The application keep-alive; the viewer answers with {@code pong} carrying the same time. */
    record Ping(long sentAtMs) implements ServerMessage {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.ping(this);
        }
    }

    /**
     * The whole current project, sent when a viewer cannot catch up from the log: the app class,
     * all classes, all scenes, the problems that are open now (a compile error at start), all
     * assets, and the libraries the app's code needs at run time.
     */
    record Snapshot(UpdateMeta meta, String appClass, List<ClassFile> classes, Map<String, SceneNode> scenes,
                    List<Diagnostic> problems, List<AssetFile> assets, List<Library> libraries) implements Update {
        public Snapshot {
            Objects.requireNonNull(meta, "'meta' must not be null");
            Objects.requireNonNull(appClass, "'appClass' must not be null");
            classes = List.copyOf(classes == null ? List.of() : classes);
            scenes = Map.copyOf(scenes == null ? Map.of() : scenes);
            problems = List.copyOf(problems == null ? List.of() : problems);
            assets = List.copyOf(assets == null ? List.of() : assets);
            libraries = List.copyOf(libraries == null ? List.of() : libraries);
        }

        /** A snapshot of a project without assets or libraries. */
        public Snapshot(UpdateMeta meta, String appClass, List<ClassFile> classes, Map<String, SceneNode> scenes,
                        List<Diagnostic> problems) {
            this(meta, appClass, classes, scenes, problems, List.of(), List.of());
        }

        @Override
        public <R> R accept(Update.Handler<R> handler) {
            return handler.snapshot(this);
        }
    }

    /** Scene files changed: patch the retained scenes. No code changed. */
    record SceneUpdate(UpdateMeta meta, List<SceneChange> changes) implements Update {
        public SceneUpdate {
            Objects.requireNonNull(meta, "'meta' must not be null");
            changes = List.copyOf(changes == null ? List.of() : changes);
        }

        @Override
        public <R> R accept(Update.Handler<R> handler) {
            return handler.scene(this);
        }
    }

    /**
     * Java code changed. {@code tier} is {@code redefine} (method bodies only) or {@code reload}
     * (shape changed), with the classifier's {@code reason}. {@code classes} holds only the
     * changed and added classes; {@code removed} names classes that no longer exist.
     * {@code libraries}, when present, is the new complete set of run-time libraries (the
     * project's dependencies changed); absent means unchanged. A new set always comes with
     * tier {@code reload} or {@code restart}, never {@code redefine}.
     */
    record CodeUpdate(UpdateMeta meta, Tier tier, String reason, List<ClassFile> classes, List<String> removed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Library> libraries) implements Update {
        public CodeUpdate {
            Objects.requireNonNull(meta, "'meta' must not be null");
            Objects.requireNonNull(tier, "'tier' must not be null");
            Objects.requireNonNull(reason, "'reason' must not be null");
            classes = List.copyOf(classes == null ? List.of() : classes);
            removed = List.copyOf(removed == null ? List.of() : removed);
            libraries = libraries == null ? null : List.copyOf(libraries);
            if (libraries != null && tier == Tier.REDEFINE) {
                throw new IllegalArgumentException("a code update that changes the libraries cannot be a redefine");
            }
        }

        /** A code update that leaves the libraries as they are. */
        public CodeUpdate(UpdateMeta meta, Tier tier, String reason, List<ClassFile> classes, List<String> removed) {
            this(meta, tier, reason, classes, removed, null);
        }

        @Override
        public <R> R accept(Update.Handler<R> handler) {
            return handler.code(this);
        }
    }

    /**
     * Files in the assets folder changed: {@code assets} holds the images, fonts and SkSL shaders
     * that were added or whose bytes changed (by project-relative path); {@code removed} names the
     * paths that were deleted. No code or scene changed. The viewer decodes images, registers
     * fonts and compiles shaders; a shader that does not compile keeps the last good one.
     */
    record AssetUpdate(UpdateMeta meta, List<AssetFile> assets, List<String> removed) implements Update {
        public AssetUpdate {
            Objects.requireNonNull(meta, "'meta' must not be null");
            assets = List.copyOf(assets == null ? List.of() : assets);
            removed = List.copyOf(removed == null ? List.of() : removed);
        }

        @Override
        public <R> R accept(Update.Handler<R> handler) {
            return handler.asset(this);
        }
    }

    /** A change could not be built (compile or scene errors). Viewers keep what they run. */
    record UpdateFailed(UpdateMeta meta, List<Diagnostic> diagnostics) implements Update {
        public UpdateFailed {
            Objects.requireNonNull(meta, "'meta' must not be null");
            diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
        }

        @Override
        public <R> R accept(Update.Handler<R> handler) {
            return handler.failed(this);
        }
    }

    /**
     * A question or command from the dashboard to one viewer (or, for {@link Undo}, to all). It has
     * no sequence number: it changes nothing the server publishes, and a viewer that reconnects
     * does not see it again. The viewer acts on it between two frames and answers with the
     * {@link ViewerMessage.Reply} carrying the same {@code id}.
     */
    sealed interface Request extends ServerMessage {
        /** Chosen by the server to match the reply to the request. */
        String id();

        /** One method per request, so that the viewer's dispatch cannot leave one unhandled. */
        interface Handler<R> {
            R undo(Undo request);

            R restartApp(RestartApp request);

            R inspectState(InspectState request);

            R editState(EditState request);

            R captureFrame(CaptureFrame request);
        }

        <R> R accept(Handler<R> handler);

        @Override
        default <R> R accept(ServerMessage.Handler<R> handler) {
            return handler.request(this);
        }

        private static String checkId(String id) {
            Objects.requireNonNull(id, "'id' must not be null");
            if (id.isEmpty() || id.length() > 64) {
                throw new IllegalArgumentException("'id' must have 1..64 characters, had " + id.length());
            }
            return id;
        }
    }

    /** Go back to the previous code generation and its state, as the viewer's F2 does; answered by {@code undone}. */
    record Undo(String id) implements Request {
        public Undo {
            Request.checkId(id);
        }

        @Override
        public <R> R accept(Request.Handler<R> handler) {
            return handler.undo(this);
        }
    }

    /**
     * Re-create the app from the code the viewer runs, keeping the state, as the viewer's F5 does:
     * the constructor, field and static initializers run again; answered by {@code restarted}.
     * Sent only to viewers whose hello lists the capability {@value #CAPABILITY}, since an older
     * viewer closes on a type it does not know.
     */
    record RestartApp(String id) implements Request {
        /** The hello capability of a viewer that understands {@code restart-app}. */
        public static final String CAPABILITY = "restart-app";

        public RestartApp {
            Request.checkId(id);
        }

        @Override
        public <R> R accept(Request.Handler<R> handler) {
            return handler.restartApp(this);
        }
    }

    /** Send the app's current state as a tree; answered by {@code state}. */
    record InspectState(String id) implements Request {
        public InspectState {
            Request.checkId(id);
        }

        @Override
        public <R> R accept(Request.Handler<R> handler) {
            return handler.inspectState(this);
        }
    }

    /**
     * Set the state value at {@code path} (a JSON Pointer into the state tree, such as
     * {@code /player/speed}) to {@code value}. The viewer refuses, changing nothing, a path the
     * state does not have or a value that does not fit the field; answered by {@code state}.
     */
    record EditState(String id, String path, JsonNode value) implements Request {
        public EditState {
            Request.checkId(id);
            Objects.requireNonNull(path, "'path' must not be null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("'path' must be a JSON Pointer starting with '/', was '" + path + "'");
            }
            value = value == null ? NullNode.getInstance() : value;
        }

        @Override
        public <R> R accept(Request.Handler<R> handler) {
            return handler.editState(this);
        }
    }

    /** Send the latest drawn frame as a PNG, scaled down to at most {@code maxWidth} pixels wide; answered by {@code frame}. */
    record CaptureFrame(String id, int maxWidth) implements Request {
        public CaptureFrame {
            Request.checkId(id);
            if (maxWidth < 16 || maxWidth > 8192) {
                throw new IllegalArgumentException("'maxWidth' must be in 16..8192, was " + maxWidth);
            }
        }

        @Override
        public <R> R accept(Request.Handler<R> handler) {
            return handler.captureFrame(this);
        }
    }
}
