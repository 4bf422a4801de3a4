package dev.hotframe.devserver.dashboard;

import dev.hotframe.devserver.session.HubEvents;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the dashboard shows, kept up to date from the hub's events: the reload timeline (each
 * update with the acks of the viewers that applied it, and undos), the viewers that left, the
 * viewers' runtime errors and the latency per tier. {@link #json} renders it all as one
 * JSON document; {@code onChange} runs after every event so the page can be pushed the news.
 */
final class DashboardModel implements HubEvents {

    static final int TIMELINE_SIZE = 200;

    /** The connected viewers (from the hub), the open compile and scene problems, and the current seq. */
    record Sources(Supplier<List<Map<String, Object>>> viewers, Supplier<List<Diagnostic>> problems,
                   Supplier<Map<String, Object>> server) {
    }

    private final Sources sources;
    private final ProblemView problems;
    private final Runnable onChange;
    private final Deque<Map<String, Object>> timeline = new ArrayDeque<>();
    private final Map<Long, Map<String, Object>> bySeq = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> departed = new LinkedHashMap<>();
    private final Map<String, String> runtimeErrors = new LinkedHashMap<>();
    private final Latency latency = new Latency();

    DashboardModel(Sources sources, ProblemView problems, Runnable onChange) {
        this.sources = sources;
        this.problems = problems;
        this.onChange = onChange;
    }

    @Override
    public void published(ServerMessage.Update update) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", "update");
        entry.put("seq", update.meta().seq());
        entry.put("atMs", update.meta().detectedAtMs());
        entry.put("files", update.meta().files());
        Filed filed = update.accept(FILED);
        entry.put("tier", filed.tier());
        entry.put("reason", filed.reason());
        entry.put("phasesMs", update.meta().phasesMs());
        entry.put("viewers", new ArrayList<Map<String, Object>>());
        synchronized (this) {
            add(entry);
            bySeq.put(update.meta().seq(), entry);
        }
        onChange.run();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void acked(String viewerId, ViewerMessage.Ack ack) {
        synchronized (this) {
            if (ack.ok()) {
                runtimeErrors.remove(viewerId);
            } else if (ack.error() != null && ack.tier() != Tier.ERROR) {
                runtimeErrors.put(viewerId, ack.error());
            }
            Map<String, Object> entry = bySeq.get(ack.seq());
            if (entry == null || ack.tier() == Tier.SNAPSHOT) {
                return;
            }
            long detectedAt = ((Number) entry.get("atMs")).longValue();
            long totalMs = Math.max(0, ack.renderedAtMs() - detectedAt);
            Map<String, Object> applied = new LinkedHashMap<>();
            applied.put("viewer", viewerId);
            applied.put("ok", ack.ok());
            applied.put("tier", ack.tier());
            applied.put("totalMs", totalMs);
            applied.put("phasesMs", ack.phasesMs());
            applied.put("error", ack.error());
            ((List<Map<String, Object>>) entry.get("viewers")).add(applied);
            if (ack.ok() && ack.tier() != Tier.ERROR) {
                latency.add(ack.tier(), totalMs);
            }
        }
        onChange.run();
    }

    @Override
    public void replied(String viewerId, ViewerMessage.Reply reply) {
        if (reply instanceof ViewerMessage.Undone undone) {
            command(viewerId, "undo", undone.ok(), undone.reason(), undone.generation(),
                    undone.id() == null ? "F2 in the viewer" : "the dashboard");
        } else if (reply instanceof ViewerMessage.Restarted restarted) {
            command(viewerId, "restart", restarted.ok(), restarted.reason(), restarted.generation(),
                    restarted.id() == null ? "F5 in the viewer" : "the dashboard");
        }
    }

    /** An undo or restart a person asked for, as a timeline entry. */
    private void command(String viewerId, String kind, boolean ok, String reason, int generation, String from) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("atMs", System.currentTimeMillis());
        entry.put("viewer", viewerId);
        entry.put("ok", ok);
        entry.put("reason", reason);
        entry.put("generation", generation);
        entry.put("from", from);
        synchronized (this) {
            add(entry);
        }
        onChange.run();
    }

    @Override
    public void viewerJoined(String viewerId) {
        synchronized (this) {
            departed.remove(viewerId);
        }
        onChange.run();
    }

    @Override
    public void viewerLeft(String viewerId, String why) {
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("id", viewerId);
        gone.put("state", "disconnected (" + why.trim() + ")");
        gone.put("leftAtMs", System.currentTimeMillis());
        synchronized (this) {
            departed.put(viewerId, gone);
            runtimeErrors.remove(viewerId);
            while (departed.size() > 20) {
                departed.remove(departed.keySet().iterator().next());
            }
        }
        onChange.run();
    }

    /** Everything the page shows as JSON, written under the model's lock (its entries change as acks arrive). */
    synchronized String json(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(describe());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the dashboard's model cannot be written as JSON", e);
        }
    }

    /** Everything the page shows, newest timeline entries first. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>(sources.server().get());
        List<Map<String, Object>> viewers = new ArrayList<>();
        for (Map<String, Object> v : sources.viewers().get()) {
            Map<String, Object> shown = new LinkedHashMap<>(v);
            shown.put("state", "connected");
            viewers.add(shown);
        }
        departed.values().stream().filter(d -> viewers.stream().noneMatch(v -> v.get("id").equals(d.get("id"))))
                .forEach(viewers::add);
        out.put("viewers", viewers);
        List<Map<String, Object>> open = new ArrayList<>();
        for (Diagnostic d : sources.problems().get()) {
            open.add(problems.of(d.file().endsWith(".java") ? "compile" : "scene", d));
        }
        runtimeErrors.forEach((viewer, error) -> open.add(problems.runtime(viewer, error)));
        out.put("problems", open);
        List<Map<String, Object>> entries = new ArrayList<>(timeline);
        java.util.Collections.reverse(entries);
        out.put("timeline", entries);
        out.put("latency", latency.describe());
        return out;
    }

    /** The tier an update is filed under on the timeline, and what it did, in words. */
    private record Filed(Tier tier, String reason) {
    }

    private static final ServerMessage.Update.Handler<Filed> FILED = new ServerMessage.Update.Handler<>() {
        @Override
        public Filed snapshot(ServerMessage.Snapshot update) {
            return new Filed(Tier.SNAPSHOT, "the whole project");
        }

        @Override
        public Filed scene(ServerMessage.SceneUpdate update) {
            return new Filed(Tier.SCENE, update.changes().size() + " scene" + (update.changes().size() == 1 ? "" : "s") + " patched");
        }

        @Override
        public Filed code(ServerMessage.CodeUpdate update) {
            return new Filed(update.tier(), update.reason());
        }

        @Override
        public Filed failed(ServerMessage.UpdateFailed update) {
            return new Filed(Tier.ERROR, update.diagnostics().isEmpty() ? "the change did not build"
                    : update.diagnostics().get(0).toString());
        }

        @Override
        public Filed asset(ServerMessage.AssetUpdate update) {
            int changed = update.assets().size();
            int removed = update.removed().size();
            String reason = changed == 0 && removed == 0 ? "asset problems cleared"
                    : changed == 0 ? removed + " asset" + (removed == 1 ? "" : "s") + " removed"
                    : changed + " asset" + (changed == 1 ? "" : "s") + " changed" + (removed == 0 ? "" : ", " + removed + " removed");
            return new Filed(Tier.ASSET, reason);
        }
    };

    private void add(Map<String, Object> entry) {
        timeline.addLast(entry);
        while (timeline.size() > TIMELINE_SIZE) {
            Map<String, Object> dropped = timeline.removeFirst();
            if (dropped.get("seq") instanceof Long seq) {
                bySeq.remove(seq);
            }
        }
    }
}
