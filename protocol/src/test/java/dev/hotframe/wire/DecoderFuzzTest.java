package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the decoders generated inputs: mutations of every valid message and blob frame, and
 * random JSON built from the protocol's own names. Each input must decode or throw
 * {@link WireException}; anything else is a bug. {@code -Dhotframe.fuzz.count=N} runs longer.
 */
@Timeout(3600)
class DecoderFuzzTest {

    private static final int COUNT = Integer.getInteger("hotframe.fuzz.count", 100_000);
    private static final String[] NAMES = {"type", "meta", "seq", "files", "detectedAtMs", "phasesMs", "classes", "name",
        "sha256", "size", "scenes", "problems", "appClass", "changes", "scene", "ops", "op", "id", "parentId", "index",
        "node", "root", "removed", "children", "props", "tier", "reason", "diagnostics", "file", "line", "column",
        "message", "protocols", "viewerId", "jdk", "capabilities", "serverId", "lastSeq", "have", "ok", "error",
        "appliedAtMs", "renderedAtMs", "sentAtMs", "limits", "resume", "protocol", "code", "serverProtocols", "set", "unset"};
    private static final String[] TYPES = {"welcome", "refused", "ping", "snapshot", "scene", "code", "failed", "hello", "ack",
        "pong", "set", "insert", "remove", "move", "replace", "catch-up"};

    private final WireCodec codec = new WireCodec();
    private final Random random = new Random(20261121L);

    @Test
    void decodersThrowOnlyWireExceptions() {
        List<String> seeds = new ArrayList<>();
        for (Object sample : Samples.values()) {
            if (sample instanceof ServerMessage m) {
                seeds.add(codec.encode(m));
            } else if (sample instanceof ViewerMessage m) {
                seeds.add(codec.encode(m));
            }
        }
        List<byte[]> frames = Blobs.encode(List.of(Samples.APP, Samples.STATE), 1 << 20);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < COUNT; i++) {
            int kind = i % 4;
            try {
                if (kind == 3) {
                    Blobs.decode(ByteBuffer.wrap(mutate(frames.get(0))), Limits.DEFAULT);
                } else {
                    String input = kind == 2 ? randomJson(0) : new String(mutate(
                            seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                    decodeAndReencode(input);
                }
                decoded++;
            } catch (WireException expected) {
                refused++;
            } catch (Throwable bug) {
                throw new AssertionError("input #" + i + " threw " + bug, bug);
            }
        }
        assertThat(decoded + refused).isEqualTo(COUNT);
        // Both outcomes must occur, or the generator is not exploring.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    private void decodeAndReencode(String input) {
        try {
            codec.encode(codec.decodeServer(input, Samples.BLOBS));
        } catch (WireException notServer) {
            codec.encode(codec.decodeViewer(input));
        }
    }

    private byte[] mutate(byte[] seed) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = java.util.Arrays.copyOf(out, at);
                case 2 -> out = splice(out, at, token().getBytes(StandardCharsets.UTF_8));
                case 3 -> out = splice(out, at, java.util.Arrays.copyOfRange(out, at, Math.min(out.length, at + random.nextInt(40))));
                case 4 -> out[at] = (byte) "{}[],:\"0-e.tn\\".charAt(random.nextInt(14));
                default -> out = remove(out, at, random.nextInt(20));
            }
        }
        return out;
    }

    private String token() {
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> "\"" + TYPES[random.nextInt(TYPES.length)] + "\"";
            case 2 -> "\"" + NAMES[random.nextInt(NAMES.length)] + "\":";
            case 3 -> "99999999999999999999999";
            case 4 -> "-1";
            case 5 -> "[[[[[[[[";
            case 6 -> "1e999";
            case 7 -> "\"\\u0000\"";
            case 8 -> "{\"type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\"}";
            default -> "true";
        };
    }

    private String randomJson(int depth) {
        int pick = depth > 6 ? 5 + random.nextInt(5) : random.nextInt(10);
        switch (pick) {
            case 0, 1, 2 -> {
                StringBuilder out = new StringBuilder("{");
                if (depth == 0 || random.nextBoolean()) {
                    out.append("\"type\":\"").append(TYPES[random.nextInt(TYPES.length)]).append("\"");
                }
                int fields = random.nextInt(8);
                for (int f = 0; f < fields; f++) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append('"').append(NAMES[random.nextInt(NAMES.length)]).append("\":").append(randomJson(depth + 1));
                }
                return out.append('}').toString();
            }
            case 3, 4 -> {
                StringBuilder out = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int n = 0; n < items; n++) {
                    out.append(n > 0 ? "," : "").append(randomJson(depth + 1));
                }
                return out.append(']').toString();
            }
            case 5 -> {
                return Long.toString(random.nextLong() % 1000);
            }
            case 6 -> {
                return random.nextBoolean() ? "\"" + TYPES[random.nextInt(TYPES.length)] + "\"" : "\"" + Samples.APP.sha256() + "\"";
            }
            case 7 -> {
                return random.nextBoolean() ? "true" : "null";
            }
            case 8 -> {
                return "1.5";
            }
            default -> {
                return "\"x\"";
            }
        }
    }

    private static byte[] splice(byte[] into, int at, byte[] insert) {
        byte[] out = new byte[into.length + insert.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(into, at, out, at + insert.length, into.length - at);
        return out;
    }

    private static byte[] remove(byte[] from, int at, int length) {
        int end = Math.min(from.length, at + length);
        byte[] out = new byte[from.length - (end - at)];
        System.arraycopy(from, 0, out, 0, at);
        System.arraycopy(from, end, out, at, from.length - end);
        return out;
    }
}
