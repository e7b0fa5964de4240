package org.plantrack.persistence.jdbc;

import org.plantrack.persistence.jdbc.spi.StoreExtension;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;

/**
 * A test store extension that cannot attach to the stores of {@link StoreExtensionTest} (which must open
 * without it); on every other test's store it attaches no hook, so that their logs stay quiet.
 */
public final class BrokenExtension implements StoreExtension {
    @Override
    public WriteHook attach(Transactions transactions) {
        if (transactions.database().contains("/extension-")) {
            throw new IllegalStateException("this extension never attaches");
        }
        return (c, write) -> {
        };
    }
}
