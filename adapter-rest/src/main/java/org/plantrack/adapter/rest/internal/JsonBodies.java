package org.plantrack.adapter.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;

/**
 * JSON in and out. Reading is strict: unknown fields, a field given twice, trailing content, nulls for
 * numbers, a {@code null} inside a list and a body that is just {@code null} are refused with a 400 that
 * names the field (or {@code body}) and where it stands (line, column).
 */
@Singleton
public final class JsonBodies {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "value": "5" is a text, not a number: no quiet conversion of scalars (a wrong type is a 400)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // {"value":1,"value":1000} is refused, not read as its last value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // ["u-a", null] is refused with the element's place (units[1]), instead of failing later
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The mapper (for the OpenAPI document and tests). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Reads a body into {@code type}, or throws an {@link ApiException} or {@link ValidationException} saying
     * what is wrong and where. Never returns null: the body {@code null} is refused as field {@code body}.
     */
    public <T> T read(byte[] body, Class<T> type, String what) {
        if (body.length == 0) {
            throw ApiException.badRequest("a JSON body (" + what + ") is required, found an empty body");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                known.sort(null);
            }
            throw ApiException.badRequest("unknown field '" + path(e) + "' in " + what + at(e.getLocation())
                    + "; known fields: " + known);
        } catch (JsonParseException e) {
            String dup = duplicateField(e.getOriginalMessage());
            if (dup != null) {
                throw ApiException.badRequest("field '" + dup + "' is given twice in " + what + at(e.getLocation())
                        + "; give each field once");
            }
            throw new ApiException(400, "malformed-json", "Malformed JSON", "malformed JSON" + at(e.getLocation())
                    + ": " + firstLine(e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("field '" + path(e) + "' of " + what + ": expected "
                    + describe(e.getTargetType()) + ", found " + shown(e.getValue()) + at(e.getLocation()));
        } catch (InvalidNullException e) {
            String field = path(e);
            throw new ValidationException(field, null, "a value (not null) in " + what + at(e.getLocation()));
        } catch (MismatchedInputException e) {
            if (e.getTargetType() != null && (Number.class.isAssignableFrom(e.getTargetType())
                    || e.getTargetType().isPrimitive() || e.getTargetType() == Boolean.class)) {
                // a scalar of the wrong JSON type, e.g. the text "5" where a number belongs
                throw ApiException.badRequest("field '" + path(e) + "' of " + what + ": expected "
                        + describe(e.getTargetType()) + " (a JSON " + (e.getTargetType() == Boolean.class
                        || e.getTargetType() == boolean.class ? "true or false" : "number, without quotes")
                        + "), found another type" + at(e.getLocation()));
            }
            throw mapping(e, what);
        } catch (JsonMappingException e) {
            throw mapping(e, what);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed-json", "Malformed JSON", "malformed JSON" + at(e.getLocation())
                    + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the body: " + e.getMessage());
        }
        if (value == null) {
            throw new ValidationException("body", "null", "a JSON object (" + what + ")");
        }
        return value;
    }

    /** Any other mapping failure: Plantrack's own validation error as it is, else a 400 naming the field. */
    private static RuntimeException mapping(JsonMappingException e, String what) {
        if (e.getCause() instanceof PlantrackException) {
            return (PlantrackException) e.getCause();
        }
        String field = path(e);
        return ApiException.badRequest((field.isEmpty() ? what : "field '" + field + "' of " + what) + ": "
                + firstLine(e.getOriginalMessage()) + at(e.getLocation()));
    }

    /** The field a "Duplicate field 'x'" parse error names, else null. */
    private static String duplicateField(String message) {
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.indexOf('\'', prefix.length());
        return Logs.clean(end < 0 ? message.substring(prefix.length()) : message.substring(prefix.length(), end));
    }

    /** Writes {@code value} as the JSON answer with {@code status}. */
    public void write(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(bytes(value));
    }

    /** {@code value} as JSON bytes. */
    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String shown(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Jackson names Java types (`java.lang.String`, `org.plantrack...Dto$ReportInput`): keep the simple name
        return line.replaceAll("(?:[a-z_][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)*([A-Z][A-Za-z0-9_]*)", "$1");
    }
}
