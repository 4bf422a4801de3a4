package dev.hotframe.wire;

import java.util.List;
import java.util.Map;

/**
 * What every update carries: its sequence number, the files whose change caused it (relative
 * to the project), when the server saw the change (its wall clock, ms since the epoch), and
 * the server's phase timings in milliseconds ({@code detect}, {@code compile}, {@code classify},
 * {@code diff}).
 */
public record UpdateMeta(long seq, List<String> files, long detectedAtMs, Map<String, Long> phasesMs) {

    public UpdateMeta {
        files = List.copyOf(files == null ? List.of() : files);
        phasesMs = Map.copyOf(phasesMs == null ? Map.of() : phasesMs);
    }
}
