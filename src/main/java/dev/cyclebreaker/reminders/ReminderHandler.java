package dev.cyclebreaker.reminders;

import java.time.Instant;

/**
 * Delivers one due reminder. Returning normally acknowledges it; throwing leaves it leased, so
 * after the lease it is claimed again (at least once: a handler may see the same reminder twice
 * and should deduplicate by its id). A reminder the user's session no longer knows (cancelled,
 * forgotten) should be returned from normally, not thrown on: a handler that keeps throwing gets
 * the same reminder back after every lease, for ever.
 */
@FunctionalInterface
public interface ReminderHandler {

    void fire(ReminderRef ref, Instant due);
}
