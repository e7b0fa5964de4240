package org.plantrack.core.store;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking the audit hash chain.
 *
 * @param eventsChecked how many events were read
 * @param problems      one line per broken link or mismatch: the event number and what is wrong; empty when intact
 * @param unchecked     one line per run of events that could not be checked because this verifier does not
 *                      hold the audit key that hashed them; empty when every event was checked
 */
public record AuditVerification(long eventsChecked, List<String> problems, List<String> unchecked) {
    public AuditVerification {
        problems = List.copyOf(problems);
        unchecked = List.copyOf(unchecked);
    }

    /** A result in which every event could be checked. */
    public AuditVerification(long eventsChecked, List<String> problems) {
        this(eventsChecked, problems, List.of());
    }

    /** What a verification found. */
    public enum Status {
        /** Every event was checked and nothing is wrong. */
        INTACT,
        /** Something is wrong: see {@link #problems()}. */
        BROKEN,
        /** Nothing wrong was found, but some events could not be checked: see {@link #unchecked()}. */
        UNVERIFIABLE
    }

    /** Whether every event was checked and the whole chain is intact. */
    public boolean intact() {
        return problems.isEmpty() && unchecked.isEmpty();
    }

    /** {@link Status#BROKEN} if anything is wrong, else {@link Status#UNVERIFIABLE} if anything went unchecked. */
    public Status status() {
        return !problems.isEmpty() ? Status.BROKEN : unchecked.isEmpty() ? Status.INTACT : Status.UNVERIFIABLE;
    }

    /**
     * Checks a trail of unkeyed (old format) events read in sequence order: numbering without gaps from 1, each
     * previous hash equal to the hash before it, each hash equal to the hash of the event's fields.
     */
    public static AuditVerification verify(Iterable<AuditEvent> eventsInOrder) {
        return verify(eventsInOrder, AuditKeyring.empty());
    }

    /** As {@link #verify(Iterable)}, checking keyed events with {@code keys} (see {@link Checker}). */
    public static AuditVerification verify(Iterable<AuditEvent> eventsInOrder, AuditKeyring keys) {
        Checker checker = new Checker(keys);
        eventsInOrder.forEach(checker::accept);
        return checker.result();
    }

    /** One problem, with the event it concerns. */
    public record Problem(long sequence, String text) {
    }

    /**
     * Checks events fed in sequence order. Until an event switches the trail to a key
     * ({@link AuditAction#KEY_SWITCH}; or from event 1 if the keyring has a key from 1) events are checked with the
     * unkeyed hash; from then on with the key in force, which the verifier must hold. At the end, each key the
     * keyring says took over at event N must have been switched to at event N exactly: a trail rewritten from the
     * start with the public hash, without the switch, is found. Callers add problems of their own
     * ({@link #problem}) before taking the {@link #result()}.
     */
    public static final class Checker {
        private final AuditKeyring keys;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, long[]> uncheckedRuns = new LinkedHashMap<>();
        private final Map<String, Long> switches = new LinkedHashMap<>();
        private String keyId;
        private String previous = AuditEvent.GENESIS;
        private long expectedSeq = 1;
        private long count;
        private long lastSequence;
        private AuditAnchor anchor;
        private String anchoredHash;
        private String absentKey;

        /** A checker using {@code keys}. */
        public Checker(AuditKeyring keys) {
            this.keys = keys;
            this.keyId = keys.fromStart().map(AuditKeyring.Key::id).orElse(null);
        }

        /** Checks the next event. */
        public void accept(AuditEvent e) {
            count++;
            if (e.sequence() != expectedSeq) {
                problem(e.sequence(), "event " + e.sequence() + ": expected sequence " + expectedSeq
                        + " (an event is missing or was inserted)");
            }
            if (!e.previousHash().equals(previous)) {
                problem(e.sequence(), "event " + e.sequence() + ": previous hash " + e.previousHash()
                        + " does not match the hash of the event before it " + previous);
            }
            if (AuditAction.KEY_SWITCH.equals(e.action()) && e.success() && e.subject() != null) {
                keyId = e.subject();
                switches.putIfAbsent(e.subject(), e.sequence());
            }
            if (keyId == null) {
                String expected = e.expectedHash();
                if (!expected.equals(e.hash()) && absentKey != null) {
                    long[] run = uncheckedRuns.computeIfAbsent(absentKey, k -> new long[] {e.sequence(), e.sequence()});
                    run[1] = e.sequence();
                } else if (!expected.equals(e.hash())) {
                    problem(e.sequence(), "event " + e.sequence() + " (" + e.action() + "): stored hash " + e.hash()
                            + " does not match its content (" + expected + "): the event was altered");
                }
            } else {
                byte[] secret = keys.secret(keyId);
                if (secret == null) {
                    long[] run = uncheckedRuns.computeIfAbsent(keyId, k -> new long[] {e.sequence(), e.sequence()});
                    run[1] = e.sequence();
                } else if (!same(e.expectedHash(secret), e.hash())) {
                    problem(e.sequence(), "event " + e.sequence() + " (" + e.action() + "): stored hash " + e.hash()
                            + " does not match its content under audit key " + keyId
                            + ": the event was altered (or rehashed without the key)");
                }
            }
            if (anchor != null && e.sequence() == anchor.sequence()) {
                anchoredHash = e.hash();
            }
            previous = e.hash();
            expectedSeq = e.sequence() + 1;
            lastSequence = e.sequence();
        }

        private void anchorProblems(List<Problem> all) {
            long n = anchor.sequence();
            byte[] secret = keys.secret(anchor.keyId());
            if (secret != null && !anchor.signedWith(secret)) {
                all.add(new Problem(n, "event " + n + ": the anchor's signature does not match audit key "
                        + anchor.keyId() + ": the anchor file was altered or made for another store"));
            }
            if (n == 0) {
                return;
            }
            if (n > lastSequence) {
                all.add(new Problem(n, "event " + n + ": the anchor records event " + n + " with hash " + anchor.hash()
                        + ", but the trail ends at event " + lastSequence + ": events were removed "
                        + "(锚定的审计事件已不存在)"));
            } else if (anchoredHash == null) {
                all.add(new Problem(n, "event " + n + ": the anchor records event " + n
                        + ", which is not in the trail: events were removed"));
            } else if (!anchoredHash.equals(anchor.hash())) {
                all.add(new Problem(n, "event " + n + ": the anchor records hash " + anchor.hash()
                        + " but the trail holds " + anchoredHash + ": the trail was rewritten (审计链已被改写)"));
            }
        }

        private static boolean same(String a, String b) {
            return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                    b.getBytes(StandardCharsets.US_ASCII));
        }

        /**
         * Also checks that the trail holds {@code anchor}'s event with its hash, and that the anchor is signed
         * with the key it names. Call before feeding events.
         */
        public void anchor(AuditAnchor anchor) {
            this.anchor = anchor;
        }

        /**
         * Tells the checker that the store says its trail is hashed with key {@code keyId}, which the keyring does
         * not hold: unkeyed-looking events whose unkeyed hash is wrong are then reported as not checkable (they
         * are presumably keyed) rather than as altered. The result is never {@link Status#INTACT} then.
         */
        public void keyedWithAbsentKey(String keyId) {
            if (keyId != null && keys.secret(keyId) == null) {
                this.absentKey = keyId;
            }
        }

        /** Adds a problem found by the caller. */
        public void problem(long sequence, String text) {
            problems.add(new Problem(sequence, text));
        }

        /** The problems so far, in the order found. */
        public List<Problem> problems() {
            return List.copyOf(problems);
        }

        /** How many events were fed. */
        public long count() {
            return count;
        }

        /** The number of the last event fed (0 if none). */
        public long lastSequence() {
            return lastSequence;
        }

        /** The hash of the last event fed ({@link AuditEvent#GENESIS} if none). */
        public String lastHash() {
            return previous;
        }

        /** The key in force after the events fed so far, or {@code null} while the trail is unkeyed. */
        public String keyId() {
            return keyId;
        }

        /** The result: the chain's problems, the keyring cross-check, the events that could not be checked. */
        public AuditVerification result() {
            List<Problem> all = new ArrayList<>(problems);
            for (AuditKeyring.Key k : keys.keys()) {
                Long seen = switches.get(k.id());
                if (k.from() == null || k.from() == 1L && seen == null) {
                    continue;
                }
                if (k.from() > lastSequence && seen == null) {
                    all.add(new Problem(k.from(), "event " + k.from() + ": the audit key file says key " + k.id()
                            + " took over at event " + k.from() + ", but the trail ends at event " + lastSequence
                            + ": events were removed"));
                } else if (!k.from().equals(seen)) {
                    all.add(new Problem(k.from(), "event " + k.from() + ": the audit key file says key " + k.id()
                            + " took over at event " + k.from() + ", but the trail "
                            + (seen == null ? "never switches to it" : "switches to it at event " + seen)
                            + ": the trail was rewritten"));
                }
            }
            if (anchor != null) {
                anchorProblems(all);
            }
            List<String> texts = all.stream().map(Problem::text).toList();
            List<String> notes = new ArrayList<>();
            if (absentKey != null && uncheckedRuns.isEmpty()) {
                notes.add("the store says its trail is hashed with audit key " + absentKey
                        + ", which this verifier does not hold");
            }
            if (anchor != null && keys.secret(anchor.keyId()) == null) {
                notes.add("the anchor is signed with audit key " + anchor.keyId()
                        + ", which this verifier does not hold: its signature cannot be checked here");
            }
            uncheckedRuns.forEach((id, run) -> notes.add((run[0] == run[1] ? "event " + run[0] : "events " + run[0]
                    + "–" + run[1]) + " are hashed with audit key " + id + ", which this verifier does not hold: "
                    + "they cannot be checked here (give it the store's audit key file; 缺少审计密钥 " + id
                    + "，无法核验)"));
            return new AuditVerification(count, texts, notes);
        }
    }
}
