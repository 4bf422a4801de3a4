package dev.hotframe.viewer.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hotframe.wire.Tier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One applied update as the headless update log and the ack report it. Times are wall-clock
 * milliseconds since the epoch; {@code detectedAtMs} is the server's clock. {@code warnings}
 * says what a reload could not carry over (a state field reset, with its name), and which calls
 * that would end or take over the viewer the app made and caught, or made on its own threads;
 * {@code viewerPhasesMs} times the viewer's steps ({@code redefine}, {@code save}, {@code load},
 * {@code init}, {@code migrate}). Both are left out of the JSON when empty. {@code server} is
 * the id of the dev-server run that sent the update ({@code seq} starts again with each run),
 * left out when not known.
 */
public record UpdateRecord(long seq, Tier tier, List<String> files, long detectedAtMs, long appliedAtMs,
                           long renderedAtMs, boolean ok, String error, String reason, Map<String, Long> serverPhasesMs,
                           long applyMs, int generation,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> viewerPhasesMs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String server) {

    public UpdateRecord {
        files = List.copyOf(files);
        serverPhasesMs = Map.copyOf(serverPhasesMs);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        viewerPhasesMs = Collections.unmodifiableMap(new LinkedHashMap<>(viewerPhasesMs == null ? Map.of() : viewerPhasesMs));
    }

    /** A record without warnings or viewer phases. */
    public UpdateRecord(long seq, Tier tier, List<String> files, long detectedAtMs, long appliedAtMs, long renderedAtMs,
                        boolean ok, String error, String reason, Map<String, Long> serverPhasesMs, long applyMs, int generation) {
        this(seq, tier, files, detectedAtMs, appliedAtMs, renderedAtMs, ok, error, reason, serverPhasesMs, applyMs, generation,
                List.of(), Map.of(), null);
    }

    /** A record without the server run. */
    public UpdateRecord(long seq, Tier tier, List<String> files, long detectedAtMs, long appliedAtMs, long renderedAtMs,
                        boolean ok, String error, String reason, Map<String, Long> serverPhasesMs, long applyMs, int generation,
                        List<String> warnings, Map<String, Long> viewerPhasesMs) {
        this(seq, tier, files, detectedAtMs, appliedAtMs, renderedAtMs, ok, error, reason, serverPhasesMs, applyMs, generation,
                warnings, viewerPhasesMs, null);
    }

    /** This record, sent by the server run {@code id}. */
    public UpdateRecord from(String id) {
        return new UpdateRecord(seq, tier, files, detectedAtMs, appliedAtMs, renderedAtMs, ok, error, reason, serverPhasesMs,
                applyMs, generation, warnings, viewerPhasesMs, id);
    }

    /** The record after its first frame: with that frame's error, and its warnings (refused host calls) after the update's. */
    UpdateRecord rendered(long atMs, boolean frameOk, String frameError, List<String> frameWarnings) {
        List<String> all = new java.util.ArrayList<>(warnings);
        frameWarnings.stream().filter(w -> !all.contains(w)).forEach(all::add);
        return new UpdateRecord(seq, tier, files, detectedAtMs, appliedAtMs, atMs, ok && frameOk,
                error != null ? error : frameError, reason, serverPhasesMs, applyMs, generation, all, viewerPhasesMs,
                server);
    }

    /** Whether this update changed what scenes draw (a scene, an asset, a snapshot), so that held drawing may run again. */
    boolean changedDrawing() {
        return ok && (tier == Tier.SCENE || tier == Tier.ASSET || tier == Tier.SNAPSHOT);
    }

    /** Whether this update changed the running code or state (so a paused app may run again). */
    boolean changedCode() {
        return ok && tier.changesCode();
    }
}
