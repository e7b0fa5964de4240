package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Role;

/**
 * The responsible units the reference plan's text names, as the import preview and the import answer
 * list them: unmatched while no unit is registered, matched (and assigned to the task) once one is.
 */
class ImportUnitMentionsTest {
    static final String TEXT = Demo.referencePlan();

    @Test
    void withNoUnitRegisteredTheSixMentionsAreListedUnmatched() {
        try (PlantrackServer server = start("mentions-none")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            JsonNode preview = preview(admin);

            JsonNode mentions = preview.get("unitMentions");
            assertThat(rows(mentions)).containsExactly(
                    tuple("2.5", "PARTNER", "科技部門", 18),
                    tuple("2.5", "PARTNER", "農林部門", 18),
                    tuple("3.1", "PARTNER", "市委組織部", 20),
                    tuple("3.2", "PARTNER", "市委組織部", 21),
                    tuple("3.2", "PARTNER", "市委黨校", 21),
                    tuple("3.4", "PARTNER", "教育部門", 23));
            for (JsonNode m : mentions) {
                assertThat(m.has("unitId")).as("unitId is written out, as null: " + m).isTrue();
                assertThat(m.get("unitId").isNull()).as(m.toString()).isTrue();
                assertWhereItStands(m, preview.get("text").asText());
            }
            // each unmatched mention has its UNKNOWN_UNIT warning over the same words
            List<String> unknown = new ArrayList<>();
            for (JsonNode w : preview.get("warnings")) {
                if (w.get("code").asText().equals("UNKNOWN_UNIT")) {
                    unknown.add(w.get("startOffset").asInt() + "-" + w.get("endOffset").asInt());
                }
            }
            List<String> spans = new ArrayList<>();
            mentions.forEach(m -> spans.add(m.get("startOffset").asInt() + "-" + m.get("endOffset").asInt()));
            assertThat(unknown).isEqualTo(spans);
            assertThat(strings(task(preview.get("plan"), "3.2").get("partnerUnits"))).isEmpty();
        }
    }

    @Test
    void aRegisteredUnitIsMatchedInThePreviewAndAssignedByTheImport() {
        try (PlantrackServer server = start("mentions-registered")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            int warningsBefore = preview(admin).get("warnings").size();

            // registered in Simplified script; the document writes 市委組織部
            Api.Res unit = admin.put("/api/v1/units/u-zzb", Api.map("name", "市委组织部"));
            assertThat(unit.status()).as(unit.toString()).isEqualTo(201);

            JsonNode preview = preview(admin);
            JsonNode mentions = preview.get("unitMentions");
            assertThat(mentions).hasSize(6);
            for (JsonNode m : mentions) {
                String expected = m.get("name").asText().equals("市委組織部") ? "u-zzb" : null;
                assertThat(m.get("unitId").isNull() ? null : m.get("unitId").asText()).as(m.toString())
                        .isEqualTo(expected);
            }
            assertThat(mentions.findValuesAsText("unitId")).containsExactly("null", "null", "u-zzb", "u-zzb", "null",
                    "null");
            assertThat(strings(task(preview.get("plan"), "3.1").get("partnerUnits"))).containsExactly("u-zzb");
            assertThat(strings(task(preview.get("plan"), "3.2").get("partnerUnits"))).containsExactly("u-zzb");
            assertThat(preview.get("warnings").size()).as("two UNKNOWN_UNIT warnings fewer")
                    .isEqualTo(warningsBefore - 2);

            // the import answers the same mentions, and the stored plan holds the assignment
            Api.Res imported = admin.send("POST", "/api/v1/plans/import?planId=np-units",
                    TEXT.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            assertThat(imported.json().get("unitMentions")).isEqualTo(mentions);
            JsonNode stored = admin.get("/api/v1/plans/np-units/tasks/3.2").json();
            assertThat(strings(stored.get("partnerUnits"))).containsExactly("u-zzb");
        }
    }

    private static PlantrackServer start(String name) {
        return PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2(name))
                .demo(false).build());
    }

    private static JsonNode preview(Api admin) {
        Api.Res res = admin.send("POST", "/api/v1/plans/import/preview?planId=np",
                TEXT.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json();
    }

    private static List<org.assertj.core.groups.Tuple> rows(JsonNode mentions) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        mentions.forEach(m -> out.add(tuple(m.get("taskId").asText(), m.get("role").asText(), m.get("name").asText(),
                m.get("line").asInt())));
        return out;
    }

    /** Line, column and offsets agree with each other and with the text, which writes the name there. */
    private static void assertWhereItStands(JsonNode m, String text) {
        int start = m.get("startOffset").asInt();
        int end = m.get("endOffset").asInt();
        assertThat(end).as(m.toString()).isGreaterThan(start);
        String before = text.substring(0, start);
        assertThat(before.chars().filter(c -> c == '\n').count() + 1).as(m.toString()).isEqualTo(m.get("line").asLong());
        assertThat(start - (before.lastIndexOf('\n') + 1) + 1).as(m.toString()).isEqualTo(m.get("column").asInt());
        // pinyin annotations are not part of the name; 科技 of 科技、農林部門 is the name's own part
        String written = text.substring(start, end).replaceAll("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", "");
        assertThat(m.get("name").asText()).as(m.toString()).startsWith(written);
    }

    private static JsonNode task(JsonNode plan, String id) {
        for (JsonNode s : plan.get("sections")) {
            for (JsonNode t : s.get("tasks")) {
                if (t.get("id").asText().equals(id)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no task " + id);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
