package org.plantrack.core;

import org.plantrack.core.error.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.InMemoryPlanStore;

/** A token with an expiry authenticates until then and not from then on, exactly like a revoked one. */
class TokenExpiryTest {
    private static final Principal ADMIN = Principal.admin("office-admin");
    private static final Instant T0 = Instant.parse("2017-07-01T02:00:00Z");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void anExpiredTokenNoLongerAuthenticates() {
        MovableClock clock = new MovableClock();
        PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(clock).build();
        Instant expires = T0.plus(Duration.ofDays(30));
        IssuedToken issued = tracker.createToken(ADMIN, Role.VIEWER, Set.of(), "30 天", expires);
        IssuedToken forever = tracker.createToken(ADMIN, Role.VIEWER, Set.of(), "不限期");
        assertThat(issued.token().expiresAt()).isEqualTo(expires);
        assertThat(tracker.tokens(ADMIN)).filteredOn(t -> t.id().equals(issued.token().id()))
                .singleElement().satisfies(t -> assertThat(t.expiresAt()).isEqualTo(expires));
        assertThat(tracker.authenticate(issued.bearer())).isPresent();

        clock.now.set(expires.minusMillis(1));
        assertThat(tracker.authenticate(issued.bearer())).isPresent();
        clock.now.set(expires);
        assertThat(tracker.authenticate(issued.bearer())).isEmpty();
        clock.now.set(expires.plus(Duration.ofDays(400)));
        assertThat(tracker.authenticate(issued.bearer())).isEmpty();
        assertThat(tracker.authenticate(forever.bearer())).isPresent();

        assertThat(tracker.auditTrail(ADMIN, null, 0, 10)).extracting(AuditEvent::after)
                .anySatisfy(a -> assertThat(a).contains("expiresAt=" + expires));
    }

    @Test
    void anExpiryNotAfterNowIsRefused() {
        PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create())
                .clock(Clock.fixed(T0, ZoneId.of("Asia/Shanghai"))).build();
        assertThatThrownBy(() -> tracker.createToken(ADMIN, Role.VIEWER, Set.of(), null, T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("token.expiresAt");
                    assertThat(e.value()).isEqualTo(T0.toString());
                });
        assertThatThrownBy(() -> tracker.createToken(ADMIN, Role.VIEWER, Set.of(), null, T0.minusSeconds(1)))
                .hasMessageContaining("token.expiresAt");
        assertThat(tracker.tokens(ADMIN)).isEmpty();
    }
}
