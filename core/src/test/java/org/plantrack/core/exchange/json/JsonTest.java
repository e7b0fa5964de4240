package org.plantrack.core.exchange.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Core's one JSON writer: indented for files, compact for signed message bodies, and both read back alike. */
class JsonTest {

    @Test
    void compactAndIndentedWriteTheSameValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "report.recorded");
        m.put("value", 2.5);
        m.put("count", 3);
        m.put("note", "上半年 \"注册\"\n120家");
        m.put("none", null);
        m.put("notFinite", Double.NaN);
        m.put("list", Arrays.asList(1, "a", null, List.of()));
        m.put("empty", Map.of());

        String compact = Json.writeCompact(m);
        assertThat(compact).isEqualTo("{\"type\":\"report.recorded\",\"value\":2.5,\"count\":3,"
                + "\"note\":\"上半年 \\\"注册\\\"\\n120家\",\"none\":null,\"notFinite\":null,\"list\":[1,\"a\",null,[]],"
                + "\"empty\":{}}");
        assertThat(Json.write(m)).contains("\n  \"type\": \"report.recorded\",\n");
        assertThat(Json.parse(compact)).isEqualTo(Json.parse(Json.write(m)));
    }
}
