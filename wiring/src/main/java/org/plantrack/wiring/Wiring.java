package org.plantrack.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

/**
 * Builds an injector from feature modules and takes instances out of it, answering a failure of Plantrack's own
 * (a store that cannot be opened) as that failure rather than as Guice's wrapper, so that adapters say it in their
 * words.
 */
public final class Wiring {
    private Wiring() {
    }

    /**
     * The injector of {@code modules}.
     *
     * @param modules the feature modules (and an adapter's own)
     * @return the injector
     */
    public static Injector create(Module... modules) {
        // Guice's generated fast-class bridges live in an unnamed module that cannot reach non-exported packages;
        // plain reflection (the packages are opened to Guice) works on the module path.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        try {
            return Guice.createInjector(modules);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /**
     * An instance from the injector.
     *
     * @param injector the injector
     * @param key      what to get
     * @param <T>      its type
     * @return the instance
     */
    public static <T> T instance(Injector injector, Key<T> key) {
        try {
            return injector.getInstance(key);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /** {@link #instance(Injector, Key)} for a class. */
    public static <T> T instance(Injector injector, Class<T> type) {
        return instance(injector, Key.get(type));
    }

    private static RuntimeException unwrap(java.util.Collection<Message> messages, RuntimeException wrapper) {
        for (Message m : messages) {
            Throwable c = m.getCause();
            while (c instanceof ProvisionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException) {
                return (RuntimeException) c;
            }
        }
        return wrapper;
    }
}
