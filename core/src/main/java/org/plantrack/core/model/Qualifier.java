package org.plantrack.core.model;

/** How the document qualifies a goal; kept so a reader sees what was promised. */
public enum Qualifier {
    /** No qualifier: exactly the number stated. */
    EXACT,
    /** 以上, 不少于, 至少: at least the number. */
    AT_LEAST,
    /** 左右, 约: about the number. */
    ABOUT,
    /** 力争, 争取: strive for the number. */
    STRIVE,
    /** 近: nearly the number. */
    NEARLY,
    /** 不超过, 以内: at most the number. */
    AT_MOST
}
