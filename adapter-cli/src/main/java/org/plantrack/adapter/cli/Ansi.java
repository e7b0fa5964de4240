package org.plantrack.adapter.cli;

import java.util.function.UnaryOperator;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;

/** ANSI colours for statuses and 督查督办 warnings; a no-op when colour is off. */
final class Ansi {
    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    UnaryOperator<String> colour(String code) {
        return s -> on ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
    }

    UnaryOperator<String> status(Status s) {
        switch (s) {
            case ACHIEVED:
                return colour("32");
            case ON_TRACK:
                return colour("36");
            case AT_RISK:
                return colour("33");
            case BEHIND:
            case OVERDUE:
                return colour("31");
            default:
                return colour("2");
        }
    }

    UnaryOperator<String> warning(WarningLevel w) {
        switch (w) {
            case BLUE:
                return colour("34");
            case YELLOW:
                return colour("33");
            case RED:
                return colour("31");
            default:
                return UnaryOperator.identity();
        }
    }

    String bold(String s) {
        return on ? "\u001B[1m" + s + "\u001B[0m" : s;
    }
}
