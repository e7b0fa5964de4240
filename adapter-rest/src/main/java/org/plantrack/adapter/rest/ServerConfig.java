package org.plantrack.adapter.rest;

import java.time.Clock;
import java.util.Objects;
import org.plantrack.core.store.PlanStore;

/**
 * How a {@link PlantrackServer} runs: where it listens, which store it uses, its limits.
 * Build one with {@link #builder()}; every setting has a default.
 *
 * <ul>
 *   <li>{@code port} 7070 (0 = a free port, see {@link PlantrackServer#port()}); {@code host} 0.0.0.0</li>
 *   <li>{@code db}: {@code null} = the embedded H2 file {@code ~/.plantrack/plantrack}; a path = an H2 file;
 *       a JDBC URL ({@code jdbc:postgresql://...}) = that database; {@code mem} = in memory (lost on exit)</li>
 *   <li>{@code store}: a store to use instead of {@code db} (embedding); the server does not close it</li>
 *   <li>{@code demo}: load the reference plan and print an admin token when the store is empty (default on)</li>
 *   <li>{@code maxBodyBytes} 1 MiB, {@code maxImportBytes} 5 MiB: larger bodies are refused with 413</li>
 *   <li>{@code rateLimitPerSecond} 50 and {@code rateLimitBurst} 100: a token bucket per access token</li>
 *   <li>{@code authFailuresPerMinute} 20 and {@code authFailureBurst} 30: a token bucket of failed
 *       authentications per client address; past it, that address's requests without a valid token are
 *       answered 429 before the token is looked up</li>
 *   <li>{@code trustForwardedFor} off: the client address is the remote address of the connection; on, the
 *       last address of {@code X-Forwarded-For} (only behind a reverse proxy that sets it)</li>
 *   <li>{@code maxPageSize} 500: the largest {@code limit} a list accepts</li>
 *   <li>{@code webhookRetention} none: delivered webhook outbox rows older than this are purged every hour
 *       (docs/webhooks.md, "Retention"); {@code null} keeps them</li>
 * </ul>
 */
public final class ServerConfig {
    /** Default port. */
    public static final int DEFAULT_PORT = 7070;

    private final String host;
    private final int port;
    private final String db;
    private final PlanStore store;
    private final boolean demo;
    private final long maxBodyBytes;
    private final long maxImportBytes;
    private final double rateLimitPerSecond;
    private final int rateLimitBurst;
    private final double authFailuresPerMinute;
    private final int authFailureBurst;
    private final boolean trustForwardedFor;
    private final int maxPageSize;
    private final java.time.Duration webhookRetention;
    private final Clock clock;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.db = b.db;
        this.store = b.store;
        this.demo = b.demo;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxImportBytes = b.maxImportBytes;
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.rateLimitBurst = b.rateLimitBurst;
        this.authFailuresPerMinute = b.authFailuresPerMinute;
        this.authFailureBurst = b.authFailureBurst;
        this.trustForwardedFor = b.trustForwardedFor;
        this.maxPageSize = b.maxPageSize;
        this.webhookRetention = b.webhookRetention;
        this.clock = b.clock;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with the defaults overridden by the environment: {@code PLANTRACK_PORT}, {@code PLANTRACK_HOST},
     * {@code PLANTRACK_DB}, {@code PLANTRACK_DEMO} ({@code true}/{@code false}),
     * {@code PLANTRACK_AUTH_FAILURES_PER_MINUTE}, {@code PLANTRACK_AUTH_FAILURE_BURST},
     * {@code PLANTRACK_TRUST_FORWARDED_FOR} ({@code true}/{@code false}, {@code 1}/{@code 0}, {@code yes}/{@code no})
     * and {@code PLANTRACK_WEBHOOK_RETENTION_DAYS}. Blank variables count as unset. The command line
     * ({@code plantrack serve}) applies its options on top.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the builder
     * @throws IllegalArgumentException when a variable holds a bad value; the message names the variable and
     *         the value, e.g. {@code PLANTRACK_PORT: a port between 0 and 65535, found '70000'}
     */
    public static Builder fromEnvironment(java.util.Map<String, String> env) {
        Builder b = new Builder();
        if (set(env, "PLANTRACK_PORT")) {
            b.port(port(env.get("PLANTRACK_PORT"), "PLANTRACK_PORT"));
        }
        if (set(env, "PLANTRACK_HOST")) {
            b.host(env.get("PLANTRACK_HOST").trim());
        }
        if (set(env, "PLANTRACK_DB")) {
            b.db(env.get("PLANTRACK_DB"));
        }
        if (set(env, "PLANTRACK_DEMO")) {
            b.demo(bool(env.get("PLANTRACK_DEMO"), "PLANTRACK_DEMO"));
        }
        double perMinute = b.authFailuresPerMinute;
        int burst = b.authFailureBurst;
        if (set(env, "PLANTRACK_AUTH_FAILURES_PER_MINUTE")) {
            perMinute = positive(env.get("PLANTRACK_AUTH_FAILURES_PER_MINUTE"), "PLANTRACK_AUTH_FAILURES_PER_MINUTE");
        }
        if (set(env, "PLANTRACK_AUTH_FAILURE_BURST")) {
            burst = count(env.get("PLANTRACK_AUTH_FAILURE_BURST"), "PLANTRACK_AUTH_FAILURE_BURST");
        }
        b.authFailureLimit(perMinute, burst);
        if (set(env, "PLANTRACK_TRUST_FORWARDED_FOR")) {
            b.trustForwardedFor(bool(env.get("PLANTRACK_TRUST_FORWARDED_FOR"), "PLANTRACK_TRUST_FORWARDED_FOR"));
        }
        if (set(env, "PLANTRACK_WEBHOOK_RETENTION_DAYS")) {
            b.webhookRetention(java.time.Duration.ofDays(
                    count(env.get("PLANTRACK_WEBHOOK_RETENTION_DAYS"), "PLANTRACK_WEBHOOK_RETENTION_DAYS")));
        }
        return b;
    }

    private static boolean set(java.util.Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static double positive(String s, String where) {
        try {
            double d = Double.parseDouble(s.trim());
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": a positive number, found '" + s + "'");
    }

    private static int count(String s, String where) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": a whole number of 1 or more, found '" + s + "'");
    }

    private static boolean bool(String s, String where) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
                return true;
            case "false":
            case "0":
            case "no":
                return false;
            default:
                throw new IllegalArgumentException(where + ": true or false, found '" + s + "'");
        }
    }

    private static int port(String s, String where) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": a port between 0 and 65535, found '" + s + "'");
    }

    /** The interface to listen on. */
    public String host() {
        return host;
    }

    /** The port to listen on (0 = any free port). */
    public int port() {
        return port;
    }

    /** The store setting ({@code null} = the default H2 file). */
    public String db() {
        return db;
    }

    /** A store given by the embedding code, or {@code null}. */
    public PlanStore store() {
        return store;
    }

    /** Whether to load the demo plan into an empty store. */
    public boolean demo() {
        return demo;
    }

    /** Largest request body, in bytes, except imports. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Largest import body (document text or upload), in bytes. */
    public long maxImportBytes() {
        return maxImportBytes;
    }

    /** Requests per second each access token may make on average. */
    public double rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /** Requests an access token may make at once after a pause. */
    public int rateLimitBurst() {
        return rateLimitBurst;
    }

    /** Failed authentications per minute each client address may make on average. */
    public double authFailuresPerMinute() {
        return authFailuresPerMinute;
    }

    /** Failed authentications a client address may make at once. */
    public int authFailureBurst() {
        return authFailureBurst;
    }

    /** Whether the client address is taken from {@code X-Forwarded-For} (set by a reverse proxy). */
    public boolean trustForwardedFor() {
        return trustForwardedFor;
    }

    /** The largest page a list returns. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** How long delivered webhook outbox rows are kept, or {@code null}: kept until purged by hand. */
    public java.time.Duration webhookRetention() {
        return webhookRetention;
    }

    /** The clock for "today" and recorded times. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", db=" + (store != null ? "(given store)" : db)
                + ", demo=" + demo + ", maxBodyBytes=" + maxBodyBytes + ", maxImportBytes=" + maxImportBytes
                + ", rateLimit=" + rateLimitPerSecond + "/s burst " + rateLimitBurst + ", authFailureLimit="
                + authFailuresPerMinute + "/min burst " + authFailureBurst + ", trustForwardedFor=" + trustForwardedFor
                + ", webhookRetention=" + webhookRetention + "]";
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private String db;
        private PlanStore store;
        private boolean demo = true;
        private long maxBodyBytes = 1L << 20;
        private long maxImportBytes = 5L << 20;
        private double rateLimitPerSecond = 50;
        private int rateLimitBurst = 100;
        private double authFailuresPerMinute = 20;
        private int authFailureBurst = 30;
        private boolean trustForwardedFor;
        private int maxPageSize = 500;
        private java.time.Duration webhookRetention;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** The interface to listen on (default 0.0.0.0). */
        public Builder host(String h) {
            this.host = Objects.requireNonNull(h, "host");
            return this;
        }

        /** The port (default 7070; 0 = any free port). */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port: a number between 0 and 65535, found " + p);
            }
            this.port = p;
            return this;
        }

        /** The store setting: {@code null} (default H2 file), a path, a JDBC URL, or {@code mem}. */
        public Builder db(String setting) {
            this.db = setting;
            return this;
        }

        /** Use this store (the server does not close it). */
        public Builder store(PlanStore s) {
            this.store = Objects.requireNonNull(s, "store");
            return this;
        }

        /** Load the demo plan into an empty store (default true). */
        public Builder demo(boolean d) {
            this.demo = d;
            return this;
        }

        /** Largest request body except imports (default 1 MiB). */
        public Builder maxBodyBytes(long n) {
            this.maxBodyBytes = positive("maxBodyBytes", n);
            return this;
        }

        /** Largest import body (default 5 MiB). */
        public Builder maxImportBytes(long n) {
            this.maxImportBytes = positive("maxImportBytes", n);
            return this;
        }

        /** The token bucket of each access token: refill rate per second and capacity. */
        public Builder rateLimit(double perSecond, int burst) {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("rateLimit: a positive rate and a burst of 1 or more, found "
                        + perSecond + "/s burst " + burst);
            }
            this.rateLimitPerSecond = perSecond;
            this.rateLimitBurst = burst;
            return this;
        }

        /**
         * Purge delivered webhook outbox rows older than this, at start and every hour (default {@code null}:
         * keep them until {@code plantrack webhook purge}). Dead letters are never purged this way. Only for a
         * JDBC store.
         */
        public Builder webhookRetention(java.time.Duration d) {
            if (d != null && (d.isZero() || d.isNegative())) {
                throw new IllegalArgumentException("webhookRetention: a positive duration, found " + d);
            }
            this.webhookRetention = d;
            return this;
        }

        /**
         * The limit of failed authentications per client address (default 20 a minute, 30 at once): a token
         * bucket refilled at {@code perMinute}, of capacity {@code burst}. A request without a valid token takes
         * one; with none left, the address's requests without a valid token are answered 429.
         */
        public Builder authFailureLimit(double perMinute, int burst) {
            if (!(perMinute > 0) || burst < 1 || Double.isInfinite(perMinute)) {
                throw new IllegalArgumentException("authFailureLimit: a positive rate a minute and a burst of 1 or "
                        + "more, found " + perMinute + "/min burst " + burst);
            }
            this.authFailuresPerMinute = perMinute;
            this.authFailureBurst = burst;
            return this;
        }

        /**
         * Take the client address from the last {@code X-Forwarded-For} address (default false). Turn it on only
         * when every request reaches the server through a reverse proxy that appends the address it sees to that
         * header; otherwise any client can choose its own address and go around the per-address limit.
         */
        public Builder trustForwardedFor(boolean t) {
            this.trustForwardedFor = t;
            return this;
        }

        /** The largest page a list returns (default 500). */
        public Builder maxPageSize(int n) {
            this.maxPageSize = (int) positive("maxPageSize", n);
            return this;
        }

        /** The clock (default: the system clock). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** The configuration. */
        public ServerConfig build() {
            return new ServerConfig(this);
        }

        private static long positive(String name, long n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + ": a positive number, found " + n);
            }
            return n;
        }
    }
}
