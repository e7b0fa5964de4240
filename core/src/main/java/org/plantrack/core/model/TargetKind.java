package org.plantrack.core.model;

/** What a target measures. */
public enum TargetKind {
    /** Reach a number with a measure word: 2 批次, 200 家, 10 场. */
    COUNT,
    /** A thing done by a due date, optionally in stages: 科技馆年内开工建设. Goal = number of stages. */
    MILESTONE,
    /** A coverage or rate in percent: 实现两个全覆盖 = 100. */
    PERCENT,
    /** Assessed by a person on a scale; reportable but never evaluated automatically. */
    QUALITATIVE
}
