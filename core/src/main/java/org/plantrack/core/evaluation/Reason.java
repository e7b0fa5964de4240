package org.plantrack.core.evaluation;

import java.util.Locale;
import org.plantrack.core.internal.Checks;

/**
 * Why a status was given, in Chinese and English, e.g. "完成率 45%，按序时进度应达 60%" /
 * "45% complete; 60% expected by now".
 *
 * @param zh the sentence in Chinese
 * @param en the sentence in English
 */
public record Reason(String zh, String en) {
    public Reason {
        Checks.text("reason.zh", zh);
        Checks.text("reason.en", en);
    }

    /** The sentence for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public String text(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** This reason with a prefix on both sentences. */
    public Reason prefixed(String zhPrefix, String enPrefix) {
        return new Reason(zhPrefix + zh, enPrefix + en);
    }
}
