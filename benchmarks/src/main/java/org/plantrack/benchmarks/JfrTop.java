package org.plantrack.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates a flight recording's {@code jdk.ExecutionSample} events by top frame (self time) and by
 * any frame on the stack (inclusive time), optionally only samples whose stack contains a filter.
 *
 * <pre>java -XX:StartFlightRecording=filename=rec.jfr,settings=profile ... ; java -cp ... org.plantrack.benchmarks.JfrTop rec.jfr [filter] [rows]</pre>
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        String filter = args.length > 1 ? args[1] : "";
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            Set<String> names = new HashSet<>();
            boolean match = filter.isEmpty();
            for (RecordedFrame f : frames) {
                String n = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                names.add(n);
                match |= n.contains(filter);
            }
            if (!match) {
                continue;
            }
            total++;
            RecordedFrame top = frames.get(0);
            self.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            for (String n : names) {
                inclusive.merge(n, 1, Integer::sum);
            }
        }
        System.out.println("samples: " + total + (filter.isEmpty() ? "" : " (stacks containing '" + filter + "')"));
        print("self (top frame)", self, total, rows);
        print("inclusive", inclusive, total, rows);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println("--- " + title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows)
                .forEach(e -> System.out.printf("%6.1f%%  %5d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
    }
}
