package dev.hotframe.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;

/**
 * The numeric field of the app's {@code state.json} that the drill watches. A field that grows by
 * itself (a frame counter, an uptime) proves the app runs (it grows again after a recovery) and that
 * the state was kept (after recovery it is at least what it was before the hostile edit: a reset
 * would start it again from its first value). A state with no such field is watched through a
 * numeric field that must keep its value; one with no numeric field cannot be checked.
 */
public record StateProbe(String field, boolean advancing, double perSecond) {

    /** No numeric field: the state cannot be checked. */
    static final StateProbe NONE = new StateProbe(null, false, 0);

    /** Reads the state twice, {@code apart}, and picks a growing field (one named like a frame counter first). */
    static StateProbe choose(HeadlessOutput output, Duration apart) throws IOException {
        Map<String, Double> first = numbers(output.state());
        LockSupport.parkNanos(apart.toNanos());
        Map<String, Double> second = numbers(output.state());
        List<String> growing = new ArrayList<>();
        for (Map.Entry<String, Double> e : second.entrySet()) {
            Double before = first.get(e.getKey());
            if (before != null && e.getValue() > before) {
                growing.add(e.getKey());
            }
        }
        String chosen = growing.stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("frame")).findFirst()
                .orElse(growing.isEmpty() ? null : growing.get(0));
        if (chosen != null) {
            double seconds = apart.toMillis() / 1000.0;
            return new StateProbe(chosen, true, (second.get(chosen) - first.get(chosen)) / seconds);
        }
        return second.keySet().stream().findFirst().map(name -> new StateProbe(name, false, 0)).orElse(NONE);
    }

    /**
     * Lets a growing field reach what it gains in {@code lead}, so that a reset during one row (the
     * field starting again from its first value) cannot catch up with the value before the edit.
     */
    void awaitLead(HeadlessOutput output, Duration lead) {
        if (advancing) {
            growsPast(output, perSecond * lead.toMillis() / 1000.0, lead.multipliedBy(2));
        }
    }

    boolean checks() {
        return field != null;
    }

    /** The field's value in the state the viewer wrote last, or empty when it cannot be read. */
    OptionalDouble read(HeadlessOutput output) {
        if (field == null) {
            return OptionalDouble.empty();
        }
        try {
            JsonNode value = output.state().path(field);
            return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Whether {@code after} (after the recovery) keeps {@code before} (just before the hostile edit). */
    boolean kept(double before, double after) {
        return advancing ? after >= before : after == before;
    }

    /** Waits up to {@code timeout} for the field to grow past {@code from}. */
    boolean growsPast(HeadlessOutput output, double from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalDouble now = read(output);
            if (now.isPresent() && now.getAsDouble() > from) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return false;
    }

    private static Map<String, Double> numbers(JsonNode state) {
        Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                numbers.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return numbers;
    }
}
