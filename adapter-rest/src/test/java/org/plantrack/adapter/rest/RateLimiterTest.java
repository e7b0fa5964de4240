package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.ClientAddresses;
import org.plantrack.adapter.rest.internal.RateLimiter;
import org.plantrack.adapter.rest.internal.RecentBearers;

/** The limiter's buckets and the memory it holds, on a clock the test moves. */
class RateLimiterTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    final AtomicLong now = new AtomicLong(1_000 * SECOND);

    /** 20 a minute, 30 at once: the default limit of failed authentications. */
    RateLimiter limiter(int maxKeys) {
        return new RateLimiter(20.0 / 60, 30, maxKeys, MINUTE, now::get);
    }

    @Test
    void aBurstThenOneEveryThreeSeconds() {
        RateLimiter l = limiter(100);
        for (int i = 0; i < 30; i++) {
            assertThat(l.take("a").granted()).as("request %s", i + 1).isTrue();
        }
        RateLimiter.Permit refused = l.take("a");
        assertThat(refused.granted()).isFalse();
        assertThat(refused.waitSeconds()).isEqualTo(3);
        assertThat(l.take("b").granted()).as("another key has its own bucket").isTrue();
        now.addAndGet(3 * SECOND);
        assertThat(l.take("a").granted()).isTrue();
        assertThat(l.take("a").granted()).isFalse();
        l.refund("a");
        assertThat(l.take("a").granted()).as("a refunded request can be taken again").isTrue();
    }

    @Test
    void refusalsAreReportedAtMostOnceAMinutePerKey() {
        RateLimiter l = limiter(100);
        for (int i = 0; i < 30; i++) {
            l.take("a");
        }
        assertThat(l.take("a").refusalsToReport()).as("the first refusal").isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            assertThat(l.take("a").refusalsToReport()).isZero();
        }
        now.addAndGet(MINUTE - SECOND); // 19.67 requests refilled, and taken again
        for (int i = 0; i < 19; i++) {
            assertThat(l.take("a").granted()).isTrue();
        }
        assertThat(l.take("a").refusalsToReport()).as("less than a minute after the last report").isZero();
        now.addAndGet(2 * SECOND);
        assertThat(l.take("a").granted()).as("refilled meanwhile").isTrue();
        assertThat(l.take("a").refusalsToReport()).as("ten refused since the last report, and this one")
                .isEqualTo(11);
    }

    @Test
    void idleBucketsAreDroppedOnceTheyWouldBeFullAgain() {
        RateLimiter l = limiter(100_000);
        for (int i = 0; i < 30; i++) {
            l.take("hammering");
        }
        for (int i = 0; i < 5_000; i++) {
            l.take("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(l.size()).isEqualTo(5_001);
        now.addAndGet(89 * SECOND); // 30 at 20 a minute: full after 90 s
        assertThat(l.take("hammering").granted()).isTrue();
        assertThat(l.size()).as("nothing is full yet").isEqualTo(5_001);
        now.addAndGet(2 * SECOND);
        l.take("new");
        assertThat(l.size()).as("only the buckets used in the last 90 s are left").isEqualTo(2);
        // dropping an idle bucket changes no answer: after 90 s a bucket is full, like a new one
        now.addAndGet(91 * SECOND);
        for (int i = 0; i < 30; i++) {
            assertThat(l.take("hammering").granted()).isTrue();
        }
        assertThat(l.take("hammering").granted()).isFalse();
    }

    @Test
    void manyAddressesAtOnceNeverHoldMoreThanTheLimitOfBuckets() {
        RateLimiter l = limiter(1_000);
        for (int i = 0; i < 30; i++) {
            l.take("hammering");
        }
        for (int i = 0; i < 200_000; i++) {
            l.take("2001:db8:" + Integer.toHexString(i) + "::/64");
            if (i % 100 == 0) {
                assertThat(l.take("hammering").granted()).isFalse(); // still in use: kept
            }
            assertThat(l.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(l.size()).isEqualTo(1_000);
    }

    @Test
    void recentBearersAreBoundedAndExpire() {
        RecentBearers r = new RecentBearers(100, TimeUnit.HOURS.toNanos(1), now::get);
        String admin = RecentBearers.digest("pt_tk-admin.secret");
        assertThat(admin).hasSize(64).doesNotContain("secret");
        r.remember(admin);
        for (int i = 0; i < 10_000; i++) {
            r.remember(RecentBearers.digest("pt_tk-" + i + ".x"));
            if (i % 50 == 0) {
                assertThat(r.contains(admin)).isTrue(); // in use: kept
                r.remember(admin);
            }
            assertThat(r.size()).isLessThanOrEqualTo(100);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(59));
        assertThat(r.contains(admin)).isTrue();
        now.addAndGet(TimeUnit.MINUTES.toNanos(2));
        assertThat(r.contains(admin)).as("unused for an hour").isFalse();
        r.remember(admin);
        assertThat(r.size()).as("the others expired too").isEqualTo(1);
        r.forget(admin);
        assertThat(r.contains(admin)).isFalse();
    }

    @Test
    void clientAddressesAreAddressLiteralsAndIpv6CountsByItsNetwork() {
        assertThat(ClientAddresses.keyOf("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddresses.keyOf(" 192.0.2.7:5678 ")).isEqualTo("192.0.2.7");
        assertThat(ClientAddresses.keyOf("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.keyOf("[2001:db8:1:2::9]:443")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.keyOf("[0:0:0:0:0:0:0:1]")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddresses.keyOf("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientAddresses.keyOf("::ffff:192.0.2.7")).as("IPv4-mapped").isEqualTo("192.0.2.7");
        // never a name (which would be looked up), never junk
        for (String bad : new String[] {null, "", "localhost", "example.org", "cafe", "999.1.1.1", "1.2.3",
            "1.2.3.4.5", "[::1", "::1]", "1:2:3:4:5:6:7:8:9", "unknown", "_hidden", "a".repeat(200)}) {
            assertThat(ClientAddresses.keyOf(bad)).as(String.valueOf(bad)).isNull();
        }
    }
}
