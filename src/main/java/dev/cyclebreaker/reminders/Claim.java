package dev.cyclebreaker.reminders;

import java.time.Instant;

/**
 * A due reminder leased to one claimer until {@code leaseUntilMillis}. The lease end doubles as
 * the claim's token: a reclaim always sets a later one, so an acknowledgement that arrives after
 * its lease was taken over no longer matches and changes nothing.
 */
public record Claim(ReminderRef ref, Instant due, long leaseUntilMillis) {

    public Claim {
        if (ref == null || due == null) {
            throw new IllegalArgumentException("a claim needs a reminder and its due time");
        }
    }
}
