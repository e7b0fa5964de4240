/**
 * The supervision cycle (督查督办) at task level: the task lifecycle (交办 → 签收 → 办理 → 申请办结 → 办结, with
 * 退回 and reopening), narrative progress reports per reporting period (进展情况 / 存在问题 / 下步计划) with
 * evidence, their review (复核), the reporting calendar (迟报 / 缺报), and the facts the task rules read.
 *
 * <p>Values only, and the pure rules over them ({@link org.plantrack.core.supervision.TaskLifecycle},
 * {@link org.plantrack.core.supervision.ReportingCalendar}, {@link org.plantrack.core.supervision.EvidenceCheck});
 * the store keeps them ({@code SupervisionStore}), the facade ({@code TaskSupervision}) checks roles and scope.
 */
package org.plantrack.core.supervision;
