package org.plantrack.core.model;

import org.plantrack.core.error.ValidationException;

/**
 * How a plan is evaluated: the statuses alone, or with the 督查督办 three-colour warnings. Its {@link #id()} is what
 * the exchange format, the REST API and the command line write ({@code default}, {@code cn-supervision}).
 */
public enum Preset {
    /** The pacing statuses: ACHIEVED, ON_TRACK, AT_RISK, BEHIND, OVERDUE… */
    DEFAULT("default"),
    /** 督查督办 three-colour warnings on top of the pacing statuses: 蓝 due soon, 黄 behind, 红 overdue. */
    CN_SUPERVISION("cn-supervision");

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** The name written in files, URLs and options: {@code default} or {@code cn-supervision}. */
    public String id() {
        return id;
    }

    /** The {@link #id()}, so that texts and digests that name a preset read as they always did. */
    @Override
    public String toString() {
        return id;
    }

    /**
     * The preset with this id.
     *
     * @param field what names the value in an error (e.g. {@code settings.preset}, {@code --preset})
     * @param id    {@code default} or {@code cn-supervision}
     * @return the preset
     * @throws ValidationException naming {@code field} for anything else
     */
    public static Preset of(String field, String id) {
        for (Preset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new ValidationException(field, id, "one of 'default', 'cn-supervision'");
    }
}
