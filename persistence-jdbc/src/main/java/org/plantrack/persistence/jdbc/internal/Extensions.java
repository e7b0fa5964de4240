package org.plantrack.persistence.jdbc.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.plantrack.persistence.jdbc.spi.StoreExtension;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link StoreExtension}s through {@link ServiceLoader} and attaches each to a store, tolerant of
 * a broken one: an extension that fails to load or to attach is logged and left out. Not API.
 */
final class Extensions {
    private static final Logger LOG = LoggerFactory.getLogger("org.plantrack.persistence.jdbc.JdbcPlanStore");

    private Extensions() {
    }

    /** The hooks of every extension found, attached to the store of {@code transactions}. */
    static List<WriteHook> attachAll(Transactions transactions) {
        List<WriteHook> hooks = new ArrayList<>();
        Iterator<StoreExtension> it = ServiceLoader.load(StoreExtension.class, StoreExtension.class.getClassLoader())
                .iterator();
        while (true) {
            StoreExtension extension;
            try {
                if (!it.hasNext()) {
                    break;
                }
                extension = it.next();
            } catch (ServiceConfigurationError | RuntimeException e) {
                LOG.warn("Plantrack store {}: skipped a store extension that failed to load: {}",
                        transactions.database(), e.toString());
                continue;
            }
            try {
                WriteHook hook = extension.attach(transactions);
                if (hook != null) {
                    hooks.add(hook);
                }
                LOG.debug("Plantrack store {}: store extension {} attached", transactions.database(),
                        extension.getClass().getName());
            } catch (RuntimeException e) {
                LOG.warn("Plantrack store {}: store extension {} failed to attach and is left out: {}",
                        transactions.database(), extension.getClass().getName(), e.toString());
            }
        }
        return hooks;
    }
}
