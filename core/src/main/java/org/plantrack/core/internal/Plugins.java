package org.plantrack.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.plantrack.core.spi.RuleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads plugins through {@link ServiceLoader}, tolerant of a broken one. Not API. */
public final class Plugins {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private Plugins() {
    }

    /** Every rule provider that loads; each one that fails is logged and skipped. */
    public static List<RuleProvider> ruleProviders() {
        return load(ServiceLoader.load(RuleProvider.class, Plugins.class.getClassLoader()), "rule provider");
    }

    /** Everything {@code loader} yields; each element that fails to load is logged and skipped. */
    public static <T> List<T> load(Iterable<T> loader, String what) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                T next = it.next();
                LOG.info("loaded {} {}", what, next.getClass().getName());
                found.add(next);
            } catch (ServiceConfigurationError | RuntimeException e) {
                LOG.warn("skipped a {} that failed to load: {}", what, e.toString());
            }
        }
        return found;
    }
}
