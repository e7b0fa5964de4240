package org.plantrack.formats.office;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task-list table (重点工作任务清单, 任务分解表) written out as 工作要点 text the text importer reads: columns are
 * recognised by their header names (Simplified or Traditional, common variants: 序号, 工作任务/重点任务,
 * 具体目标/工作内容, 牵头单位/责任单位, 配合单位, 完成时限/时间节点, and 类别 for sections), and each row becomes a task
 * line {@code 1.任务。[deadline]目标。牵头单位：X；配合单位：Y。}: a dated deadline ({@code 2017年6月底前}) stands before
 * the row's target so that its targets are due then, an undated one ({@code 全年}, {@code 持续推进}) is written as
 * {@code 完成时限：…}. A row of one value across the table (a merged heading row) or a 类别 column starts a
 * section. Merged cells are filled by the caller (a vertically merged cell has its first row's value).
 */
final class TaskListTable {
    /** What a column holds. */
    enum Col { NUMBER, SECTION, TASK, CONTENT, LEAD, PARTNER, DUE }

    private static final Map<String, Col> NAMES = new HashMap<>();
    private static final Map<Character, Character> FOLD = new HashMap<>();
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+\\s*[、.．]|[(（]\\s*[一二三四五六七八九十\\d]+\\s*[)）]|\\d{1,3}\\s*(?:[、．.](?!\\d))|[①-⑳])\\s*");
    private static final Pattern DATED = Pattern.compile(".*(\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月.*|.*季度.*|.*上半年.*|.*下半年.*|.*年底.*|.*年内.*");
    private static final String DEFAULT_SECTION = "重点工作任务";
    private static final String DEFAULT_TITLE = "重点工作任务清单";

    static {
        for (String n : List.of("序号", "编号", "序", "序次")) {
            NAMES.put(n, Col.NUMBER);
        }
        for (String n : List.of("类别", "类型", "板块", "领域", "部分", "工作类别", "任务类别", "项目类别", "工作板块", "重点领域")) {
            NAMES.put(n, Col.SECTION);
        }
        for (String n : List.of("工作任务", "重点任务", "重点工作", "主要任务", "任务", "任务名称", "工作事项", "重点工作任务", "工作项目",
                "项目名称", "工作要点")) {
            NAMES.put(n, Col.TASK);
        }
        for (String n : List.of("具体目标", "工作目标", "目标任务", "目标", "工作内容", "主要内容", "具体内容", "工作措施", "具体措施",
                "任务内容", "主要措施", "目标要求", "具体任务", "工作要求", "预期目标")) {
            NAMES.put(n, Col.CONTENT);
        }
        for (String n : List.of("牵头单位", "牵头部门", "责任单位", "责任部门", "主办单位", "主责单位", "牵头领导单位", "负责单位",
                "牵头责任单位")) {
            NAMES.put(n, Col.LEAD);
        }
        for (String n : List.of("配合单位", "配合部门", "协办单位", "参与单位", "协作单位", "协同单位", "参加单位")) {
            NAMES.put(n, Col.PARTNER);
        }
        for (String n : List.of("完成时限", "完成时间", "时间节点", "时限", "完成期限", "时间安排", "进度安排", "完成时限要求",
                "时间要求", "截止时间")) {
            NAMES.put(n, Col.DUE);
        }
        String pairs = "務务頭头單单責责協协辦办間间點点節节體体內内類类別别編编號号標标時时參参與与項项會会門門門门關关領领進进"
                + "規规劃划項项覽览標标準准負负責责協协調调組组織织預预點点類类別别牽牵";
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            FOLD.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
    }

    private TaskListTable() {
    }

    /** A header cell's text as compared: no blanks or punctuation, Simplified. */
    static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || "（）()：:*＊".indexOf(c) >= 0) {
                continue;
            }
            b.append(FOLD.getOrDefault(c, c));
        }
        return b.toString();
    }

    /** The columns of a header row, or {@code null} when it is no task-list header (a task column and a lead or deadline). */
    static Map<Col, Integer> header(List<String> cells) {
        Map<Col, Integer> cols = new EnumMap<>(Col.class);
        for (int i = 0; i < cells.size(); i++) {
            Col c = NAMES.get(key(cells.get(i)));
            if (c != null) {
                cols.putIfAbsent(c, i);
            }
        }
        if (!cols.containsKey(Col.TASK) && cols.containsKey(Col.CONTENT)) {
            cols.put(Col.TASK, cols.remove(Col.CONTENT));
        }
        boolean task = cols.containsKey(Col.TASK);
        return task && (cols.containsKey(Col.LEAD) || cols.containsKey(Col.DUE)) ? cols : null;
    }

    /** The index of the header row among the first rows of a grid, or -1. */
    static int findHeader(List<List<String>> rows) {
        for (int r = 0; r < Math.min(rows.size(), 12); r++) {
            if (header(rows.get(r)) != null) {
                return r;
            }
        }
        return -1;
    }

    /** The title above the header: the rows before it that hold one value (a merged title row), or {@code null}. */
    static String titleAbove(List<List<String>> rows, int headerRow) {
        for (int r = headerRow - 1; r >= 0; r--) {
            String only = onlyValue(rows.get(r));
            if (only != null) {
                return only;
            }
        }
        return null;
    }

    /**
     * The table as 工作要点 text, lines separated by {@code \n}.
     *
     * @param title     the plan's title line, or {@code null} to write none (the document has one above the table)
     * @param rows      the grid, merged cells filled
     * @param headerRow the index of the header row
     */
    static List<String> render(String title, List<List<String>> rows, int headerRow) {
        Map<Col, Integer> cols = header(rows.get(headerRow));
        List<String> out = new ArrayList<>();
        if (title != null) {
            out.add(title.isBlank() ? DEFAULT_TITLE : title.strip());
        }
        String section = null;
        int sections = 0;
        int task = 0;
        for (int r = headerRow + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String only = onlyValue(row);
            String sectionCell = cell(row, cols.get(Col.SECTION));
            String taskCell = strip(cell(row, cols.get(Col.TASK)));
            String content = strip(cell(row, cols.get(Col.CONTENT)));
            if (only != null && row.size() > 1 && nonEmpty(row) > 1 || (only != null && taskCell.isEmpty() && content.isEmpty())) {
                // a heading row: one value across the table
                String heading = strip(only);
                if (!heading.isEmpty() && !heading.chars().allMatch(Character::isDigit) && !heading.equals(section)) {
                    section = heading;
                    out.add(Numbers.chinese(++sections) + "、" + heading);
                    task = 0;
                }
                continue;
            }
            if (taskCell.isEmpty() && content.isEmpty()) {
                continue;
            }
            String s = sectionCell.isBlank() ? (section == null ? DEFAULT_SECTION : section) : strip(sectionCell);
            if (!s.equals(section)) {
                section = s;
                out.add(Numbers.chinese(++sections) + "、" + s);
                task = 0;
            }
            out.add(++task + "." + line(taskCell, content, cell(row, cols.get(Col.LEAD)), cell(row, cols.get(Col.PARTNER)),
                    cell(row, cols.get(Col.DUE))));
        }
        return out;
    }

    private static String line(String task, String content, String lead, String partner, String due) {
        StringBuilder b = new StringBuilder();
        String title = task.isEmpty() ? content : task;
        b.append(sentence(title));
        String d = oneLine(due).strip();
        boolean dated = !d.isEmpty() && DATED.matcher(d).matches();
        if (!content.isEmpty() && !task.isEmpty()) {
            b.append(dated ? d : "").append(sentence(content));
        } else if (dated) {
            b.append(sentence(d + "完成"));
        }
        String l = units(lead);
        String p = units(partner);
        if (!l.isEmpty() || !p.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!l.isEmpty()) {
                parts.add("牵头单位：" + l);
            }
            if (!p.isEmpty()) {
                parts.add("配合单位：" + p);
            }
            b.append(String.join("；", parts)).append('。');
        }
        if (!d.isEmpty() && !dated) {
            b.append("完成时限：").append(d).append('。');
        }
        return b.toString();
    }

    private static String units(String s) {
        String one = oneLine(s).strip();
        if (one.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String n : one.split("[、，,;；/\\s]+")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        return String.join("、", names);
    }

    /** The text as a sentence ending in 。 (one line, its own end punctuation kept). */
    private static String sentence(String s) {
        String t = oneLine(s).strip();
        if (t.isEmpty()) {
            return "";
        }
        while (!t.isEmpty() && "。；;，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t.isEmpty() ? "" : t + "。";
    }

    /** A cell's lines as one, joined by ；. */
    private static String oneLine(String s) {
        String[] parts = s.split("\\s*[\\r\\n]+\\s*");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            if (b.length() > 0 && "。；;，,！？".indexOf(b.charAt(b.length() - 1)) < 0) {
                b.append('；');
            }
            b.append(p.strip());
        }
        return b.toString();
    }

    /** A cell without the numbering it was typed with ({@code 1.}, {@code （一）}). */
    private static String strip(String s) {
        return LEADING_NUMBER.matcher(oneLine(s)).replaceFirst("").strip();
    }

    private static String cell(List<String> row, Integer col) {
        return col == null || col >= row.size() || row.get(col) == null ? "" : row.get(col);
    }

    private static int nonEmpty(List<String> row) {
        int n = 0;
        for (String c : row) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** The one distinct value of a row (a merged row, or a row with one filled cell), or {@code null}. */
    static String onlyValue(List<String> row) {
        String only = null;
        for (String c : row) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (only == null) {
                only = c.strip();
            } else if (!only.equals(c.strip())) {
                return null;
            }
        }
        return only;
    }
}
