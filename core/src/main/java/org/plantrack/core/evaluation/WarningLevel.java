package org.plantrack.core.evaluation;

/** 督查督办 three-colour warning, used by the {@code cn-supervision} preset. */
public enum WarningLevel {
    /** No warning. */
    NONE(0, "无", "none"),
    /** 蓝色预警: due soon and not done. */
    BLUE(1, "蓝", "blue"),
    /** 黄色预警: behind the expected pace (序时进度). */
    YELLOW(2, "黄", "yellow"),
    /** 红色预警: overdue. */
    RED(3, "红", "red");

    private final int rank;
    private final String zh;
    private final String en;

    WarningLevel(int rank, String zh, String en) {
        this.rank = rank;
        this.zh = zh;
        this.en = en;
    }

    /** 0 for none up to 3 for red. */
    public int rank() {
        return rank;
    }

    /** The colour in Chinese (蓝, 黄, 红). */
    public String zh() {
        return zh;
    }

    /** The colour in English. */
    public String en() {
        return en;
    }

    /** The more serious of the two. */
    public WarningLevel max(WarningLevel other) {
        return other.rank > rank ? other : this;
    }
}
