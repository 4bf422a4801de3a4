package dev.hotframe.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type and {@link UpdateMeta} of an update whose text cannot be decoded (too deep, a field
 * that does not fit, a class this build does not know), read by streaming over the rest without
 * building it. With them a viewer reports the update once as failed and goes on at the next
 * number, instead of reconnecting to be sent the same text again.
 *
 * @param snapshot whether the update was a whole snapshot, which sets where the stream stands
 */
public record UpdateHeader(UpdateMeta meta, boolean snapshot) {

    private static final Set<String> UPDATES = Set.of("snapshot", "scene", "code", "failed", "asset");
    // Skipping nests no deeper in the stack, so only the size limit (checked before) bounds it.
    private static final ObjectMapper SKIPPING = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build()).build();

    /** The header of {@code json} when it is an update with readable {@code type} and {@code meta}. */
    public static Optional<UpdateHeader> of(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try (JsonParser parser = SKIPPING.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            UpdateMeta meta = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = parser.getText();
                } else if (name.equals("meta") && value == JsonToken.START_OBJECT) {
                    meta = SKIPPING.readValue(parser, UpdateMeta.class);
                } else {
                    parser.skipChildren();
                }
            }
            return type != null && UPDATES.contains(type) && meta != null && meta.seq() > 0
                    ? Optional.of(new UpdateHeader(meta, type.equals("snapshot"))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The failure a viewer applies in place of the update it could not read: one problem per file
     * the update was for (or one without a file), saying why, so the overlay and the log show it.
     */
    public ServerMessage.UpdateFailed failure(String why) {
        String message = "this viewer could not read update #" + meta.seq() + " from the dev server (" + why
                + "); it keeps what it had and goes on with the next update";
        List<String> files = meta.files().isEmpty() ? List.of("") : meta.files();
        return new ServerMessage.UpdateFailed(new UpdateMeta(meta.seq(), meta.files(), meta.detectedAtMs(), Map.of()),
                files.stream().map(file -> new Diagnostic(file, 0, 0, message)).toList());
    }
}
