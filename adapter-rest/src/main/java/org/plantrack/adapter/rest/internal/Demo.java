package org.plantrack.adapter.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Demo data: the reference plan (南科协〔2017〕12号) and an admin token, loaded into an empty store. */
public final class Demo {
    /** The plan id of the demo plan. */
    public static final String PLAN_ID = "nanping-2017";
    /** Classpath resource of the reference plan. */
    public static final String RESOURCE = "/org/plantrack/adapter/rest/demo/nanping-cast-2017-workplan.txt";

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private Demo() {
    }

    /** The reference plan's text. */
    public static String referencePlan() {
        try (InputStream in = Demo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
    }

    /** How long the demo admin token works: long enough to try the server, short enough not to linger. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    /**
     * When the store holds no plan: imports the reference plan and creates an admin token that expires
     * {@link #TOKEN_LIFETIME} after now.
     *
     * @param tracker the server's tracker
     * @param clock   the server's clock (the token's expiry is counted from its now)
     * @return the admin token with its bearer string, when demo data was loaded now
     */
    public static Optional<IssuedToken> loadIfEmpty(PlanTracker tracker, Clock clock) {
        Principal system = Principal.system();
        if (!tracker.plans(system).isEmpty()) {
            return Optional.empty();
        }
        ImportResult r;
        try {
            r = tracker.importPlan(system, referencePlan(), ImportOptions.withPlanId(PLAN_ID));
        } catch (PlantrackException e) {
            LOG.warn("demo data not loaded: {}", e.getMessage());
            return Optional.empty();
        }
        LOG.info("demo data loaded: plan {} ({} targets, {} import warnings)", r.plan().id(),
                r.plan().targets().size(), r.warnings().size());
        IssuedToken admin = tracker.createToken(system, Role.ADMIN, Set.of(), "demo admin",
                clock.instant().plus(TOKEN_LIFETIME));
        LOG.info("demo admin token created: id {}, expires {}", admin.token().id(), admin.token().expiresAt());
        return Optional.of(admin);
    }
}
