package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class WireCodecTest {

    private static final WireCodec CODEC = new WireCodec();

    private static final SceneNode CARD = new SceneNode("card", "rect",
            props("x", 20, "w", 200.5, "fill", "#3366FF", "visible", true, "dash", List.of(4, 2)), List.of());
    private static final SceneNode ROOT = new SceneNode("root", "group", props("title", "Score: ${score}"), List.of(CARD));
    private static final UpdateMeta META = new UpdateMeta(7, List.of("src/main/java/demo/App.java"), 1_700_000_000_000L,
            phases());

    /** One sample per message; a message without one fails {@link #everyMessageRoundTrips}. */
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(ServerMessage.Snapshot.class, new ServerMessage.Snapshot(META, "demo.App",
                    List.of(new ClassFile("demo.App", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1})), Map.of("main", ROOT),
                    List.of(new Diagnostic("scenes/hud.json", 3, 14, "duplicate id 'a'")))),
            Map.entry(ServerMessage.SceneUpdate.class, new ServerMessage.SceneUpdate(META, List.of(
                    SceneChange.patch("main", List.of(new PatchOp.Remove("card"))),
                    SceneChange.added("hud", ROOT),
                    SceneChange.deleted("old")))),
            Map.entry(ServerMessage.CodeUpdate.class, new ServerMessage.CodeUpdate(META, "reload", "State gained field 'speed'",
                    List.of(new ClassFile("demo.App$State", new byte[] {1, 2, 3})), List.of("demo.Gone"))),
            Map.entry(ServerMessage.UpdateFailed.class, new ServerMessage.UpdateFailed(META,
                    List.of(new Diagnostic("src/main/java/demo/App.java", 12, 9, "';' expected")))),
            Map.entry(ViewerMessage.Hello.class, new ViewerMessage.Hello(Protocol.VERSION, "viewer-1", "17.0.15",
                    List.of("redefine", "gl"), 4)),
            Map.entry(ViewerMessage.Ack.class, new ViewerMessage.Ack(7, false, "reload", 100, 116, "cannot migrate State")),
            Map.entry(PatchOp.SetProps.class, new PatchOp.SetProps("card", props("x", 30, "fill", "#80FF3366"), List.of("radius"))),
            Map.entry(PatchOp.Insert.class, new PatchOp.Insert("root", 1, CARD)),
            Map.entry(PatchOp.Remove.class, new PatchOp.Remove("card")),
            Map.entry(PatchOp.Move.class, new PatchOp.Move("card", "root", 0)),
            Map.entry(PatchOp.Replace.class, new PatchOp.Replace("root", ROOT)));

    static Stream<Class<?>> messageTypes() {
        return Stream.of(ServerMessage.class, ViewerMessage.class, PatchOp.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void everyMessageRoundTrips(Class<?> type) {
        Object sample = SAMPLES.get(type);
        assertThat(sample).as("no sample for %s; add one to WireCodecTest.SAMPLES", type.getName()).isNotNull();
        assertThat(sample).isInstanceOf(type);

        assertThat(roundTrip(sample)).isEqualTo(sample);
    }

    @Test
    void ackHasAPinnedWireFormat() {
        String json = CODEC.encode(new ViewerMessage.Ack(7, true, "redefine", 100, 116, null));

        assertThat(json).isEqualTo(
                "{\"type\":\"ack\",\"seq\":7,\"ok\":true,\"tier\":\"redefine\",\"appliedAtMs\":100,\"renderedAtMs\":116,\"error\":null}");
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
    void malformedJsonIsAWireException() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"type\":\"ack\", seq"))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ViewerMessage: Unexpected character ('s' (code 115)): was expecting double-quote to start field name");
    }

    @Test
    void unknownTypeIsAWireExceptionNamingTheType() {
        assertThatThrownBy(() -> CODEC.decodeServer("{\"type\":\"bye\",\"meta\":null}"))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ServerMessage: Could not resolve type id 'bye' as a subtype of "
                        + "`dev.hotframe.wire.ServerMessage`: known type ids = [code, failed, scene, snapshot]");
    }

    @Test
    void missingTypeIsAWireException() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"seq\":1}"))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ViewerMessage: Could not resolve subtype of [simple type, class "
                        + "dev.hotframe.wire.ViewerMessage]: missing type id property 'type'");
    }

    @Test
    void missingPrimitiveIsAWireException() {
        assertThatThrownBy(() -> CODEC.decodeViewer("{\"type\":\"hello\",\"viewerId\":\"v\"}"))
                .isInstanceOf(WireException.class)
                .hasMessage("malformed ViewerMessage: Cannot map `null` into type `int` (set DeserializationConfig."
                        + "DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES to 'false' to allow)");
    }

    private static Object roundTrip(Object sample) {
        if (sample instanceof ServerMessage message) {
            return CODEC.decodeServer(CODEC.encode(message));
        }
        if (sample instanceof ViewerMessage message) {
            return CODEC.decodeViewer(CODEC.encode(message));
        }
        if (sample instanceof PatchOp op) {
            // Patch ops travel inside scene updates; unwrap the one we sent.
            var update = (ServerMessage.SceneUpdate) CODEC.decodeServer(CODEC.encode(
                    new ServerMessage.SceneUpdate(META, List.of(SceneChange.patch("main", List.of(op))))));
            return update.changes().get(0).ops().get(0);
        }
        throw new AssertionError("not a wire type: " + sample.getClass().getName());
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    private static Map<String, Long> phases() {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("detect", 12L);
        phases.put("compile", 140L);
        return phases;
    }
}
