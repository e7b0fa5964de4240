package org.plantrack.core.base;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one plugin loader of core: every SPI (rule providers, listeners) is read through {@link #load} from a
 * {@link ServiceLoader}, tolerant of a broken provider. Not API.
 */
public final class Plugins {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private Plugins() {
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
