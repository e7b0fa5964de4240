package org.plantrack.core.store;

import java.util.List;

/**
 * The result of checking the audit hash chain.
 *
 * @param eventsChecked how many events were checked
 * @param problems      one line per broken link: the sequence number and what is wrong; empty when intact
 */
public record AuditVerification(long eventsChecked, List<String> problems) {
    public AuditVerification {
        problems = List.copyOf(problems);
    }

    /** Whether the whole chain is intact. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * Checks a trail read in sequence order: numbering without gaps from 1, each previous hash
     * equal to the hash before it, each hash equal to the hash of the event's fields.
     */
    public static AuditVerification verify(Iterable<AuditEvent> eventsInOrder) {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        String previous = AuditEvent.GENESIS;
        long expectedSeq = 1;
        long n = 0;
        for (AuditEvent e : eventsInOrder) {
            n++;
            if (e.sequence() != expectedSeq) {
                problems.add("event " + e.sequence() + ": expected sequence " + expectedSeq
                        + " (an event is missing or was inserted)");
            }
            if (!e.previousHash().equals(previous)) {
                problems.add("event " + e.sequence() + ": previous hash " + e.previousHash()
                        + " does not match the hash of the event before it " + previous);
            }
            String expected = e.expectedHash();
            if (!expected.equals(e.hash())) {
                problems.add("event " + e.sequence() + " (" + e.action() + "): stored hash " + e.hash()
                        + " does not match its content (" + expected + "): the event was altered");
            }
            previous = e.hash();
            expectedSeq = e.sequence() + 1;
        }
        return new AuditVerification(n, problems);
    }
}
