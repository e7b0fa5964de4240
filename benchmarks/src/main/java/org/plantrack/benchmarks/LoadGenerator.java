package org.plantrack.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator, run by {@link RestHarness} as a child JVM so that the client is
 * a second process on loopback: a fixed pool of threads, each sending one request after another with
 * the JDK {@link HttpClient} (HTTP/1.1, kept-alive connections), for a warm-up and then a measured time.
 * Prints one line: {@code RESULT requests=… seconds=… rps=… p50ms=… p99ms=… errors=… bytes=…}.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.LoadGenerator URL GET|POST threads warmupSeconds seconds [bearer] [body]</pre>
 * A {@code POST} body may contain {@code {n}}, replaced by a per-request counter.
 */
public final class LoadGenerator {
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR =
            new java.util.concurrent.atomic.AtomicReference<>();

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String method = args[1];
        int threads = Integer.parseInt(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        String bearer = args.length > 5 && !args[5].isEmpty() ? args[5] : null;
        String body = args.length > 6 ? args[6] : null;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong counter = new AtomicLong();
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                long errors = 0;
                long bytes = 0;
                while (true) {
                    long s = System.nanoTime();
                    if (s >= end) {
                        break;
                    }
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                    if (bearer != null) {
                        b.header("Authorization", "Bearer " + bearer);
                    }
                    if ("POST".equals(method)) {
                        String text = body.replace("{n}", Long.toString(counter.incrementAndGet()));
                        b.header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
                    } else {
                        b.GET();
                    }
                    int status;
                    int size;
                    try {
                        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        size = r.body().length;
                    } catch (java.io.IOException e) {
                        status = -1;
                        size = 0;
                        if (FIRST_ERROR.compareAndSet(null, e.toString())) {
                            System.err.println("load generator: first I/O error: " + e);
                        }
                    }
                    long e = System.nanoTime();
                    if (s < warmEnd) {
                        continue;
                    }
                    if (status < 200 || status >= 300) {
                        errors++;
                        if (status > 0 && FIRST_ERROR.compareAndSet(null, "HTTP " + status)) {
                            System.err.println("load generator: first error answer: HTTP " + status);
                        }
                    }
                    bytes += size;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = e - s;
                }
                long[] out = Arrays.copyOf(lat, n + 2);
                out[n] = errors;
                out[n + 1] = bytes;
                return out;
            }));
        }
        List<long[]> parts = new ArrayList<>();
        long errors = 0;
        long bytes = 0;
        int total = 0;
        for (Future<long[]> f : futures) {
            long[] p = f.get();
            errors += p[p.length - 2];
            bytes += p[p.length - 1];
            parts.add(Arrays.copyOf(p, p.length - 2));
            total += p.length - 2;
        }
        pool.shutdown();
        double[] ms = new double[total];
        int i = 0;
        for (long[] p : parts) {
            for (long v : p) {
                ms[i++] = v / 1e6;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "RESULT requests=%d seconds=%.2f rps=%.1f p50ms=%.3f p99ms=%.3f errors=%d"
                + " bytesPerResponse=%d%n", total, seconds, total / seconds, Stats.percentile(ms, 50),
                Stats.percentile(ms, 99), errors, total == 0 ? 0 : bytes / total);
    }
}
