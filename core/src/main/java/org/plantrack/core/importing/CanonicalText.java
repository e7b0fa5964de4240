package org.plantrack.core.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Task;

/**
 * Renders a plan back to 工作要点 text in the layout {@link WorkPlanTextImporter} reads: document number,
 * recipients line ending in {@code ：}, issuer, issue date, title, guiding paragraph, then sections
 * numbered {@code 一、} and tasks numbered {@code 1.} with their body.
 *
 * <p>Re-importing the rendering of an imported plan gives the same structure: the same header fields,
 * sections, tasks, titles and targets (spans differ, as the text moved). Targets are not written
 * separately: they are read again from the task bodies, which are rendered as written.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /** The plan as 工作要点 text, lines separated by {@code \n}. */
    public static String render(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        StringBuilder out = new StringBuilder();
        if (plan.documentNumber() != null) {
            out.append(plan.documentNumber()).append('\n');
        }
        List<String> recipients = plan.recipients();
        if (!recipients.isEmpty()) {
            out.append(String.join("、", recipients)).append("：\n");
        }
        if (plan.issuer() != null) {
            out.append(plan.issuer()).append('\n');
        }
        if (plan.issueDate() != null) {
            LocalDate d = plan.issueDate();
            out.append(d.getYear()).append('年').append(d.getMonthValue()).append('月').append(d.getDayOfMonth())
                    .append("日\n");
        }
        out.append(plan.title()).append('\n');
        String period = periodLine(plan);
        if (period != null) {
            out.append(period).append('\n');
        }
        if (plan.preamble() != null) {
            out.append(plan.preamble()).append('\n');
        }
        // Tasks are numbered 1. unless a task's own lines use that level (then （一）), so that
        // reading the text again finds the same tasks.
        boolean arabicTaken = false;
        for (Section s : plan.sections()) {
            for (Task t : s.tasks()) {
                String[] lines = t.body().split("\n");
                for (int i = 1; i < lines.length; i++) {
                    PlanReader.Style st = PlanReader.styleOf(lines[i]);
                    if (st != null && st.ordinal() <= PlanReader.Style.ARABIC.ordinal()) {
                        arabicTaken = true;
                    }
                }
            }
        }
        for (Section s : plan.sections()) {
            out.append(chinese(s.ordinal())).append('、').append(s.title()).append('\n');
            for (Task t : s.tasks()) {
                String body = t.body().isBlank() ? t.title() + "。" : t.body();
                if (!body.startsWith(t.title())) {
                    body = t.title() + "。" + body;
                }
                if (arabicTaken) {
                    out.append('（').append(chinese(t.ordinal())).append('）');
                } else {
                    out.append(t.ordinal()).append('.');
                    if (startsLikeNumber(body)) {
                        out.append(' ');
                    }
                }
                out.append(body).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The period under the title, {@code （2017年）} or {@code （2023-2027年）}, when the title does not name it as the
     * importer reads it (its first year, or its span of years); else {@code null}.
     */
    private static String periodLine(Plan plan) {
        int a = plan.period().start().getYear();
        int b = plan.period().end().getYear();
        String t = plan.title().replaceAll("\\s+", "");
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("(\\d{4})年?[-—~至到](\\d{4})年").matcher(t);
        if (span.find()) {
            if (Integer.parseInt(span.group(1)) == a && Integer.parseInt(span.group(2)) == b) {
                return null;
            }
        } else if (a == b) {
            java.util.regex.Matcher y = java.util.regex.Pattern.compile("(\\d{4})\\s*年").matcher(t);
            if (y.find() && Integer.parseInt(y.group(1)) == a) {
                return null;
            }
        }
        return a == b ? "（" + a + "年）" : "（" + a + "-" + b + "年）";
    }

    private static boolean startsLikeNumber(String body) {
        char c = body.charAt(0);
        return Character.isDigit(c) || c == '.' || c == '．' || c == '、';
    }

    /** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五. */
    static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        }
        if (n < 100) {
            return digits.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        }
        if (n < 1000) {
            int rest = n % 100;
            String tail = rest == 0 ? "" : rest < 10 ? "零" + digits.charAt(rest)
                    : rest < 20 ? "一" + chinese(rest) : chinese(rest);
            return digits.charAt(n / 100) + "百" + tail;
        }
        return String.valueOf(n);
    }
}
