package dev.hotframe.viewer.frame;

import java.util.List;
import java.util.Map;

/**
 * One applied update as the headless update log and the ack report it. Times are wall-clock
 * milliseconds since the epoch; {@code detectedAtMs} is the server's clock.
 */
public record UpdateRecord(long seq, String tier, List<String> files, long detectedAtMs, long appliedAtMs,
                           long renderedAtMs, boolean ok, String error, String reason, Map<String, Long> serverPhasesMs,
                           long applyMs, int generation) {

    public UpdateRecord {
        files = List.copyOf(files);
        serverPhasesMs = Map.copyOf(serverPhasesMs);
    }

    UpdateRecord rendered(long atMs, boolean frameOk, String frameError) {
        return new UpdateRecord(seq, tier, files, detectedAtMs, appliedAtMs, atMs, ok && frameOk,
                error != null ? error : frameError, reason, serverPhasesMs, applyMs, generation);
    }
}
