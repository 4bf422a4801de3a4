package dev.hotframe.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.wire.Tier;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of a headless viewer's {@code updates.jsonl}: what the harness reads of it. */
public record Applied(long seq, Tier tier, boolean ok, String error, long detectedAtMs, long appliedAtMs,
                      long renderedAtMs, Map<String, Long> serverPhasesMs, long applyMs) {

    static Applied from(JsonNode line) {
        Map<String, Long> phases = new LinkedHashMap<>();
        line.path("serverPhasesMs").fields().forEachRemaining(e -> phases.put(e.getKey(), e.getValue().asLong()));
        return new Applied(line.path("seq").asLong(), Tier.of(line.path("tier").asText()), line.path("ok").asBoolean(),
                line.path("error").isNull() ? null : line.path("error").asText(null), line.path("detectedAtMs").asLong(),
                line.path("appliedAtMs").asLong(), line.path("renderedAtMs").asLong(), Map.copyOf(phases),
                line.path("applyMs").asLong());
    }

    /**
     * The phases of this update, in ms, for an edit written at {@code writtenAtMs}: {@code watch}
     * (write to the server noticing), the server's own phases (detect, diff, compile, classify),
     * {@code send} (server done to viewer received, what is left of detected-to-applied),
     * {@code apply} and {@code render} (applied to the new frame written).
     */
    public Map<String, Double> phases(long writtenAtMs) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("watch", (double) (detectedAtMs - writtenAtMs));
        long server = 0;
        for (Map.Entry<String, Long> e : serverPhasesMs.entrySet()) {
            out.put(e.getKey(), (double) e.getValue());
            server += e.getValue();
        }
        out.put("send", (double) (appliedAtMs - detectedAtMs - server - applyMs));
        out.put("apply", (double) applyMs);
        out.put("render", (double) (renderedAtMs - appliedAtMs));
        return out;
    }
}
