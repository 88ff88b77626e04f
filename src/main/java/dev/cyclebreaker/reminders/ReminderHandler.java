package dev.cyclebreaker.reminders;

import java.time.Instant;

/**
 * Delivers one due reminder. Returning normally acknowledges it; throwing leaves it leased, so
 * after the lease it is claimed again (at least once: a handler may see the same reminder twice
 * and should deduplicate by its id).
 */
@FunctionalInterface
public interface ReminderHandler {

    void fire(ReminderRef ref, Instant due);
}
