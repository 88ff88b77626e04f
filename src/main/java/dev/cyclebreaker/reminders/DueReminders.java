package dev.cyclebreaker.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The due-time index: which reminder of which user is due when, and who is delivering it now.
 * Shared by every instance; every method is atomic on its own. Methods throw {@code
 * dev.cyclebreaker.conversation.TransientFailure} when the index cannot be reached.
 */
public interface DueReminders {

    /** Adds the reminder, or moves it to the new time if it is pending already. */
    void schedule(ReminderRef ref, Instant due);

    /** Removes it whether pending or leased; a delivery in flight is not acknowledged afterwards. */
    void cancel(ReminderRef ref);

    void cancelAll(long userId, Collection<String> ids);

    /**
     * Leases up to {@code max} reminders due at or before {@code now} until {@code now + lease}:
     * first those whose lease ran out before {@code now} (their claimer died or failed), then
     * pending ones, earliest first.
     */
    List<Claim> claimDue(Instant now, int max, Duration lease);

    /** @return false when the lease is no longer this claim's (expired and reclaimed, or cancelled) */
    boolean acknowledge(Claim claim);

    /**
     * Gives an unfinished claim back: pending again at its original due time (so due at once),
     * unless it was rescheduled sooner meanwhile.
     *
     * @return false when the lease is no longer this claim's
     */
    boolean release(Claim claim);

    /** The earliest pending due time, if any. */
    Optional<Instant> nextDueAt();

    long pendingCount();

    /** Pending reminders due before {@code now} that nobody has claimed yet. */
    long lateCount(Instant now);
}
