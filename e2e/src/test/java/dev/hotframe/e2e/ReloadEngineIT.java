package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reload engine end to end: the real dev server and a real headless viewer on a copy of the
 * sample app. State survives a rename ({@code @Was}), a removal and its undo; a type change that
 * cannot convert is reported; an endless loop in the app's render is stopped by the watchdog,
 * and the fix brings the app back; a state field whose generic type changes with the code that
 * reads it is reloaded and reset with a warning, not redefined into a ClassCastException;
 * {@code System.exit} in the app's render is refused, shown and logged, and the viewer process
 * keeps running. The steps share the two processes and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ReloadEngineIT {

    private static final String STATE = "src/main/java/dev/hotframe/sample/DashboardState.java";
    private static final String APP = "src/main/java/dev/hotframe/sample/DashboardApp.java";

    @RegisterExtension
    static final LiveHotframe LIVE = LiveHotframe.onSampleApp();

    @Test
    @Order(1)
    void renamedFieldMarkedWasKeepsItsValue() throws Exception {
        JsonNode added = LIVE.awaitUpdate(LIVE.edit(STATE, "    public int clicks;\n", "    public int clicks;\n    public int bonus = 42;\n"));
        assertThat(added.get("ok").asBoolean()).as(added.toString()).isTrue();

        JsonNode renamed = LIVE.awaitUpdate(LIVE.edit(STATE, "    public int bonus = 42;\n",
                "    @dev.hotframe.app.Was(\"bonus\") public int extra = 7;\n"));

        assertThat(renamed.get("tier").asText()).isEqualTo("reload");
        assertThat(renamed.get("ok").asBoolean()).as(renamed.toString()).isTrue();
        assertThat(LIVE.frames().state().get("extra").asInt()).isEqualTo(42);
        assertThat(LIVE.frames().state().has("bonus")).isFalse();
    }

    @Test
    @Order(2)
    void removedFieldComesBackWithItsValueWhenTheEditIsUndone() throws Exception {
        JsonNode removed = LIVE.awaitUpdate(LIVE.edit(STATE, "    @dev.hotframe.app.Was(\"bonus\") public int extra = 7;\n", ""));
        assertThat(removed.get("ok").asBoolean()).as(removed.toString()).isTrue();
        assertThat(LIVE.frames().state().has("extra")).isFalse();

        JsonNode back = LIVE.awaitUpdate(LIVE.edit(STATE, "    public int clicks;\n", "    public int clicks;\n    public int extra = 1;\n"));

        assertThat(back.get("ok").asBoolean()).as(back.toString()).isTrue();
        assertThat(LIVE.frames().state().get("extra").asInt()).isEqualTo(42);
    }

    @Test
    @Order(3)
    void typeChangeThatCannotConvertResetsTheFieldWithAWarningNamingIt() throws Exception {
        JsonNode retyped = LIVE.awaitUpdate(LIVE.edit(STATE, "    public int extra = 1;\n",
                "    public List<String> extra = new ArrayList<>(List.of(\"fresh\"));\n"));

        assertThat(retyped.get("ok").asBoolean()).as(retyped.toString()).isTrue();
        assertThat(retyped.get("warnings").size()).isEqualTo(1);
        assertThat(retyped.get("warnings").get(0).asText()).startsWith("state field 'extra' was reset: ");
        assertThat(LIVE.frames().state().get("extra").toString()).isEqualTo("[\"fresh\"]");
    }

    @Test
    @Order(4)
    void endlessLoopInRenderIsStoppedAndTheFixBringsTheAppBack() throws Exception {
        JsonNode stopped = LIVE.awaitUpdate(LIVE.edit(APP, "        return 0xFF1B2838;\n",
                "        while (random.nextInt(2) < 5) {\n            Thread.onSpinWait();\n        }\n        return 0xFF1B2838;\n"));
        int loopLine = LIVE.project().lineOf(APP, "Thread.onSpinWait();");

        assertThat(stopped.get("tier").asText()).isEqualTo("redefine");
        assertThat(stopped.get("ok").asBoolean()).isFalse();
        assertThat(stopped.get("error").asText())
                .startsWith("render did not finish within 2000 ms: loop in dev.hotframe.sample.DashboardApp.panelColor (DashboardApp.java:"
                        + loopLine + ")")
                .endsWith("The app is paused until its code changes.");
        assertThat(LIVE.viewer().alive()).isTrue();
        long pausedFrames = LIVE.frames().state().get("frames").asLong();

        JsonNode fixed = LIVE.awaitUpdate(LIVE.edit(APP,
                "        while (random.nextInt(2) < 5) {\n            Thread.onSpinWait();\n        }\n", ""));

        assertThat(fixed.get("ok").asBoolean()).as(fixed.toString()).isTrue();
        assertThat(fixed.get("generation").asInt()).isEqualTo(stopped.get("generation").asInt());
        await("frames counting again").atMost(Duration.ofSeconds(10))
                .until(() -> LIVE.frames().state().get("frames").asLong() > pausedFrames);
    }

    @Test
    @Order(5)
    void genericTypeChangeOfAStateFieldReloadsWithAWarningInsteadOfAClassCastExceptionOnEveryFrame() throws Exception {
        JsonNode added = LIVE.awaitUpdate(LIVE.edit(STATE, "    public int clicks;\n", """
                    public int clicks;
                    public java.util.Map<String, List<Integer>> counts = new java.util.LinkedHashMap<>();

                    public void tally() {
                        List<Integer> seen = counts.get("a");
                        if (seen == null) {
                            seen = new ArrayList<>();
                            counts.put("a", seen);
                        }
                        seen.add(1);
                    }
                """));
        assertThat(added.get("ok").asBoolean()).as(added.toString()).isTrue();
        JsonNode called = LIVE.awaitUpdate(LIVE.edit(APP, "        s.frames++;\n", "        s.frames++;\n        s.tally();\n"));
        assertThat(called.get("ok").asBoolean()).as(called.toString()).isTrue();

        // Issue 17 item 2: the field's type and the code that reads it change in one save; the erased descriptor does not.
        JsonNode retyped = LIVE.awaitUpdate(LIVE.edit(STATE, """
                    public java.util.Map<String, List<Integer>> counts = new java.util.LinkedHashMap<>();

                    public void tally() {
                        List<Integer> seen = counts.get("a");
                        if (seen == null) {
                            seen = new ArrayList<>();
                            counts.put("a", seen);
                        }
                        seen.add(1);
                    }
                """, """
                    public java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();

                    public void tally() {
                        Integer seen = counts.get("a");
                        counts.put("a", seen == null ? 1 : seen + 1);
                    }
                """));

        assertThat(retyped.get("tier").asText()).isEqualTo("reload");
        assertThat(retyped.get("reason").asText())
                .isEqualTo("DashboardState changed the type of field 'counts' from Map<String, List<Integer>> to Map<String, Integer>");
        assertThat(retyped.get("ok").asBoolean()).as(retyped.toString()).isTrue();
        assertThat(retyped.get("warnings").size()).as(retyped.toString()).isEqualTo(1);
        assertThat(retyped.get("warnings").get(0).asText()).startsWith("state field 'counts' was reset: ");
        assertThat(LIVE.frames().state().path("counts").path("a").isInt()).as(LIVE.frames().state().toString()).isTrue();
        int counted = LIVE.frames().state().path("counts").path("a").asInt();

        JsonNode later = LIVE.awaitUpdate(LIVE.edit(STATE, "seen == null ? 1 : seen + 1", "seen == null ? 1 : seen + 10"));

        assertThat(later.get("tier").asText()).isEqualTo("redefine");
        assertThat(later.get("ok").asBoolean()).as(later.toString()).isTrue();
        assertThat(LIVE.frames().state().path("counts").path("a").asInt()).isGreaterThan(counted);
        assertThat(LIVE.viewer().output()).doesNotContain("ClassCastException");
    }

    @Test
    @Order(6)
    void systemExitInRenderIsRefusedAndTheViewerProcessKeepsRunning() throws Exception {
        long framesBefore = LIVE.frames().state().get("frames").asLong();
        String exiting = "        frame.canvas().clear(0xFF0F1720);\n        System.exit(3);\n";
        JsonNode refused = LIVE.awaitUpdate(LIVE.edit(APP, "        frame.canvas().clear(0xFF0F1720);\n", exiting));
        int exitLine = LIVE.project().lineOf(APP, "System.exit(3);");

        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error").asText()).startsWith("""
                System.exit(3) refused in render: it would end the viewer, which hosts the app and keeps running
                  at dev.hotframe.sample.DashboardApp.render(DashboardApp.java:%d)""".formatted(exitLine));
        await("the refusal in the viewer's terminal").atMost(Duration.ofSeconds(10))
                .until(() -> LIVE.viewer().lineContaining("System.exit(3) refused in render") != null);
        assertThat(LIVE.viewer().alive()).isTrue();

        JsonNode fixed = LIVE.awaitUpdate(LIVE.edit(APP, "        System.exit(3);\n", ""));

        assertThat(fixed.get("ok").asBoolean()).as(fixed.toString()).isTrue();
        assertThat(LIVE.viewer().alive()).isTrue();
        await("frames counting again").atMost(Duration.ofSeconds(10))
                .until(() -> LIVE.frames().state().get("frames").asLong() > framesBefore);
    }
}
