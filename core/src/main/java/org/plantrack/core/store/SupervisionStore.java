package org.plantrack.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;

/**
 * Where Plantrack keeps the supervision cycle of plans' tasks: lifecycle steps, progress reports, reviews, statuses
 * set by hand, evidence files and each plan's supervision settings. A {@link PlanStore} that supervises tasks
 * implements this too (both built-in stores do); the facade finds it by {@code instanceof}.
 *
 * <p>Rules every implementation follows (checked by the contract test suite in core's test-jar):
 * <ul>
 *   <li>Append-only: nothing written is changed or deleted; a resubmission supersedes, a later decision stands over
 *       an earlier one.</li>
 *   <li>{@link #write} stores everything it carries, its target reports and its audit record together or nothing,
 *       and refuses a write based on a stale read ({@link SupervisionWrite#basedOn()}).</li>
 *   <li>Ids are unique: a step, report, review, override or file whose id exists is a
 *       {@link org.plantrack.core.error.ConflictException} and nothing is written.</li>
 * </ul>
 */
public interface SupervisionStore {

    /**
     * Stores one supervision write.
     *
     * @param write what to store
     * @throws org.plantrack.core.error.ConflictException if the task's last transition is not
     *         {@link SupervisionWrite#basedOn()}, or an id exists (nothing is written)
     * @throws org.plantrack.core.error.StoreUnavailableException if the store cannot be reached
     */
    void write(SupervisionWrite write);

    /**
     * Everything recorded about one task.
     *
     * @param planId the plan
     * @param taskId the task
     * @return the record ({@link TaskRecord#empty} when nothing is recorded)
     */
    TaskRecord taskRecord(String planId, String taskId);

    /**
     * The records of every task of a plan that has anything recorded.
     *
     * @param planId the plan
     * @return task id → record, in task id order
     */
    Map<String, TaskRecord> taskRecords(String planId);

    /**
     * A plan's supervision settings.
     *
     * @param planId the plan
     * @return the settings, or empty when none were stored (the defaults apply)
     */
    Optional<SupervisionSettings> supervisionSettings(String planId);

    /**
     * Stores a plan's supervision settings (the latest stored stand) with the audit record.
     *
     * @param planId   the plan
     * @param settings the settings
     * @param audit    the audit record
     * @return the settings stored
     */
    SupervisionSettings saveSupervisionSettings(String planId, SupervisionSettings settings, AuditRecord audit);

    /**
     * Stores an evidence file with the audit record.
     *
     * @param file  what the file is
     * @param bytes its bytes (already checked)
     * @param audit the audit record
     * @return the file
     * @throws org.plantrack.core.error.ConflictException if a file with its id exists
     */
    EvidenceFile storeEvidence(EvidenceFile file, byte[] bytes, AuditRecord audit);

    /**
     * One evidence file with its bytes.
     *
     * @param planId the plan
     * @param fileId the file
     * @return the file and bytes, or empty
     */
    Optional<EvidenceFile.Content> findEvidence(String planId, String fileId);

    /**
     * The evidence files uploaded for a task, oldest first.
     *
     * @param planId the plan
     * @param taskId the task
     * @return the files (without bytes)
     */
    List<EvidenceFile> evidenceFiles(String planId, String taskId);
}
