package org.plantrack.examples;

import java.io.PrintStream;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.spi.PlanListener;

/**
 * Example (d): a listener that prints every status change, e.g.
 * {@code np-2017 2.4.3: BEHIND → ON_TRACK (report) 完成率 60%，按序时进度应达 50%}. Also registered as a
 * service, so {@code installPlugins()} finds it.
 */
public final class StatusChangePrinter implements PlanListener {
    private final PrintStream out;

    /** Prints to standard output (the constructor {@link java.util.ServiceLoader} uses). */
    public StatusChangePrinter() {
        this(System.out);
    }

    /** Prints to {@code out}. */
    public StatusChangePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void statusChanged(StatusChanged e) {
        out.println(e.planId() + " " + e.targetId() + ": " + e.before().status() + " → " + e.after().status()
                + (e.after().warning().rank() > 0 ? " [" + e.after().warning().zh() + "]" : "") + " (" + e.cause()
                + ") " + e.after().reason().zh());
    }
}
