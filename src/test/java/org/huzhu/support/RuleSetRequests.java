package org.huzhu.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rule set publications as an admin sends them, with the definitions the app ships. */
public final class RuleSetRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSetRequests() {
    }

    /** A shipped definition from {@code src/main/resources/rulesets}, to send as it is or changed. */
    public static ObjectNode definition(String resource) {
        try (InputStream in = RuleSetRequests.class.getResourceAsStream("/rulesets/" + resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> publication(String organiser, String effectiveFrom, String reason,
                                                  Object definition) {
        Map<String, Object> request = new HashMap<>();
        request.put("organiser", organiser);
        request.put("effectiveFrom", effectiveFrom);
        request.put("reason", reason);
        request.put("definition", definition);
        return request;
    }
}
