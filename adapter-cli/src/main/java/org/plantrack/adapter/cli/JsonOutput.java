package org.plantrack.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON output through Jackson; loaded only when a command prints JSON (start-up time). */
final class JsonOutput {
    private static ObjectMapper mapper;

    private JsonOutput() {
    }

    static synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        }
        return mapper;
    }

    /** {@code value} as indented JSON with a trailing newline. */
    static String write(Object value) {
        try {
            return mapper().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
