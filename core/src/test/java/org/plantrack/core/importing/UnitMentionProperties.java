package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;

/** Invariants of reading responsible units, over plan-like text rich in unit phrases and over generated plans. */
class UnitMentionProperties {

    /** Registered units to draw from; names are distinct. */
    private static final List<Unit> POOL = List.of(
            new Unit("u-zzb", "市委组织部", null), new Unit("u-dx", "市委党校", null), new Unit("u-jy", "教育部门", null),
            new Unit("u-kj", "科技部门", null), new Unit("u-kx", "市科协", null), new Unit("u-jyj", "市教育局", null),
            new Unit("u-fl", "市妇联", null), new Unit("u-zj", "市住房和城乡建设局", null));

    private static final List<String> FRAGMENTS = List.of(
            "1.", "2.", "一、", "二、", "\n", "\n", "。", "，", ",", "；", "：", ":", "、", "、", "和", "及", "与", "與", "同",
            "(", ")", "（", "）", "“", "”", "?", "\uFFFD", " ", "\u3000",
            "配合", "密切配合", "会同", "會同", "联合", "聯合", "由", "牵头", "牽頭", "负责", "負責", "继续", "繼續", "积极",
            "协作", "協作", "联办", "合作", "共同", "开展", "等部门", "等部門", "等", "有关部门", "各县(市、区)科协",
            "牵头单位：", "配合单位:", "人", "于",
            "市委组织部", "市委組(zǔ)織部", "市委党校", "市委黨校", "教育部门", "教育部門", "科技", "农林部门", "農林部門",
            "市科协", "市科協", "市教育局", "市妇联", "市住房和城乡建设局", "中国林学会", "我市", "产业", "新媒体", "青少年",
            "南科協〔2017〕12號", "工作要点", "培训", "200名", "年内");

    /** A phrase built from a trigger, names, separators and an ending, well-formed or not. */
    private static Arbitrary<String> phrase() {
        Arbitrary<String> name = Arbitraries.of("市委组织部", "市委組(zǔ)織部", "市委党校", "市委黨校", "教育部门", "教育部門",
                "科技", "农林部门", "市科协", "市科協", "市教育局", "市妇联", "市住房和城乡建设局", "中国林学会", "有关部门",
                "新媒体", "产业", "市委 组织部", "市委組?部");
        Arbitrary<String> names = name.list().ofMinSize(1).ofMaxSize(3).flatMap(ns -> Arbitraries.of("、", "和", "及", "与")
                .map(sep -> String.join(sep, ns)));
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("", "继续", "密切", "积极", "繼續", "推动", "让"),
                Arbitraries.of("配合", "与", "與", "同", "会同", "聯合", "联合", "由", "牵头单位：", "配合单位:"), names,
                Arbitraries.of("", "等部门", "等", "等有关单位"),
                Arbitraries.of("", "协作", "合作", "联办", "共同开展", "开展", "牵头", "负责", "，", "。", "融合"))
                .as((a, t, n, e, z) -> a + t + n + e + z);
        Arbitrary<String> subject = Combinators.combine(names, Arbitraries.of("", "等单位", "积极"),
                Arbitraries.of("牵头", "负责", "配合", "负责人", "牽頭"))
                .as((n, e, t) -> n + e + t);
        return Arbitraries.oneOf(object, subject);
    }

    @Provide
    Arbitrary<String> unitLike() {
        Arbitrary<String> chunk = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(FRAGMENTS)), net.jqwik.api.Tuple.of(1, phrase()));
        Arbitrary<String> random = chunk.list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> tasks = Combinators.combine(phrase().list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(",", "。", "；", "，"))
                .as((ps, sep) -> "任务。" + String.join(sep, ps)).list().ofMinSize(1).ofMaxSize(4)
                .map(ts -> {
                    StringBuilder b = new StringBuilder("某市科协2018年工作要点\n一、重点工作\n");
                    for (int i = 0; i < ts.size(); i++) {
                        b.append(i + 1).append('.').append(ts.get(i)).append('\n');
                    }
                    return b.toString();
                });
        return Arbitraries.oneOf(random, tasks);
    }

    @Provide
    Arbitrary<List<Unit>> registered() {
        return Arbitraries.subsetOf(POOL).map(ArrayList::new);
    }

    private static ImportResult read(String text, List<Unit> units) {
        return WorkPlanTextImporter.create().read(text, ImportOptions.defaults().withUnits(units));
    }

    @Property(tries = 1500)
    void neverThrowsAndAssignsOnlyRegisteredUnitsItFound(@ForAll("unitLike") String text,
            @ForAll("registered") List<Unit> units) {
        if (text.isBlank()) {
            assertThatThrownBy(() -> read(text, units)).isInstanceOf(ValidationException.class);
            return;
        }
        ImportResult r = read(text, units);
        Plan p = r.plan();
        Set<String> ids = units.stream().map(Unit::id).collect(Collectors.toSet());
        Statistics.label("mentions").collect(r.unitMentions().isEmpty() ? "none"
                : r.unitMentions().stream().anyMatch(UnitMention::matched) ? "assigned" : "unmatched only");
        Statistics.label("mentions").coverage(c -> {
            c.check("assigned").percentage(x -> x > 3);
            c.check("unmatched only").percentage(x -> x > 3);
        });
        for (UnitMention m : r.unitMentions()) {
            ImporterProperties.inside(text, m.span());
            assertThat(m.span().length()).isPositive();
            assertThat(p.findTask(m.taskId())).isPresent();
            if (m.unitId() == null) {
                assertThat(r.warnings()).as("a warning for %s", m)
                        .anySatisfy(w -> {
                            assertThat(w.code()).isIn("UNKNOWN_UNIT", "AMBIGUOUS_UNIT");
                            assertThat(w.span()).isEqualTo(m.span());
                        });
            } else {
                assertThat(ids).contains(m.unitId());
            }
        }
        for (Task t : p.tasks()) {
            Set<String> found = r.unitMentions().stream().filter(m -> m.taskId().equals(t.id()) && m.matched())
                    .map(UnitMention::unitId).collect(Collectors.toSet());
            assertThat(found).as("task %s", t.id()).containsAll(t.units());
            assertThat(new HashSet<>(t.partnerUnits())).hasSameSizeAs(t.partnerUnits());
            if (t.leadUnit() != null) {
                assertThat(t.partnerUnits()).doesNotContain(t.leadUnit());
                assertThat(r.unitMentions()).anySatisfy(m -> {
                    assertThat(m.taskId()).isEqualTo(t.id());
                    assertThat(m.role()).isEqualTo(UnitMention.Role.LEAD);
                    assertThat(m.unitId()).isEqualTo(t.leadUnit());
                });
            }
        }
    }

    @Property(tries = 500)
    void registeredUnitsChangeOnlyTheAssignment(@ForAll("unitLike") String text, @ForAll("registered") List<Unit> units) {
        Assume.that(!text.isBlank());
        ImportResult none = read(text, List.of());
        ImportResult some = read(text, units);
        assertThat(TestDocs.shape(some.plan())).isEqualTo(TestDocs.shape(none.plan()));
        assertThat(withoutIds(some.unitMentions())).isEqualTo(withoutIds(none.unitMentions()));
        assertThat(none.plan().tasks()).allSatisfy(t -> assertThat(t.units()).isEmpty());
        // Registering every unit of the pool keeps each assignment made with fewer.
        ImportResult all = read(text, POOL);
        for (Task t : some.plan().tasks()) {
            assertThat(all.plan().findTask(t.id()).orElseThrow().units()).containsAll(t.units());
        }
    }

    private static List<String> withoutIds(List<UnitMention> ms) {
        return ms.stream().map(m -> m.taskId() + " " + m.role() + " " + m.name() + " " + m.span())
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ round trip

    @Provide
    Arbitrary<String> document() {
        Arbitrary<String> phrase = Arbitraries.of("密切配合市委组织部等部门，整合资源", "继续与市委组织部、市委党校联办讲座",
                "联合教育部门共同开展活动", "与科技、农林部门协作组织培训", "由市科协牵头", "会同市教育局开展调研",
                "市妇联配合", "（牵头单位：市科协；配合单位：市住房和城乡建设局）", "让青少年与科技“零距离”",
                "中国林学会与我市产业合作", "培训干部200名", "年内开工建设科技馆", "加强科普工作");
        Arbitrary<String> task = Combinators.combine(Arbitraries.of("加强科普工作", "推进学会改革", "服务精准扶贫"),
                phrase.list().ofMinSize(1).ofMaxSize(3))
                .as((title, ps) -> title + "。" + String.join("，", ps) + "。");
        return task.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(3).map(secs -> {
            StringBuilder b = new StringBuilder("某市科协2018年工作要点\n");
            int sn = 0;
            for (List<String> tasks : secs) {
                sn++;
                b.append(CanonicalText.chinese(sn)).append("、第").append(sn).append("部分工作\n");
                int tn = 0;
                for (String t : tasks) {
                    b.append(++tn).append('.').append(t).append('\n');
                }
            }
            return b.toString();
        });
    }

    @Property(tries = 200)
    void canonicalRenderingKeepsTheUnits(@ForAll("document") String doc, @ForAll("registered") List<Unit> units) {
        ImportResult first = read(doc, units);
        ImportResult second = read(CanonicalText.render(first.plan()), units);
        assertThat(TestDocs.shape(second.plan())).isEqualTo(TestDocs.shape(first.plan()));
        assertThat(units(second.plan())).isEqualTo(units(first.plan()));
        assertThat(second.unitMentions().stream().map(m -> m.taskId() + m.role() + m.name() + m.unitId())
                .collect(Collectors.toList()))
                .isEqualTo(first.unitMentions().stream().map(m -> m.taskId() + m.role() + m.name() + m.unitId())
                        .collect(Collectors.toList()));
    }

    private static List<String> units(Plan p) {
        return p.tasks().stream().map(t -> t.id() + " " + t.leadUnit() + " " + t.partnerUnits())
                .collect(Collectors.toList());
    }
}
