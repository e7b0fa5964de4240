package org.plantrack.core.store;

import org.plantrack.core.base.Checks;

/**
 * What an audit event says was done: Plantrack's one vocabulary of audit actions. The constants are core's own;
 * an extension names its own actions with {@link #of} (the webhooks module: {@code webhook.add},
 * {@code webhook.remove}, {@code webhook.redeliver}, {@code webhook.purge}). The {@link #id()} is what the trail
 * stores, hashes and shows; ids never change once released, because the hash chain covers them.
 *
 * @param id the stored name, e.g. {@code report.add}
 */
public record AuditAction(String id) {
    /** A plan imported from a document. */
    public static final AuditAction PLAN_IMPORT = new AuditAction("plan.import");
    /** A plan created from its structure (JSON, the exchange format). */
    public static final AuditAction PLAN_CREATE = new AuditAction("plan.create");
    /** A plan edited: its header, sections, tasks, targets, units or settings. */
    public static final AuditAction PLAN_UPDATE = new AuditAction("plan.update");
    /** A plan archived. */
    public static final AuditAction PLAN_ARCHIVE = new AuditAction("plan.archive");
    /** One progress report recorded. */
    public static final AuditAction REPORT_ADD = new AuditAction("report.add");
    /** Several progress reports recorded all together (a CSV import, a batch call). */
    public static final AuditAction REPORT_BATCH = new AuditAction("report.batch");
    /** A report corrected by a new report that supersedes it. */
    public static final AuditAction REPORT_CORRECT = new AuditAction("report.correct");
    /** A unit created or changed. */
    public static final AuditAction UNIT_SAVE = new AuditAction("unit.save");
    /** An access token issued. */
    public static final AuditAction TOKEN_CREATE = new AuditAction("token.create");
    /** An access token revoked. */
    public static final AuditAction TOKEN_REVOKE = new AuditAction("token.revoke");
    /** A task assigned or reassigned (交办). */
    public static final AuditAction TASK_ASSIGN = new AuditAction("task.assign");
    /** A task acknowledged (签收). */
    public static final AuditAction TASK_ACKNOWLEDGE = new AuditAction("task.acknowledge");
    /** Completion of a task requested (申请办结). */
    public static final AuditAction TASK_REQUEST_COMPLETION = new AuditAction("task.request-completion");
    /** A completion request returned (退回). */
    public static final AuditAction TASK_RETURN = new AuditAction("task.return");
    /** A task closed (办结). */
    public static final AuditAction TASK_CLOSE = new AuditAction("task.close");
    /** A closed task reopened. */
    public static final AuditAction TASK_REOPEN = new AuditAction("task.reopen");
    /** A task progress report submitted (进展报告), with its figures when they count at once. */
    public static final AuditAction TASK_REPORT = new AuditAction("task.report");
    /** A task progress report approved or returned (复核). */
    public static final AuditAction TASK_REVIEW = new AuditAction("task.review");
    /** A task's status set by hand, or cleared. */
    public static final AuditAction TASK_STATUS = new AuditAction("task.status");
    /** An evidence file uploaded. */
    public static final AuditAction EVIDENCE_UPLOAD = new AuditAction("evidence.upload");
    /** A plan's supervision settings (review, reporting calendar) changed. */
    public static final AuditAction SUPERVISION_SETTINGS = new AuditAction("supervision.settings");
    /**
     * The trail switched to a new audit key; the event's subject is the key id, and it is itself hashed with that
     * key. Written only by the store.
     */
    public static final AuditAction KEY_SWITCH = new AuditAction("audit.key");
    /** The chain head was repaired ({@link PlanStore#repairAuditHead}). Written only by the store. */
    public static final AuditAction REPAIR_HEAD = new AuditAction("audit.repair-head");

    public AuditAction {
        // not more than non-null: a trail read back keeps whatever it holds, so verification can report it
        Checks.notNull("audit.action", id);
    }

    /**
     * The action with this id: one of the constants, or an extension's own (or one read back from a trail).
     *
     * @param id the name, by convention {@code area.verb}
     * @return the action
     */
    public static AuditAction of(String id) {
        return new AuditAction(id);
    }

    /** Whether only the store writes events with this action (the key switch, the head repair). */
    public boolean storesOwn() {
        return equals(KEY_SWITCH) || equals(REPAIR_HEAD);
    }

    /** The {@link #id()}. */
    @Override
    public String toString() {
        return id;
    }
}
