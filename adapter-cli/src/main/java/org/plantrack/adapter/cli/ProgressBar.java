package org.plantrack.adapter.cli;

import java.io.PrintWriter;

/** A one-line progress bar on standard error, drawn only when standard error is a terminal. */
final class ProgressBar {
    private final PrintWriter err;
    private final boolean on;
    private final String label;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal, String label) {
        this.err = err;
        this.on = terminal;
        this.label = label;
    }

    void update(int done, int total) {
        if (!on || total <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDrawn < 80_000_000L) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int width = 30;
        int filled = (int) ((long) width * done / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        err.flush();
    }

    void finish() {
        if (on && drawn) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
