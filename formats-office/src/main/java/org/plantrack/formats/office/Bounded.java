package org.plantrack.formats.office;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;

/**
 * Runs the reading of one document on a worker thread within a time limit, so that a document built to make a
 * parser loop or crawl is refused instead of holding the caller.
 */
final class Bounded {
    private Bounded() {
    }

    static <T> T run(String what, Duration limit, Callable<T> work) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plantrack-office-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> f = worker.submit(work);
            try {
                return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw Refusals.of(what, "读取超过 " + limit.toSeconds() + " 秒仍未完成，已停止：文件可能已损坏或被刻意构造",
                        "reading it took longer than " + limit.toSeconds() + " s and was stopped: the file may be "
                                + "damaged or built to be slow");
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL, "interrupted while reading " + what);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof ValidationException) {
                    throw (ValidationException) c;
                }
                if (c instanceof PlantrackException) {
                    throw (PlantrackException) c;
                }
                if (c instanceof LinkageError) {
                    // a class of POI or PDFBox is missing: the installation is incomplete, the document is not to blame
                    throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL, "the office formats are "
                            + "installed incompletely, reading " + what + " failed: " + c, c);
                }
                throw damaged(what, c);
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** The refusal of a document its parser failed on (a damaged or hostile file). */
    static ValidationException damaged(String what, Throwable cause) {
        String detail = cause == null ? "" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage()));
        return Refusals.of(what, "文件已损坏或格式不受支持，无法读出文字（" + detail + "）：请在原软件中打开并重新保存，或另存为纯文本",
                "the file is damaged or of an unsupported form and its text cannot be read (" + detail
                        + "): open it in the program it came from and save it again, or save it as plain text");
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
