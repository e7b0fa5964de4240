package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;

/**
 * The responsible units of the reference plan (南科协〔2017〕12号). Every line was read for phrases that make a
 * unit responsible; exactly these name one:
 *
 * <ul>
 *   <li>line 18 (task 2.5) {@code 與科技、農林部門協作} — partners 科技部門, 農林部門;</li>
 *   <li>line 20 (task 3.1) {@code 密切配合市委組織部等部門} — partner 市委組織部;</li>
 *   <li>line 21 (task 3.2) {@code 繼續與市委組織部、市委黨校聯辦} — partners 市委組織部, 市委黨校;</li>
 *   <li>line 23 (task 3.4) {@code 聯合教育部門共同開展} — partner 教育部門.</li>
 * </ul>
 *
 * <p>Not responsibility: support asked of others (14 {@code 爭取省科協支持}, 18 {@code 在省科協的支持下},
 * 20 {@code 爭取市政府支持}), cooperation between other parties (16 {@code 中國林學會與我市活性炭產業…合作},
 * {@code 科研院所與我市創新型骨干企業建立…聯盟}), 與 between things (15 {@code 創新成果與企業需求對接},
 * 22 {@code 傳統科普渠道與新媒體深度融合}, 23 {@code 青少年與科技“零距離”}), partners that are no unit
 * (18 {@code 與臺灣文化創意產業合作}, 26 {@code 與高等院校、科研院所等交流合作}), and units only named as
 * the addressee or the source of something (12 {@code 市委、市政府的決策部署}, 26 {@code 向市委、市政府提交},
 * {@code 對接中國科協、省科協}, 25 {@code 支持和鼓勵市級學會…}).
 */
class ResponsibleUnitsTest {

    private static final String TEXT = TestDocs.reference();
    private static final List<String> EXPECTED = List.of(
            "2.5 PARTNER 科技部門 line 18 «科技»",
            "2.5 PARTNER 農林部門 line 18 «農(nóng)林部門»",
            "3.1 PARTNER 市委組織部 line 20 «市委組織部»",
            "3.2 PARTNER 市委組織部 line 21 «市委組織部»",
            "3.2 PARTNER 市委黨校 line 21 «市委黨校»",
            "3.4 PARTNER 教育部門 line 23 «教育部門»");

    private static ImportResult read(List<Unit> units) {
        return WorkPlanTextImporter.create().read(TEXT, ImportOptions.defaults().withUnits(units));
    }

    private static List<String> described(List<UnitMention> ms) {
        return ms.stream().map(m -> m.taskId() + " " + m.role() + " " + m.name() + " line " + m.span().line() + " «"
                + TEXT.substring(m.span().startOffset(), m.span().endOffset()) + "»").collect(Collectors.toList());
    }

    @Test
    void withNoUnitRegisteredEveryMentionWarnsAndNothingIsAssigned() {
        ImportResult r = read(List.of());
        assertThat(described(r.unitMentions())).containsExactlyElementsOf(EXPECTED);
        assertThat(r.unitMentions()).allSatisfy(m -> assertThat(m.unitId()).isNull());
        assertThat(r.plan().tasks()).allSatisfy(t -> assertThat(t.units()).as(t.id()).isEmpty());

        List<ImportWarning> unknown = r.warnings().stream().filter(w -> w.code().equals("UNKNOWN_UNIT"))
                .collect(Collectors.toList());
        assertThat(unknown).extracting(ImportWarning::line).containsExactly(18, 18, 20, 21, 21, 23);
        for (int i = 0; i < unknown.size(); i++) {
            ImportWarning w = unknown.get(i);
            UnitMention m = r.unitMentions().get(i);
            assertThat(w.span()).isEqualTo(m.span());
            assertThat(w.snippet()).isEqualTo(TEXT.substring(w.span().startOffset(), w.span().endOffset()));
            assertThat(w.messageZh()).contains("第" + w.line() + "行").contains("任务 " + m.taskId())
                    .contains("“" + m.name() + "”").contains("重新导入");
            assertThat(w.messageEn()).contains("Line " + w.line()).contains("\"" + m.name() + "\"")
                    .contains("Register a unit").contains("import again");
        }
        assertThat(unknown.get(0).messageEn()).isEqualTo("Line 18, column 93: task 2.5 names \"科技部門\" as its "
                + "partner unit, but no registered unit has this name, so it was not assigned. Register a unit named "
                + "\"科技部門\" (Simplified or Traditional script), then import again.");
    }

    @Test
    void registeredUnitsAreAssignedToExactlyTheirTasks() {
        List<Unit> units = List.of(new Unit("u-zzb", "市委组织部", null), new Unit("u-dx", "市委党校", null),
                new Unit("u-jy", "教育部门", null), new Unit("u-kx", "南平市科协", null));
        ImportResult r = read(units);
        Plan p = r.plan();
        for (Task t : p.tasks()) {
            assertThat(t.leadUnit()).as(t.id()).isNull();
            switch (t.id()) {
                case "3.1":
                    assertThat(t.partnerUnits()).containsExactly("u-zzb");
                    break;
                case "3.2":
                    assertThat(t.partnerUnits()).containsExactly("u-zzb", "u-dx");
                    break;
                case "3.4":
                    assertThat(t.partnerUnits()).containsExactly("u-jy");
                    break;
                default:
                    assertThat(t.partnerUnits()).as(t.id()).isEmpty();
            }
        }
        assertThat(described(r.unitMentions())).containsExactlyElementsOf(EXPECTED);
        assertThat(r.unitMentions()).extracting(UnitMention::unitId)
                .containsExactly(null, null, "u-zzb", "u-zzb", "u-dx", "u-jy");
        assertThat(r.warnings()).filteredOn(w -> w.code().endsWith("_UNIT"))
                .extracting(w -> w.code() + " " + w.line() + " " + w.snippet())
                .containsExactly("UNKNOWN_UNIT 18 科技", "UNKNOWN_UNIT 18 農(nóng)林部門");
        // Everything else is read as before.
        Plan without = read(List.of()).plan();
        assertThat(TestDocs.shape(p)).isEqualTo(TestDocs.shape(without));
    }

    @Test
    void allMentionsKnownLeavesOnlyTheDamageWarnings() {
        List<Unit> units = List.of(new Unit("u-zzb", "市委组织部", null), new Unit("u-dx", "市委党校", null),
                new Unit("u-jy", "教育部门", null), new Unit("u-kj", "科技部门", null), new Unit("u-nl", "农林部门", null));
        ImportResult r = read(units);
        assertThat(r.plan().findTask("2.5").orElseThrow().partnerUnits()).containsExactly("u-kj", "u-nl");
        assertThat(r.warnings()).extracting(ImportWarning::line).containsExactly(14, 15, 25, 26, 29);
        assertThat(r.unitMentions()).allSatisfy(m -> assertThat(m.matched()).isTrue());
    }
}
