package dev.hotframe.wire;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** One sample value per wire message type, and the blobs their classes need. */
final class Samples {

    static final SceneNode CARD = new SceneNode("card", "rect",
            props("x", 20, "w", 200.5, "fill", "#3366FF", "visible", true, "dash", List.of(4, 2)), List.of());
    static final SceneNode ROOT = new SceneNode("root", "group", props("title", "Score: ${score}"), List.of(CARD));
    static final UpdateMeta META = new UpdateMeta(7, List.of("src/main/java/demo/App.java"), 1_700_000_000_000L,
            phases("detect", 12L, "compile", 140L));
    static final ClassFile APP = new ClassFile("demo.App", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
    static final ClassFile STATE = new ClassFile("demo.App$State", new byte[] {1, 2, 3});
    static final AssetFile LOGO = new AssetFile("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    /** One sample per message; a message type without one fails the round-trip test. */
    static final Map<Class<?>, Object> ALL = Map.ofEntries(
            Map.entry(ServerMessage.Welcome.class, new ServerMessage.Welcome(1, "srv-5f2c", 7, ServerMessage.Welcome.CATCH_UP,
                    Limits.DEFAULT, Protocol.PING_SECONDS, "0.1.0")),
            Map.entry(ServerMessage.Refused.class, new ServerMessage.Refused(Protocol.CLOSE_VERSION,
                    "this dev server speaks protocol 1; the viewer speaks 2", List.of(1))),
            Map.entry(ServerMessage.Ping.class, new ServerMessage.Ping(1_700_000_000_500L)),
            Map.entry(ServerMessage.Snapshot.class, new ServerMessage.Snapshot(META, "demo.App", List.of(APP),
                    Map.of("main", ROOT), List.of(new Diagnostic("scenes/hud.json", 3, 14, "duplicate id 'a'")), List.of(LOGO),
                    List.of(new Library("commons-lang3-3.18.0.jar", "4eeeae8d20c078abb64b015ec158add383ac581571cddc45c68f0c9ae0230720",
                            702952)))),
            Map.entry(ServerMessage.AssetUpdate.class, new ServerMessage.AssetUpdate(META, List.of(LOGO),
                    List.of("assets/old.sksl"))),
            Map.entry(ServerMessage.SceneUpdate.class, new ServerMessage.SceneUpdate(META, List.of(
                    SceneChange.patch("main", List.of(new PatchOp.Remove("card"))),
                    SceneChange.added("hud", ROOT),
                    SceneChange.deleted("old")))),
            Map.entry(ServerMessage.CodeUpdate.class, new ServerMessage.CodeUpdate(META, Tier.RELOAD, "State gained field 'speed'",
                    List.of(STATE), List.of("demo.Gone"))),
            Map.entry(ServerMessage.UpdateFailed.class, new ServerMessage.UpdateFailed(META,
                    List.of(new Diagnostic("src/main/java/demo/App.java", 12, 9, "';' expected")))),
            Map.entry(ViewerMessage.Hello.class, new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-1", "17.0.15",
                    List.of("redefine", "gl"), "srv-5f2c", 4, Map.of(APP.name(), APP.sha256()),
                    Map.of(LOGO.path(), LOGO.sha256()))),
            Map.entry(ViewerMessage.Ack.class, new ViewerMessage.Ack(7, false, Tier.RELOAD, 100, 116, "cannot migrate State",
                    phases("decode", 1L, "apply", 9L), 2)),
            Map.entry(ViewerMessage.Pong.class, new ViewerMessage.Pong(1_700_000_000_500L)),
            Map.entry(ServerMessage.Undo.class, new ServerMessage.Undo("r1")),
            Map.entry(ServerMessage.RestartApp.class, new ServerMessage.RestartApp("r1")),
            Map.entry(ServerMessage.InspectState.class, new ServerMessage.InspectState("r2")),
            Map.entry(ServerMessage.EditState.class, new ServerMessage.EditState("r3", "/player/speed",
                    com.fasterxml.jackson.databind.node.DoubleNode.valueOf(2.5))),
            Map.entry(ServerMessage.CaptureFrame.class, new ServerMessage.CaptureFrame("r4", 480)),
            Map.entry(ViewerMessage.Undone.class, new ViewerMessage.Undone("r1", true, "back to generation 3", 3)),
            Map.entry(ViewerMessage.Restarted.class, new ViewerMessage.Restarted("r1", true, "restarted from the running code", 4)),
            Map.entry(ViewerMessage.StateReport.class, new ViewerMessage.StateReport("r2", 4,
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("score", 10), null)),
            Map.entry(ViewerMessage.FramePreview.class, new ViewerMessage.FramePreview("r4", 480, 300, "iVBORw0KGgo=", null)),
            Map.entry(PatchOp.SetProps.class, new PatchOp.SetProps("card", props("x", 30, "fill", "#80FF3366"), List.of("radius"))),
            Map.entry(PatchOp.Insert.class, new PatchOp.Insert("root", 1, CARD)),
            Map.entry(PatchOp.Remove.class, new PatchOp.Remove("card")),
            Map.entry(PatchOp.Move.class, new PatchOp.Move("card", "root", 0)),
            Map.entry(PatchOp.Replace.class, new PatchOp.Replace("root", ROOT)));

    /** The blobs every sample's classes need, by hash. */
    static final Function<String, byte[]> BLOBS = hash -> Stream.<Blob>of(APP, STATE, LOGO)
            .filter(c -> c.sha256().equals(hash)).map(Blob::bytes).findFirst().orElse(null);

    private Samples() {
    }

    /** Every concrete message type, walking nested sealed interfaces. */
    static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                out.addAll(leaves(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }

    static Stream<Class<?>> messageTypes() {
        return Stream.of(ServerMessage.class, ViewerMessage.class, PatchOp.class).flatMap(t -> leaves(t).stream());
    }

    static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    static Map<String, Long> phases(Object... keysAndValues) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            phases.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return phases;
    }

    static List<Object> values() {
        return Arrays.asList(ALL.values().toArray());
    }
}
