package org.plantrack.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.plantrack.core.access.Principal;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.webhooks.internal.Outbox;
import org.plantrack.webhooks.internal.OutboxClaims;
import org.plantrack.webhooks.internal.OutboxClaims.Claim;
import org.plantrack.webhooks.internal.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the webhook outbox: one background thread polls for due deliveries, posts each to its
 * subscription's URL with the Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}, see {@link WebhookSignature}) and records the outcome.
 *
 * <p><b>At least once.</b> A delivery is done when the receiver answers 2xx. Any other answer, a
 * timeout or a connection failure is retried after an exponential back-off with jitter
 * ({@code initial · 2^(n−1)}, capped at {@code max}; the delay is drawn between half and all of it);
 * after {@code maxAttempts} failures the delivery is a dead letter ({@link WebhookDelivery.State#DEAD}),
 * listed by {@link Webhooks#deliveries} and sent again by {@link Webhooks#redeliver}. Every attempt of
 * a message carries the same {@code webhook-id}, so receivers de-duplicate by it.
 *
 * <p><b>Several dispatchers</b> (several servers on one database) share the outbox: a dispatcher claims
 * due deliveries with {@code SELECT ... FOR UPDATE SKIP LOCKED} and sets their next attempt to the end of
 * a lease (the time the claimed batch may take to send) before it commits, so no other dispatcher sends
 * them meanwhile. If a dispatcher dies while sending, its claims become due again when the lease ends and
 * another dispatcher sends them (with the same {@code webhook-id}). {@link #close()} finishes the attempt
 * in flight and gives the rest of its claims back at once.
 *
 * <p><b>Retention</b> is off unless {@link Builder#retention(Duration)} is set: then a second thread
 * removes delivered rows older than that from the outbox at start and every hour after
 * ({@link Webhooks#purge}; dead letters are kept for an admin).
 *
 * <pre>{@code
 * try (WebhookDispatcher dispatcher = WebhookDispatcher.builder(webhooks).build().start()) {
 *     ... // the application runs; deliveries are sent in the background
 * }
 * }</pre>
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 500;
    /** How often the retention purge runs (when a retention is set). */
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final Webhooks webhooks;
    private final Transactions tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final int batchSize;
    private final Duration retention;
    private final Sender sender;
    private final Object wake = new Object();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private ScheduledExecutorService retentionTimer;

    private WebhookDispatcher(Builder b) {
        this.clock = b.clock;
        this.webhooks = b.webhooks.withClock(b.clock);
        this.tx = webhooks.transactions();
        this.pollInterval = b.pollInterval;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxAttempts = b.maxAttempts;
        this.batchSize = b.batchSize;
        this.retention = b.retention;
        this.sender = new Sender(requestTimeout, connectTimeout);
    }

    /**
     * A builder for a dispatcher of the outbox of {@code webhooks}' store.
     *
     * @param webhooks the webhooks of a store ({@link Webhooks#of(org.plantrack.core.store.PlanStore)})
     * @return a builder with every setting at its default
     */
    public static Builder builder(Webhooks webhooks) {
        return new Builder(webhooks);
    }

    /** Starts the background thread (a daemon named {@code plantrack-webhooks}); returns this. */
    public synchronized WebhookDispatcher start() {
        if (thread != null) {
            throw new IllegalStateException("the webhook dispatcher was started already");
        }
        running = true;
        thread = new Thread(this::loop, "plantrack-webhooks");
        thread.setDaemon(true);
        thread.start();
        if (retention != null) {
            retentionTimer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "plantrack-webhook-retention");
                t.setDaemon(true);
                return t;
            });
            retentionTimer.scheduleWithFixedDelay(this::purgeExpired, 0, RETENTION_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        LOG.info("webhook dispatcher started on {}{}", tx.database(),
                retention == null ? "" : " (delivered rows kept for " + retention + ")");
        return this;
    }

    /** Polls at once instead of at the end of the current poll interval. */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** How many attempts this dispatcher made (successful or not). */
    public long attempts() {
        return attempts.get();
    }

    /** How many deliveries this dispatcher completed (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /**
     * Stops the thread: the attempt in flight finishes (within the request timeout) and the deliveries
     * this dispatcher had claimed but not tried become due again at once. A retention purge in progress
     * stops after its current batch. Idempotent.
     */
    @Override
    public void close() {
        Thread t;
        ScheduledExecutorService timer;
        synchronized (this) {
            t = thread;
            timer = retentionTimer;
            running = false;
        }
        if (t == null) {
            return;
        }
        wakeUp();
        try {
            if (timer != null) {
                timer.shutdown();
            }
            t.join(requestTimeout.plus(connectTimeout).plusSeconds(5).toMillis());
            if (t.isAlive()) {
                t.interrupt();
                t.join(5_000);
            }
            if (timer != null && !timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("webhook dispatcher stopped after {} attempt(s), {} delivered", attempts.get(), delivered.get());
    }

    private void loop() {
        long failures = 0;
        while (running) {
            int done;
            try {
                done = deliverDue();
                failures = 0;
            } catch (RuntimeException e) {
                // the store may be down for a while: log once per outage, keep polling
                if (failures++ == 0) {
                    LOG.warn("webhook dispatcher cannot read the outbox, retrying every {}: {}", pollInterval,
                            e.getMessage());
                }
                done = 0;
            }
            if (done == 0 && running) {
                synchronized (wake) {
                    try {
                        wake.wait(Math.max(1, pollInterval.toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** The retention purge: delivered rows older than the retention, in batches, while running. */
    private void purgeExpired() {
        try {
            Map<WebhookDelivery.State, Long> removed = webhooks.purge(Principal.system().id(),
                    clock.instant().minus(retention), false, () -> running, false);
            long n = removed.get(WebhookDelivery.State.DELIVERED);
            if (n > 0) {
                LOG.info("webhook retention removed {} delivered row(s) older than {} from the outbox", n, retention);
            }
        } catch (RuntimeException e) {
            // the store may be down for a while; the next run tries again
            LOG.warn("webhook retention cannot purge the outbox, trying again in {}: {}", RETENTION_INTERVAL,
                    e.getMessage());
        }
    }

    /**
     * Claims the deliveries due now (at most a batch) and sends them, in this thread; returns how many
     * were tried. The background thread calls this in a loop; call it directly to send without starting
     * the thread.
     *
     * @return how many deliveries were tried
     */
    public int deliverDue() {
        long now = Outbox.micros(clock.instant());
        long perAttempt = requestTimeout.plus(connectTimeout).toNanos() / 1000;
        List<Claim> claims = OutboxClaims.claim(tx, now, batchSize, perAttempt);
        int tried = 0;
        for (int i = 0; i < claims.size(); i++) {
            if ((!running && thread != null) || !attempt(claims.get(i))) {
                release(claims.subList(i, claims.size()));
                break;
            }
            tried++;
        }
        return tried;
    }

    /** Sends one delivery and records the outcome; {@code false} if interrupted before an outcome. */
    private boolean attempt(Claim d) {
        long timestamp = clock.instant().getEpochSecond();
        Sender.Outcome outcome;
        try {
            outcome = sender.post(d, timestamp, WebhookSignature.sign(d.secret(), d.messageId(), timestamp,
                    d.payload()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        attempts.incrementAndGet();
        record(d, outcome.status(), outcome.error());
        return true;
    }

    private void record(Claim d, Integer status, String error) {
        long now = Outbox.micros(clock.instant());
        int n = d.attempts() + 1;
        if (error == null) {
            OutboxClaims.delivered(tx, d, n, status, now);
            delivered.incrementAndGet();
            return;
        }
        boolean dead = n >= maxAttempts;
        OutboxClaims.failed(tx, d, n, status, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                dead, now, dead ? now : now + backoff(n).toNanos() / 1000);
        if (dead) {
            LOG.warn("webhook delivery {} ({}) to {} is dead after {} attempts: {}", d.id(), d.messageId(),
                    d.webhookId(), n, error);
        } else {
            LOG.debug("webhook delivery {} attempt {} failed: {}", d.id(), n, error);
        }
    }

    /**
     * The delay before attempt {@code failed + 1}: {@code initial · 2^(failed−1)} capped at the maximum,
     * then drawn uniformly between half of it and all of it (jitter, so that receivers coming back
     * from an outage are not hit by every retry at once).
     */
    Duration backoff(int failed) {
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long d = initial;
        for (int i = 1; i < failed && d < cap; i++) {
            d *= 2;
        }
        d = Math.min(d, cap);
        long half = d / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(d - half + 1));
    }

    private void release(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        try {
            OutboxClaims.release(tx, claims);
        } catch (RuntimeException e) {
            LOG.warn("cannot give back {} claimed webhook deliveries; they are sent again when their lease ends: {}",
                    claims.size(), e.getMessage());
        }
    }

    /** Settings of a {@link WebhookDispatcher}; every one has a default. */
    public static final class Builder {
        private final Webhooks webhooks;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration initialBackoff = Duration.ofSeconds(10);
        private Duration maxBackoff = Duration.ofHours(1);
        private int maxAttempts = 12;
        private int batchSize = 20;
        private Duration retention;

        private Builder(Webhooks webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        }

        /** The clock for timestamps and back-off (default: the system clock, UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How often the outbox is polled when it holds nothing due (default 1 s). */
        public Builder pollInterval(Duration d) {
            this.pollInterval = positive("pollInterval", d);
            return this;
        }

        /** How long to wait for the receiver's response (default 10 s). */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive("requestTimeout", d);
            return this;
        }

        /** How long to wait for a connection (default 5 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d);
            return this;
        }

        /** Back-off before the second attempt, doubled for each later one up to {@code max} (default 10 s, 1 h). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive("initial back-off", initial);
            this.maxBackoff = positive("maximum back-off", max);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("the maximum back-off " + max + " is shorter than the initial "
                        + initial);
            }
            return this;
        }

        /** Attempts before a delivery is dead (default 12: about 3.5 hours with the default back-off). */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, found " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** Deliveries claimed per poll (default 20). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, found " + n);
            }
            this.batchSize = n;
            return this;
        }

        /**
         * Keeps delivered rows in the outbox for {@code keep}, then removes them: at start and every hour
         * after, a thread of its own purges delivered rows whose delivery is older than {@code keep}
         * ({@link Webhooks#purge}, audited as {@code webhook.purge} by {@code system} when it removed
         * something). Dead letters are never removed automatically ({@code plantrack webhook purge --dead}
         * does it). Default: off, everything is kept; how long delivery records must be kept is the
         * operator's decision (e.g. {@code Duration.ofDays(90)}).
         */
        public Builder retention(Duration keep) {
            this.retention = positive("retention", keep);
            return this;
        }

        /** The dispatcher (not started). */
        public WebhookDispatcher build() {
            return new WebhookDispatcher(this);
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, found " + d);
            }
            return d;
        }
    }
}
