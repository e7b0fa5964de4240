package org.plantrack.persistence.jdbc.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.error.PlantrackException;
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
 * A small, versioned text encoding of a {@link Plan} (without its version, which is a column).
 *
 * <p>Format {@value #FORMAT}: a header line {@code plantrack-plan/1}, then a sequence of tokens.
 * A token is {@code ~} for "no value" or {@code <length>:<characters>} (length in UTF-16 code
 * units), so any text, including line breaks and colons, encodes without escaping. Numbers are
 * written with {@link Double#toString} / {@link Integer#toString}, which read back exactly; dates
 * as ISO-8601; enums by name; a list as its size followed by its elements. Decoding goes through
 * the model's canonical constructors, so a stored plan is validated again when read.
 */
public final class PlanCodec {
    /** The current format version; stored with each plan so that later formats can read old rows. */
    public static final int FORMAT = 1;
    private static final String HEADER = "plantrack-plan/" + FORMAT + "\n";

    private PlanCodec() {
    }

    /** Encodes every field of {@code plan} except its version. */
    public static String encode(Plan plan) {
        Writer w = new Writer();
        w.sb.append(HEADER);
        w.str(plan.id()).str(plan.title()).str(plan.issuer()).str(plan.documentNumber()).date(plan.issueDate());
        w.strings(plan.recipients());
        w.date(plan.period().start()).date(plan.period().end());
        w.str(plan.preamble());
        EvaluationSettings s = plan.settings();
        w.str(s.preset().id()).num(s.onTrackRatio()).num(s.atRiskRatio()).integer(s.graceDays())
                .integer(s.dueSoonDays()).str(s.rollUp().name());
        w.str(plan.state().name());
        w.integer(plan.sections().size());
        for (Section sec : plan.sections()) {
            w.str(sec.id()).integer(sec.ordinal()).str(sec.title()).span(sec.source());
            w.integer(sec.tasks().size());
            for (Task t : sec.tasks()) {
                w.str(t.id()).integer(t.ordinal()).str(t.title()).str(t.body()).str(t.leadUnit());
                w.strings(t.partnerUnits()).span(t.source());
                w.integer(t.targets().size());
                for (Target g : t.targets()) {
                    target(w, g);
                }
            }
        }
        return w.sb.toString();
    }

    private static void target(Writer w, Target g) {
        w.str(g.id()).str(g.description()).str(g.kind().name()).str(g.goal() == null ? null : g.goal().toString())
                .num(g.baseline()).str(g.measure()).str(g.qualifier().name()).str(g.direction().name())
                .date(g.dueDate()).num(g.weight()).str(g.cadence().name()).str(g.pace().name());
        w.integer(g.checkpoints().size());
        for (Checkpoint c : g.checkpoints()) {
            w.date(c.date()).num(c.fraction());
        }
        w.integer(g.stages().size());
        for (Stage st : g.stages()) {
            w.str(st.name()).date(st.due());
        }
        w.strings(g.unitIds()).span(g.source());
    }

    /**
     * Decodes a plan written by {@link #encode} and gives it {@code version}.
     *
     * @throws PlantrackException ({@code INTEGRITY}) if the text is not a valid encoding
     */
    public static Plan decode(String text, long version) {
        if (!text.startsWith(HEADER)) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                    "stored plan document does not start with '" + HEADER.trim() + "' (found '"
                            + text.substring(0, Math.min(20, text.length())) + "'): unknown format");
        }
        Reader r = new Reader(text, HEADER.length());
        try {
            String id = r.str();
            String title = r.str();
            String issuer = r.str();
            String documentNumber = r.str();
            LocalDate issueDate = r.date();
            List<String> recipients = r.strings();
            Period period = new Period(r.date(), r.date());
            String preamble = r.str();
            EvaluationSettings settings = new EvaluationSettings(Preset.of("settings.preset", r.str()), r.num(), r.num(), r.integer(), r.integer(),
                    RollUpPolicy.valueOf(r.str()));
            PlanState state = PlanState.valueOf(r.str());
            int nSections = r.integer();
            List<Section> sections = new ArrayList<>(nSections);
            for (int i = 0; i < nSections; i++) {
                String sid = r.str();
                int sord = r.integer();
                String stitle = r.str();
                SourceSpan ssrc = r.span();
                int nTasks = r.integer();
                List<Task> tasks = new ArrayList<>(nTasks);
                for (int j = 0; j < nTasks; j++) {
                    String tid = r.str();
                    int tord = r.integer();
                    String ttitle = r.str();
                    String body = r.str();
                    String lead = r.str();
                    List<String> partners = r.strings();
                    SourceSpan tsrc = r.span();
                    int nTargets = r.integer();
                    List<Target> targets = new ArrayList<>(nTargets);
                    for (int k = 0; k < nTargets; k++) {
                        targets.add(target(r));
                    }
                    tasks.add(new Task(tid, tord, ttitle, body, lead, partners, targets, tsrc));
                }
                sections.add(new Section(sid, sord, stitle, tasks, ssrc));
            }
            if (r.pos != text.length()) {
                throw new IllegalArgumentException("unexpected text after the plan at offset " + r.pos);
            }
            return new Plan(id, title, issuer, documentNumber, issueDate, recipients, period, preamble, sections,
                    settings, state, version);
        } catch (RuntimeException e) {
            if (e instanceof PlantrackException && ((PlantrackException) e).code()
                    == PlantrackException.ErrorCode.INTEGRITY) {
                throw e;
            }
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                    "stored plan document is damaged near offset " + r.pos + ": " + e.getMessage(), e);
        }
    }

    private static Target target(Reader r) {
        String id = r.str();
        String description = r.str();
        TargetKind kind = TargetKind.valueOf(r.str());
        String goal = r.str();
        double baseline = r.num();
        String measure = r.str();
        Qualifier qualifier = Qualifier.valueOf(r.str());
        Direction direction = Direction.valueOf(r.str());
        LocalDate due = r.date();
        double weight = r.num();
        Cadence cadence = Cadence.valueOf(r.str());
        PaceCurve pace = PaceCurve.valueOf(r.str());
        int nCheckpoints = r.integer();
        List<Checkpoint> checkpoints = new ArrayList<>(nCheckpoints);
        for (int i = 0; i < nCheckpoints; i++) {
            checkpoints.add(new Checkpoint(r.date(), r.num()));
        }
        int nStages = r.integer();
        List<Stage> stages = new ArrayList<>(nStages);
        for (int i = 0; i < nStages; i++) {
            stages.add(new Stage(r.str(), r.date()));
        }
        List<String> unitIds = r.strings();
        SourceSpan source = r.span();
        return new Target(id, description, kind, goal == null ? null : Double.valueOf(goal), baseline, measure,
                qualifier, direction, due, weight, cadence, pace, checkpoints, stages, unitIds, source);
    }

    /** Encodes a list of strings (evidence links) in the same token format, without a header. */
    public static String encodeStrings(List<String> values) {
        Writer w = new Writer();
        w.strings(values);
        return w.sb.toString();
    }

    /** Decodes {@link #encodeStrings}. */
    public static List<String> decodeStrings(String text) {
        Reader r = new Reader(text, 0);
        try {
            List<String> out = r.strings();
            if (r.pos != text.length()) {
                throw new IllegalArgumentException("unexpected text at offset " + r.pos);
            }
            return out;
        } catch (RuntimeException e) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                    "stored list is damaged near offset " + r.pos + ": " + e.getMessage(), e);
        }
    }

    private static final class Writer {
        final StringBuilder sb = new StringBuilder(1024);

        Writer str(String v) {
            if (v == null) {
                sb.append('~');
            } else {
                sb.append(v.length()).append(':').append(v);
            }
            return this;
        }

        Writer num(double v) {
            return str(Double.toString(v));
        }

        Writer integer(int v) {
            return str(Integer.toString(v));
        }

        Writer date(LocalDate d) {
            return str(d == null ? null : d.toString());
        }

        Writer strings(List<String> values) {
            integer(values.size());
            for (String v : values) {
                str(v);
            }
            return this;
        }

        Writer span(SourceSpan s) {
            if (s == null) {
                return str(null);
            }
            return str("span").integer(s.line()).integer(s.column()).integer(s.startOffset()).integer(s.endOffset());
        }
    }

    private static final class Reader {
        final String text;
        int pos;

        Reader(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        String str() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("the text ends where a value was expected");
            }
            if (text.charAt(pos) == '~') {
                pos++;
                return null;
            }
            int colon = text.indexOf(':', pos);
            if (colon < 0 || colon - pos > 9) {
                throw new IllegalArgumentException("expected '<length>:' or '~'");
            }
            int len = Integer.parseInt(text.substring(pos, colon));
            int end = colon + 1 + len;
            if (len < 0 || end > text.length()) {
                throw new IllegalArgumentException("a value of length " + len + " runs past the end");
            }
            pos = end;
            return text.substring(colon + 1, end);
        }

        String required() {
            String v = str();
            if (v == null) {
                throw new IllegalArgumentException("a value is required here");
            }
            return v;
        }

        double num() {
            return Double.parseDouble(required());
        }

        int integer() {
            return Integer.parseInt(required());
        }

        LocalDate date() {
            String v = str();
            return v == null ? null : LocalDate.parse(v);
        }

        List<String> strings() {
            int n = integer();
            if (n < 0 || n > text.length()) {
                throw new IllegalArgumentException("implausible list size " + n);
            }
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(required());
            }
            return out;
        }

        SourceSpan span() {
            String tag = str();
            if (tag == null) {
                return null;
            }
            if (!tag.equals("span")) {
                throw new IllegalArgumentException("expected a source span, found '" + tag + "'");
            }
            return new SourceSpan(integer(), integer(), integer(), integer());
        }
    }
}
