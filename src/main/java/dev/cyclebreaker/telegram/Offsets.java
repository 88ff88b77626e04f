package dev.cyclebreaker.telegram;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which updates are in flight, and so how far Telegram may forget: the {@code getUpdates} offset
 * is the oldest update not yet committed. Later updates may finish first (another user's); they
 * are remembered as done until the offset passes them, so a poll that brings them again skips them.
 * Thread-safe: the poll thread accepts, the workers finish.
 */
final class Offsets {
    private final TreeSet<Integer> inFlight = new TreeSet<>();
    private final Set<Integer> doneAhead = new HashSet<>();
    private int offset;
    private int highest = -1;
    private long finished;

    /**
     * @return true when the update is now in flight; false for one we hold, did, or confirmed. A
     *     poll sent before an update finished may still bring it back after the offset passed it:
     *     that one is done, not a new delivery. (After a crash the offset starts again at 0, and a
     *     replay reaches the store, which recognises it.)
     */
    synchronized boolean accept(int updateId) {
        if (updateId < offset || inFlight.contains(updateId) || doneAhead.contains(updateId)) {
            return false;
        }
        inFlight.add(updateId);
        highest = Math.max(highest, updateId);
        return true;
    }

    /** The update's effect is committed (or it was found useless): it may be confirmed. */
    synchronized void done(int updateId) {
        if (!inFlight.remove(updateId)) {
            return;
        }
        doneAhead.add(updateId);
        int next = inFlight.isEmpty() ? highest + 1 : inFlight.first();
        if (next > offset) {
            offset = next;
            doneAhead.removeIf(id -> id < next);
        }
        finished++;
        notifyAll();
    }

    /** What the next getUpdates confirms: everything below this is committed. */
    synchronized int offset() {
        return offset;
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    synchronized long finished() {
        return finished;
    }

    /** Waits until {@code count} updates have finished since {@code since}, or the time is up. */
    synchronized void awaitFinished(long since, long count, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (finished - since < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
