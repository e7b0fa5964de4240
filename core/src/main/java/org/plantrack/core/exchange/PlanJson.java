package org.plantrack.core.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.exchange.json.Json;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Stage;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/**
 * Plantrack's canonical JSON plan format (documented in {@code docs/exchange.md}). Export and import
 * round-trip exactly: {@code read(write(plan)).equals(plan)}. Every document carries
 * {@code "formatVersion": 1}; reading is strict — an unknown field, a missing required field or a
 * value of the wrong type is an error naming its path, e.g.
 * {@code sections[1].tasks[0].targets[2].goal}.
 */
public final class PlanJson {
    /** The format version written and read by this class. */
    public static final int FORMAT_VERSION = 1;

    private PlanJson() {
    }

    /** The plan as an indented JSON document. */
    public static String write(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("issuer", p.issuer());
        m.put("documentNumber", p.documentNumber());
        m.put("issueDate", str(p.issueDate()));
        m.put("recipients", p.recipients());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", p.period().start().toString());
        period.put("end", p.period().end().toString());
        m.put("period", period);
        m.put("preamble", p.preamble());
        EvaluationSettings s = p.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", s.preset().id());
        settings.put("onTrackRatio", s.onTrackRatio());
        settings.put("atRiskRatio", s.atRiskRatio());
        settings.put("graceDays", s.graceDays());
        settings.put("dueSoonDays", s.dueSoonDays());
        settings.put("rollUp", s.rollUp().name());
        m.put("settings", settings);
        m.put("state", p.state().name());
        m.put("version", p.version());
        List<Object> sections = new ArrayList<>();
        for (Section sec : p.sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", sec.id());
            sm.put("ordinal", sec.ordinal());
            sm.put("title", sec.title());
            sm.put("source", span(sec.source()));
            List<Object> tasks = new ArrayList<>();
            for (Task t : sec.tasks()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("id", t.id());
                tm.put("ordinal", t.ordinal());
                tm.put("title", t.title());
                tm.put("body", t.body());
                tm.put("leadUnit", t.leadUnit());
                tm.put("partnerUnits", t.partnerUnits());
                tm.put("source", span(t.source()));
                List<Object> targets = new ArrayList<>();
                for (Target g : t.targets()) {
                    targets.add(target(g));
                }
                tm.put("targets", targets);
                tasks.add(tm);
            }
            sm.put("tasks", tasks);
            sections.add(sm);
        }
        m.put("sections", sections);
        return Json.write(m);
    }

    private static Map<String, Object> target(Target g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("description", g.description());
        m.put("kind", g.kind().name());
        m.put("goal", g.goal());
        m.put("baseline", g.baseline());
        m.put("measure", g.measure());
        m.put("qualifier", g.qualifier().name());
        m.put("direction", g.direction().name());
        m.put("dueDate", str(g.dueDate()));
        m.put("weight", g.weight());
        m.put("cadence", g.cadence().name());
        m.put("pace", g.pace().name());
        List<Object> cps = new ArrayList<>();
        for (Checkpoint c : g.checkpoints()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("date", c.date().toString());
            cm.put("fraction", c.fraction());
            cps.add(cm);
        }
        m.put("checkpoints", cps);
        List<Object> stages = new ArrayList<>();
        for (Stage st : g.stages()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", st.name());
            sm.put("due", st.due().toString());
            stages.add(sm);
        }
        m.put("stages", stages);
        m.put("unitIds", g.unitIds());
        m.put("source", span(g.source()));
        return m;
    }

    private static Map<String, Object> span(SourceSpan s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", s.line());
        m.put("column", s.column());
        m.put("startOffset", s.startOffset());
        m.put("endOffset", s.endOffset());
        return m;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /**
     * Reads a plan document.
     *
     * @throws ValidationException naming the path of the first problem (and the line and column for malformed JSON)
     */
    public static Plan read(String json) {
        Object root = Json.parse(json);
        Obj o = new Obj("", root);
        long fv = o.integer("formatVersion", true);
        if (fv != FORMAT_VERSION) {
            throw new ValidationException("formatVersion", fv, "format version " + FORMAT_VERSION);
        }
        try {
            Obj period = o.obj("period", true);
            Period pd = new Period(period.date("start", true), period.date("end", true));
            period.done();
            Obj st = o.obj("settings", false);
            EvaluationSettings settings = null;
            if (st != null) {
                settings = new EvaluationSettings(Preset.of("settings.preset", st.str("preset", true)), st.num("onTrackRatio", true),
                        st.num("atRiskRatio", true), (int) st.integer("graceDays", true),
                        (int) st.integer("dueSoonDays", true), st.enumValue("rollUp", RollUpPolicy.class, true));
                st.done();
            }
            List<Section> sections = new ArrayList<>();
            for (Obj so : o.objects("sections")) {
                List<Task> tasks = new ArrayList<>();
                for (Obj to : so.objects("tasks")) {
                    List<Target> targets = new ArrayList<>();
                    for (Obj go : to.objects("targets")) {
                        targets.add(readTarget(go));
                    }
                    tasks.add(new Task(to.str("id", true), (int) to.integer("ordinal", true), to.str("title", true),
                            to.str("body", false), to.str("leadUnit", false), to.strings("partnerUnits"), targets,
                            readSpan(to)));
                    to.done();
                }
                sections.add(new Section(so.str("id", true), (int) so.integer("ordinal", true), so.str("title", true),
                        tasks, readSpan(so)));
                so.done();
            }
            Plan plan = new Plan(o.str("id", true), o.str("title", true), o.str("issuer", false),
                    o.str("documentNumber", false), o.date("issueDate", false), o.strings("recipients"), pd,
                    o.str("preamble", false), sections, settings, o.enumValue("state", PlanState.class, false),
                    o.has("version") ? o.integer("version", false) : 0);
            o.done();
            return plan;
        } catch (ValidationException e) {
            throw e;
        } catch (PlantrackException e) {
            throw new ValidationException("plan", "document", e.getMessage());
        }
    }

    private static Target readTarget(Obj go) {
        List<Checkpoint> cps = new ArrayList<>();
        for (Obj c : go.objects("checkpoints")) {
            cps.add(new Checkpoint(c.date("date", true), c.num("fraction", true)));
            c.done();
        }
        List<Stage> stages = new ArrayList<>();
        for (Obj s : go.objects("stages")) {
            stages.add(new Stage(s.str("name", true), s.date("due", true)));
            s.done();
        }
        Target t = new Target(go.str("id", true), go.str("description", true),
                go.enumValue("kind", TargetKind.class, true), go.has("goal") ? go.numOrNull("goal") : null,
                go.has("baseline") ? go.num("baseline", true) : 0, go.str("measure", false),
                go.enumValue("qualifier", Qualifier.class, false), go.enumValue("direction", Direction.class, false),
                go.date("dueDate", false), go.has("weight") ? go.num("weight", true) : 1,
                go.enumValue("cadence", Cadence.class, false), go.enumValue("pace", PaceCurve.class, false), cps,
                stages, go.strings("unitIds"), readSpan(go));
        go.done();
        return t;
    }

    private static SourceSpan readSpan(Obj owner) {
        Obj s = owner.obj("source", false);
        if (s == null) {
            return null;
        }
        SourceSpan span = new SourceSpan((int) s.integer("line", true), (int) s.integer("column", true),
                (int) s.integer("startOffset", true), (int) s.integer("endOffset", true));
        s.done();
        return span;
    }

    /** A JSON object being read, with its path, remembering which fields were used. */
    private static final class Obj {
        private final String path;
        private final Map<String, Object> map;
        private final Set<String> used = new HashSet<>();

        @SuppressWarnings("unchecked")
        Obj(String path, Object value) {
            if (!(value instanceof Map)) {
                throw new ValidationException(path.isEmpty() ? "document" : path, kind(value), "an object");
            }
            this.path = path;
            this.map = (Map<String, Object>) value;
        }

        private String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            used.add(name);
            return map.containsKey(name) && map.get(name) != null;
        }

        private Object get(String name, boolean required, String expected) {
            used.add(name);
            Object v = map.get(name);
            if (v == null && required) {
                throw new ValidationException(at(name), null, expected);
            }
            return v;
        }

        String str(String name, boolean required) {
            Object v = get(name, required, "a text");
            if (v == null) {
                return null;
            }
            if (!(v instanceof String)) {
                throw new ValidationException(at(name), kind(v), "a text");
            }
            return (String) v;
        }

        double num(String name, boolean required) {
            Object v = get(name, required, "a number");
            if (!(v instanceof Double)) {
                throw new ValidationException(at(name), kind(v), "a number");
            }
            return (Double) v;
        }

        Double numOrNull(String name) {
            Object v = get(name, false, "a number");
            if (v == null) {
                return null;
            }
            if (!(v instanceof Double)) {
                throw new ValidationException(at(name), kind(v), "a number or null");
            }
            return (Double) v;
        }

        long integer(String name, boolean required) {
            Object v = get(name, required, "a whole number");
            if (!(v instanceof Double) || (Double) v != Math.rint((Double) v) || Math.abs((Double) v) > 1e15) {
                throw new ValidationException(at(name), kind(v), "a whole number");
            }
            return (long) (double) (Double) v;
        }

        LocalDate date(String name, boolean required) {
            String s = str(name, required);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new ValidationException(at(name), s, "a date as YYYY-MM-DD");
            }
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
            String s = str(name, required);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    names.add(c.name());
                }
                throw new ValidationException(at(name), s, "one of " + String.join(", ", names));
            }
        }

        Obj obj(String name, boolean required) {
            Object v = get(name, required, "an object");
            return v == null ? null : new Obj(at(name), v);
        }

        List<Obj> objects(String name) {
            Object v = get(name, false, "a list");
            List<Obj> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            if (!(v instanceof List)) {
                throw new ValidationException(at(name), kind(v), "a list");
            }
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                out.add(new Obj(at(name) + "[" + i + "]", l.get(i)));
            }
            return out;
        }

        List<String> strings(String name) {
            Object v = get(name, false, "a list of texts");
            List<String> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            if (!(v instanceof List)) {
                throw new ValidationException(at(name), kind(v), "a list of texts");
            }
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String)) {
                    throw new ValidationException(at(name) + "[" + i + "]", kind(l.get(i)), "a text");
                }
                out.add((String) l.get(i));
            }
            return out;
        }

        void done() {
            for (String k : map.keySet()) {
                if (!used.contains(k) && !(path.isEmpty() && k.equals("formatVersion"))) {
                    throw new ValidationException(at(k), "an unknown field", "only the fields of format version "
                            + FORMAT_VERSION);
                }
            }
        }

        private static String kind(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Map) {
                return "an object";
            }
            if (v instanceof List) {
                return "a list";
            }
            if (v instanceof String) {
                return (String) v;
            }
            return String.valueOf(v);
        }
    }
}
