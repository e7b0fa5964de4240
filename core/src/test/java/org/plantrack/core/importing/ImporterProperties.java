package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/** Invariants of the work plan importer over arbitrary and generated documents. */
class ImporterProperties {

    private static final List<String> FRAGMENTS = List.of(
            "一、", "二、", "（一）", "(二)", "1.", "2．", "3、", "（1）", "(2)", "①", "\n", "\n", "\n", "。", "，", ",", "；",
            "、", "：", ":", "“", "”", "《", "》", "(", ")", "（", "）", "?", "\uFFFD", "⌒", "<", "_", " ", "\u3000", "\r\n",
            "培训", "200", "２００", "名", "家", "場", "批次", "人次", "万元", "%", "以上", "左右", "约", "力争", "近",
            "不超过", "第", "届", "十六", "两个", "一套", "1.5万", "年内", "上半年", "第三季度", "6月底前", "12月",
            "1—5月", "6—10月", "完成", "开工建设", "建立", "举办第十六届", "汇编", "筹备设立", "协(xié)", "會(huì)",
            "duì)", "南科協〔2017〕12號", "2017年3月22日", "工作要点", "印发", "全覆盖", "5+3", "6·18", "四届六次",
            "利用好", "\u0001", "\t", "a", "e站", "9", "0", "百分之");

    @Provide
    Arbitrary<String> planLike() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(80).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void neverThrowsOnPlanLikeText(@ForAll("planLike") String text) {
        checkRead(text);
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 300) String text) {
        checkRead(text);
    }

    private static void checkRead(String text) {
        WorkPlanTextImporter importer = WorkPlanTextImporter.create();
        if (text.isBlank()) {
            assertThatThrownBy(() -> importer.read(text, ImportOptions.defaults()))
                    .isInstanceOf(ValidationException.class);
            return;
        }
        ImportResult r = importer.read(text, ImportOptions.defaults());
        Plan p = r.plan();
        for (Section s : p.sections()) {
            inside(text, s.source());
            for (Task t : s.tasks()) {
                inside(text, t.source());
                assertThat(t.source()).isNotNull();
                for (Target g : t.targets()) {
                    inside(text, g.source());
                    assertThat(g.source().length()).isPositive();
                    assertThat(g.id()).startsWith(t.id() + ".");
                }
            }
        }
        for (ImportWarning w : r.warnings()) {
            inside(text, w.span());
            if (w.targetId() != null) {
                assertThat(p.findTarget(w.targetId())).isPresent();
            }
        }
        for (UnitMention m : r.unitMentions()) {
            inside(text, m.span());
            assertThat(p.findTask(m.taskId())).isPresent();
        }
    }

    static void inside(String text, SourceSpan s) {
        if (s == null) {
            return;
        }
        assertThat(s.startOffset()).isBetween(0, text.length());
        assertThat(s.endOffset()).isBetween(s.startOffset(), text.length());
        int lineStart = text.lastIndexOf('\n', s.startOffset() - 1) + 1;
        int line = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        assertThat(s.line()).isEqualTo(line);
        assertThat(s.column()).isEqualTo(s.startOffset() - lineStart + 1);
    }

    // ------------------------------------------------------------------ generated plans

    private static final List<String> MEASURES = List.of("名", "家", "场", "場", "批次", "辆", "个", "套", "项", "期", "次",
            "人次", "万元", "所", "篇");
    private static final List<String> FILLER = List.of("加强科普工作", "推进学会改革", "提升服务能力", "深入基层调研",
            "完善工作机制", "积极争取支持", "聚焦创新驱动", "服务精准扶贫");

    @Provide
    Arbitrary<String> clause() {
        Arbitrary<String> count = Combinators.combine(
                Arbitraries.of("", "力争", "争取", "不少于", "约", "近", "年内", "上半年", "第三季度", "6月底前"),
                Arbitraries.of("培训", "新建", "举办", "走访", "推广"),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 5000).map(String::valueOf),
                        Arbitraries.of("两", "十六", "一百二十", "二十", "三", "1.5万", "2万")),
                Arbitraries.of(MEASURES),
                Arbitraries.of("", "以上", "左右"),
                Arbitraries.of("企业", "干部", "活动", "", "培训班"))
                .as((q, v, n, m, after, obj) -> q + v + n + m + after + obj);
        Arbitrary<String> milestone = Arbitraries.of("年内开工建设科技馆", "举办第十六届学术年会", "汇编第十一届优秀论文",
                "建立专家服务站", "筹备设立“青年科技奖”", "拟开发建设“协会”微信平台", "开展第八批基地推荐申报工作");
        Arbitrary<String> percent = Arbitraries.of("实现“两个全覆盖”", "覆盖率达到95%", "达到百分之九十");
        Arbitrary<String> damaged = Arbitraries.of("新建?家工作站", "培训2?0名工程师", "支持高??茀f科协");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, count), net.jqwik.api.Tuple.of(2, milestone),
                net.jqwik.api.Tuple.of(1, percent), net.jqwik.api.Tuple.of(1, damaged),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(FILLER)));
    }

    @Provide
    Arbitrary<String> document() {
        Arbitrary<String> task = Combinators.combine(Arbitraries.of(FILLER), clause().list().ofMinSize(0).ofMaxSize(4))
                .as((title, clauses) -> title + "。" + String.join("，", clauses) + (clauses.isEmpty() ? "" : "。"));
        Arbitrary<List<List<String>>> sections = task.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> style = Arbitraries.of("1.", "1．", "1、", "（1）", "（一）");
        Arbitrary<Boolean> flat = Arbitraries.of(true, false);
        Arbitrary<Integer> year = Arbitraries.integers().between(2015, 2030);
        return Combinators.combine(sections, style, flat, year).as((secs, st, isFlat, y) -> {
            StringBuilder b = new StringBuilder();
            b.append("某市科协").append(y).append("年工作要点\n");
            int sn = 0;
            for (List<String> tasks : secs) {
                sn++;
                if (!isFlat) {
                    b.append(CanonicalText.chinese(sn)).append("、第").append(sn).append("部分工作\n");
                }
                int tn = 0;
                for (String t : tasks) {
                    tn++;
                    b.append(marker(st, isFlat ? (sn - 1) * 10 + tn : tn)).append(t).append('\n');
                }
                if (isFlat) {
                    break;
                }
            }
            return b.toString();
        });
    }

    private static String marker(String style, int n) {
        switch (style) {
            case "1．": return n + "．";
            case "1、": return n + "、";
            case "（1）": return "（" + n + "）";
            case "（一）": return "（" + CanonicalText.chinese(n) + "）";
            default: return n + ".";
        }
    }

    @Property(tries = 200)
    void canonicalRenderingRoundTrips(@ForAll("document") String doc) {
        Plan first = TestDocs.read(doc).plan();
        Plan second = TestDocs.read(CanonicalText.render(first)).plan();
        assertThat(TestDocs.shape(second)).isEqualTo(TestDocs.shape(first));
    }

    @Property(tries = 2000)
    void roundTripOfArbitraryPlanLikeText(@ForAll("planLike") String text) {
        Assume.that(!text.isBlank());
        Plan first = TestDocs.read(text).plan();
        Plan second = TestDocs.read(CanonicalText.render(first)).plan();
        assertThat(TestDocs.shape(second)).isEqualTo(TestDocs.shape(first));
    }

    @Property(tries = 200)
    void generatedTargetsSpanTheirNumberOrPhrase(@ForAll("document") String doc) {
        Plan p = TestDocs.read(doc).plan();
        List<String> problems = new ArrayList<>();
        for (Target g : p.targets()) {
            String at = TestDocs.at(doc, g);
            if (at.isBlank() || !g.description().contains(at.strip())) {
                problems.add(g.id() + " spans '" + at + "' in '" + g.description() + "'");
            }
        }
        assertThat(problems).isEmpty();
    }
}
