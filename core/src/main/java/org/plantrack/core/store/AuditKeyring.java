package org.plantrack.core.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The secret keys that hash a store's audit trail ({@link AuditEvent#computeKeyedHash}), by id, each with the
 * sequence number of the first event it checks ({@code from}; {@code null} while a new key waits for the
 * event that switches to it). Old keys stay after a rotation, so that old events can still be checked.
 * Keep the keys outside the database: whoever holds the database and the keys can rewrite the trail.
 */
public final class AuditKeyring {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One key.
     *
     * @param id     the key id, recorded in the event that switches to it
     * @param secret the 32 secret bytes
     * @param from   the first event this key checks, or {@code null} if no event switched to it yet
     */
    public record Key(String id, byte[] secret, Long from) {
        public Key {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("audit key id must be 1 to 64 letters, digits, '-' or '_': " + id);
            }
            if (secret == null || secret.length < 16) {
                throw new IllegalArgumentException("audit key '" + id + "' must have at least 16 secret bytes");
            }
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        /** This key, first checking event {@code seq}. */
        public Key from(long seq) {
            return new Key(id, secret, seq);
        }

        @Override
        public String toString() {
            return "Key[" + id + ", from " + from + "]";
        }
    }

    private final List<Key> keys;

    private AuditKeyring(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A keyring of these keys, oldest first. */
    public static AuditKeyring of(List<Key> keys) {
        return new AuditKeyring(keys);
    }

    /** A keyring without keys: every keyed event is reported as not checkable. */
    public static AuditKeyring empty() {
        return new AuditKeyring(List.of());
    }

    /** A new random key with a random id, not yet in force. */
    public static Key newKey() {
        byte[] id = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new Key("k" + HexFormat.of().formatHex(id), secret, null);
    }

    /** The keys, oldest first. */
    public List<Key> keys() {
        return keys;
    }

    /** The key with this id. */
    public Optional<Key> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The secret of key {@code id}, or {@code null} if this keyring does not hold it. */
    public byte[] secret(String id) {
        return find(id).map(Key::secret).orElse(null);
    }

    /** The key that checks the first event (its {@code from} is 1), if any. */
    public Optional<Key> fromStart() {
        return keys.stream().filter(k -> k.from() != null && k.from() == 1L).findFirst();
    }

    /** This keyring with {@code key} added (or replacing the key of the same id). */
    public AuditKeyring with(Key key) {
        List<Key> out = new ArrayList<>();
        boolean replaced = false;
        for (Key k : keys) {
            if (k.id().equals(key.id())) {
                out.add(key);
                replaced = true;
            } else {
                out.add(k);
            }
        }
        if (!replaced) {
            out.add(key);
        }
        return new AuditKeyring(out);
    }

    @Override
    public String toString() {
        return "AuditKeyring" + keys;
    }
}
