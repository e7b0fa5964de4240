package org.plantrack.core.evaluation;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why a status was given, in Chinese and English, e.g. "完成率 45%，按序时进度应达 60%" /
 * "45% complete; 60% expected by now". Built-in rules compose their sentences only when they are
 * first read, so evaluating many targets costs no string building that nobody reads. Two reasons are
 * equal when their sentences are.
 */
public final class Reason {
    private Supplier<String> zhSource;
    private Supplier<String> enSource;
    private volatile String zh;
    private volatile String en;

    /** A reason with both sentences given. */
    public Reason(String zh, String en) {
        this.zh = requireText("reason.zh", zh);
        this.en = requireText("reason.en", en);
    }

    private Reason(Supplier<String> zh, Supplier<String> en) {
        this.zhSource = Objects.requireNonNull(zh, "zh");
        this.enSource = Objects.requireNonNull(en, "en");
    }

    /** A reason whose sentences are composed when first read. */
    public static Reason lazy(Supplier<String> zh, Supplier<String> en) {
        return new Reason(zh, en);
    }

    private static String requireText(String field, String s) {
        if (s == null || s.isEmpty()) {
            throw new org.plantrack.core.error.ValidationException(field, s, "a non-empty sentence");
        }
        return s;
    }

    /** The sentence in Chinese. */
    public String zh() {
        String s = zh;
        if (s == null) {
            s = requireText("reason.zh", zhSource.get());
            zh = s;
        }
        return s;
    }

    /** The sentence in English. */
    public String en() {
        String s = en;
        if (s == null) {
            s = requireText("reason.en", enSource.get());
            en = s;
        }
        return s;
    }

    /** The sentence for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public String text(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh() : en();
    }

    /** This reason with a prefix on both sentences. */
    public Reason prefixed(String zhPrefix, String enPrefix) {
        return lazy(() -> zhPrefix + zh(), () -> enPrefix + en());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason && ((Reason) o).zh().equals(zh()) && ((Reason) o).en().equals(en());
    }

    @Override
    public int hashCode() {
        return zh().hashCode() * 31 + en().hashCode();
    }

    @Override
    public String toString() {
        return "Reason[zh=" + zh() + ", en=" + en() + "]";
    }
}
