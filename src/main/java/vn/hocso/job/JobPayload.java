package vn.hocso.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Job payloads as JSON text for the native insert. */
final class JobPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobPayload() {}

    static String toJson(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job payload is not serialisable", e);
        }
    }
}
