package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneTexts;
import dev.hotframe.scene.SceneLimits;
import dev.hotframe.scene.SceneParser;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class WireCodecTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final String UNKNOWN_TIER =
            "'tier' must be one of snapshot, scene, asset, redefine, reload, restart, undo, error, was 'bogus'";

    static java.util.stream.Stream<Class<?>> messageTypes() {
        return Samples.messageTypes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void everyMessageRoundTrips(Class<?> type) {
        Object sample = Samples.ALL.get(type);
        assertThat(sample).as("no sample for %s; add one to Samples.ALL", type.getName()).isNotNull();
        assertThat(sample).isInstanceOf(type);

        assertThat(roundTrip(sample)).isEqualTo(sample);
    }

    @Test
    void everyMessageHasAHandlerMethod() {
        List<String> seen = new java.util.ArrayList<>();
        ServerMessage.Request.Handler<String> requests = new ServerMessage.Request.Handler<>() {
            public String undo(ServerMessage.Undo m) { return "undo"; }
            public String restartApp(ServerMessage.RestartApp m) { return "restart-app"; }
            public String inspectState(ServerMessage.InspectState m) { return "inspect-state"; }
            public String editState(ServerMessage.EditState m) { return "edit-state"; }
            public String captureFrame(ServerMessage.CaptureFrame m) { return "capture-frame"; }
        };
        ServerMessage.Update.Handler<String> updates = new ServerMessage.Update.Handler<>() {
            public String snapshot(ServerMessage.Snapshot m) { return "snapshot"; }
            public String scene(ServerMessage.SceneUpdate m) { return "scene"; }
            public String code(ServerMessage.CodeUpdate m) { return "code"; }
            public String failed(ServerMessage.UpdateFailed m) { return "failed"; }
            public String asset(ServerMessage.AssetUpdate m) { return "asset"; }
        };
        ServerMessage.Handler<String> server = new ServerMessage.Handler<>() {
            public String welcome(ServerMessage.Welcome m) { return "welcome"; }
            public String refused(ServerMessage.Refused m) { return "refused"; }
            public String ping(ServerMessage.Ping m) { return "ping"; }
            public String update(ServerMessage.Update m) { return m.accept(updates); }
            public String request(ServerMessage.Request m) { return m.accept(requests); }
        };
        ViewerMessage.Handler<String> viewer = new ViewerMessage.Handler<>() {
            public String hello(ViewerMessage.Hello m) { return "hello"; }
            public String ack(ViewerMessage.Ack m) { return "ack"; }
            public String pong(ViewerMessage.Pong m) { return "pong"; }
            public String reply(ViewerMessage.Reply m) {
                return m instanceof ViewerMessage.Undone ? "undone" : m instanceof ViewerMessage.Restarted ? "restarted" : m instanceof ViewerMessage.StateReport ? "state" : "frame";
            }
        };
        for (Object sample : Samples.values()) {
            if (sample instanceof ServerMessage m) {
                seen.add(m.accept(server));
            } else if (sample instanceof ViewerMessage m) {
                seen.add(m.accept(viewer));
            }
        }
        Collections.sort(seen);

        assertThat(seen).containsExactly("ack", "asset", "capture-frame", "code", "edit-state", "failed", "frame", "hello",
                "inspect-state", "ping", "pong", "refused", "restart-app", "restarted", "scene", "snapshot", "state", "undo", "undone",
                "welcome");
    }

    @Test
    void ackHasAPinnedWireFormat() {
        String json = CODEC.encode(new ViewerMessage.Ack(7, true, Tier.REDEFINE, 100, 116, null, Map.of("apply", 3L)));

        assertThat(json).isEqualTo("{\"type\":\"ack\",\"seq\":7,\"ok\":true,\"tier\":\"redefine\",\"appliedAtMs\":100,"
                + "\"renderedAtMs\":116,\"error\":null,\"phasesMs\":{\"apply\":3}}");
    }

    @Test
    void classesTravelAsNameAndHashNotBytes() {
        String json = CODEC.encode(new ServerMessage.CodeUpdate(new UpdateMeta(2, List.of(), 5, Map.of()), Tier.REDEFINE, "bodies",
                List.of(Samples.STATE), List.of()));

        assertThat(json).isEqualTo("{\"type\":\"code\",\"meta\":{\"seq\":2,\"files\":[],\"detectedAtMs\":5,\"phasesMs\":{}},"
                + "\"tier\":\"redefine\",\"reason\":\"bodies\",\"classes\":[{\"name\":\"demo.App$State\",\"sha256\":\""
                + Samples.STATE.sha256() + "\",\"size\":3}],\"removed\":[]}");
    }

    @Test
    void aClassWhoseBytesNeverArrivedIsAMissingBlob() {
        String json = CODEC.encode(Samples.ALL.get(ServerMessage.CodeUpdate.class) instanceof ServerMessage m ? m : null);

        assertThatThrownBy(() -> CODEC.decodeServer(json, hash -> null))
                .isInstanceOf(MissingBlobException.class)
                .hasMessage("class demo.App$State names bytes sha256:" + Samples.STATE.sha256().substring(0, 12)
                        + "... that never arrived in a binary frame");
    }

    @Test
    void assetsTravelAsPathAndHashNotBytes() {
        String json = CODEC.encode(new ServerMessage.AssetUpdate(new UpdateMeta(3, List.of("assets/logo.png"), 5, Map.of()),
                List.of(Samples.LOGO), List.of("assets/old.sksl")));

        assertThat(json).isEqualTo("{\"type\":\"asset\",\"meta\":{\"seq\":3,\"files\":[\"assets/logo.png\"],\"detectedAtMs\":5,"
                + "\"phasesMs\":{}},\"assets\":[{\"path\":\"assets/logo.png\",\"sha256\":\"" + Samples.LOGO.sha256()
                + "\",\"size\":4}],\"removed\":[\"assets/old.sksl\"]}");
    }

    @Test
    void anAssetWhoseBytesNeverArrivedIsAMissingBlob() {
        String json = CODEC.encode((ServerMessage) Samples.ALL.get(ServerMessage.AssetUpdate.class));

        assertThatThrownBy(() -> CODEC.decodeServer(json, hash -> null))
                .isInstanceOf(MissingBlobException.class)
                .hasMessage("asset assets/logo.png names bytes sha256:" + Samples.LOGO.sha256().substring(0, 12)
                        + "... that never arrived in a binary frame");
    }

    @Test
    void anAssetPathThatClimbsOutIsRefused() {
        String json = "{\"type\":\"asset\",\"meta\":{\"seq\":3,\"files\":[],\"detectedAtMs\":5,\"phasesMs\":{}},"
                + "\"assets\":[],\"removed\":[\"assets/../../etc/passwd\"]}";

        assertThatThrownBy(() -> CODEC.decodeServer(json, hash -> null))
                .isInstanceOf(WireException.class)
                .hasMessage("removed asset path 'assets/../../etc/passwd' must not have empty, '.' or '..' segments");
        String named = json.replace("\"assets\":[]", "\"assets\":[{\"path\":\"/etc/passwd\",\"sha256\":\""
                + Samples.LOGO.sha256() + "\",\"size\":4}]");
        assertThatThrownBy(() -> CODEC.decodeServer(named, Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("malformed ServerMessage: an asset needs a 'path' relative to the project");
    }

    @Test
    void patchOpsCarryAnOpDiscriminator() {
        String json = CODEC.encode(new ServerMessage.SceneUpdate(new UpdateMeta(1, List.of(), 5, Map.of()),
                List.of(SceneChange.patch("main", List.of(new PatchOp.Move("card", "root", 0))))));

        assertThat(json).isEqualTo("{\"type\":\"scene\",\"meta\":{\"seq\":1,\"files\":[],\"detectedAtMs\":5,\"phasesMs\":{}},"
                + "\"changes\":[{\"scene\":\"main\",\"ops\":[{\"op\":\"move\",\"id\":\"card\",\"parentId\":\"root\",\"index\":0}],"
                + "\"root\":null,\"removed\":false}]}");
    }

    @Test
    void malformedJsonIsAWireExceptionWithItsPlace() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"type\":\"ack\", seq"))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ViewerMessage: Unexpected character ('s' (code 115)): was expecting double-quote to "
                        + "start field name (at 1:16)")
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_BAD_MESSAGE);
    }

    @Test
    void unknownTypeIsAWireExceptionNamingTheKnownTypes() {
        assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"bye\",\"meta\":null}", Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("malformed ServerMessage: Could not resolve type id 'bye' as a subtype of "
                        + "`dev.hotframe.wire.ServerMessage`: known type ids = [asset, capture-frame, code, edit-state, failed, inspect-state, ping, refused, restart-app, scene, snapshot, undo, welcome]");
    }

    @Test
    void missingTypeIsAWireException() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"seq\":1}"))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("malformed ViewerMessage: Could not resolve subtype of [simple type, class "
                        + "dev.hotframe.wire.ViewerMessage]: missing type id property 'type'");
    }

    @Test
    void missingRequiredFieldIsAWireExceptionNamingIt() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"type\":\"hello\",\"protocols\":[1],\"lastSeq\":0}"))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("malformed ViewerMessage: 'viewerId' must not be null");
    }

    @Test
    void anAckWithAnUnknownTierIsRefusedNamingTheTiers() {
        String json = "{\"type\":\"ack\",\"seq\":1,\"ok\":true,\"tier\":\"bogus\",\"appliedAtMs\":0,\"renderedAtMs\":0}";

        assertThatThrownBy(() -> CODEC.decodeViewer(json))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ViewerMessage: " + UNKNOWN_TIER + " (at 1:40)")
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_BAD_MESSAGE);
    }

    @Test
    void aCodeUpdateWithAnUnknownTierIsRefusedNamingTheTiers() {
        String json = CODEC.encode(new ServerMessage.CodeUpdate(Samples.META, Tier.RELOAD, "r", List.of(Samples.APP), List.of()))
                .replace("\"tier\":\"reload\"", "\"tier\":\"bogus\"");

        assertThatThrownBy(() -> CODEC.decodeServer(json, Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("malformed ServerMessage: " + UNKNOWN_TIER + " (at ")
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_BAD_MESSAGE);
    }

    @Test
    void trailingGarbageIsAWireException() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"type\":\"pong\",\"sentAtMs\":1} {}"))
                .isInstanceOf(WireException.class);
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedBeforeParsing() {
        WireCodec small = new WireCodec(new Limits(64, 64, 64, 2, 3, 4));
        String json = CODEC.encode(new ViewerMessage.Pong(1)) + " ".repeat(100);

        assertThatThrownBy(() -> small.decodeViewer(json))
                .isInstanceOf(WireException.class)
                .hasMessage("message of " + json.length() + " characters is over the limit of 64 bytes")
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_TOO_BIG);
    }

    @Test
    void tooManyClassesInOneUpdateAreRefused() {
        WireCodec small = new WireCodec(new Limits(1 << 20, 1 << 20, 1 << 20, 1, 100, 4));
        String json = CODEC.encode(new ServerMessage.CodeUpdate(Samples.META, Tier.RELOAD, "r", List.of(Samples.APP, Samples.STATE),
                List.of()));

        assertThatThrownBy(() -> small.decodeServer(json, Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessage("update carries 2 classes; the limit is 1");
    }

    @Test
    void aSceneOverTheNodeLimitIsRefused() {
        WireCodec small = new WireCodec(new Limits(1 << 20, 1 << 20, 1 << 20, 10, 1, 4));
        String json = CODEC.encode(new ServerMessage.SceneUpdate(Samples.META, List.of(SceneChange.added("hud", Samples.ROOT))));

        assertThatThrownBy(() -> small.decodeServer(json, Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessage("scene 'hud' has 2 nodes; the limit is 1");
    }

    @Test
    void nestingDeeperThanTheLimitIsAWireExceptionNotAStackOverflow() {
        String json = nestedSceneUpdate(WireCodec.MAX_DEPTH);

        assertThatThrownBy(() -> CODEC.decodeServer(json, Samples.BLOBS))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("exceeds the maximum allowed (" + WireCodec.MAX_DEPTH);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeItIsSent() {
        SceneNode node = new SceneNode("leaf", "rect", Map.of(), List.of());
        for (int i = 0; i < WireCodec.MAX_DEPTH; i++) {
            node = new SceneNode("n" + i, "group", Map.of(), List.of(node));
        }
        ServerMessage message = new ServerMessage.SceneUpdate(Samples.META, List.of(SceneChange.added("deep", node)));

        assertThatThrownBy(() -> CODEC.encode(message))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot encode SceneUpdate");
    }

    /** The text of a scene update {@code levels} groups deep, written here because the codec refuses to write it. */
    private static String nestedSceneUpdate(int levels) {
        SceneNode leaf = new SceneNode("leaf", "rect", Map.of(), List.of());
        String zero = CODEC.encode(new ServerMessage.SceneUpdate(Samples.META, List.of(SceneChange.added("deep", leaf))));
        String one = CODEC.encode(new ServerMessage.SceneUpdate(Samples.META, List.of(SceneChange.added("deep",
                new SceneNode("n", "group", Map.of(), List.of(leaf))))));
        int head = 0;
        while (zero.charAt(head) == one.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (zero.charAt(zero.length() - 1 - tail) == one.charAt(one.length() - 1 - tail)) {
            tail++;
        }
        String leafText = zero.substring(head, zero.length() - tail);
        String wrapped = one.substring(head, one.length() - tail);
        int at = wrapped.indexOf(leafText);
        String open = wrapped.substring(0, at);
        String close = wrapped.substring(at + leafText.length());
        return zero.substring(0, head) + open.repeat(levels) + leafText + close.repeat(levels) + zero.substring(zero.length() - tail);
    }

    @Test
    void theDeepestSceneTheParserAcceptsCrossesTheWireWholeAndAsAPatch() throws Exception {
        SceneNode deepest = SceneParser.parse("scenes/deep.json", SceneTexts.nested(SceneLimits.NODE_DEPTH, SceneLimits.VALUE_DEPTH));
        SceneNode first = deepest.children().get(0);
        List<SceneChange> changes = List.of(
                SceneChange.added("deep", deepest),
                SceneChange.patch("deep", List.of(new PatchOp.Replace(first.id(), first),
                        new PatchOp.Insert(deepest.id(), 1, first))));

        for (SceneChange change : changes) {
            ServerMessage message = new ServerMessage.SceneUpdate(Samples.META, List.of(change));

            assertThat(CODEC.decodeServer(CODEC.encode(message), Samples.BLOBS)).isEqualTo(message);
        }
    }

    @Test
    void versionsNegotiateToTheHighestShared() {
        assertThat(Protocol.negotiate(List.of(1), List.of(1, 2))).isEqualTo(1);
        assertThat(Protocol.negotiate(List.of(2, 1), List.of(1, 2))).isEqualTo(2);
        assertThat(Protocol.negotiate(List.of(1), List.of(2))).isZero();
    }

    private static Object roundTrip(Object sample) {
        if (sample instanceof ServerMessage message) {
            return CODEC.decodeServer(CODEC.encode(message), Samples.BLOBS);
        }
        if (sample instanceof ViewerMessage message) {
            return CODEC.decodeViewer(CODEC.encode(message));
        }
        if (sample instanceof PatchOp op) {
            // Patch ops travel inside scene updates; unwrap the one we sent.
            var update = (ServerMessage.SceneUpdate) CODEC.decodeServer(CODEC.encode(
                    new ServerMessage.SceneUpdate(Samples.META, List.of(SceneChange.patch("main", List.of(op))))), Samples.BLOBS);
            return update.changes().get(0).ops().get(0);
        }
        throw new AssertionError("not a wire type: " + sample.getClass().getName());
    }
}
