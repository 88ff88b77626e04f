package dev.cyclebreaker.telegram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The polling loop's bookkeeping: which received updates are in progress, which finished since
 * their receipts were last written, and how far Telegram may forget (everything up to the highest
 * update received, once its receipt is written). Thread-safe: the poll thread accepts, the
 * workers finish.
 */
final class InFlight {
    private final Set<Integer> inProgress = new HashSet<>();
    private List<Integer> finishedUnforgotten = new ArrayList<>();
    private int highest = -1;
    private long finished;

    /**
     * Whether a polled update is not already in progress here. Polls ask from {@link #offset()}, so
     * Telegram brings nothing older, except an update id it chose anew after a week without updates,
     * which may be lower than ours (and is new all the same).
     */
    synchronized boolean isNew(int updateId) {
        return !inProgress.contains(updateId);
    }

    /** The update's receipt is written: it is in progress, and the next poll confirms it. */
    synchronized void accept(int updateId) {
        inProgress.add(updateId);
        highest = Math.max(highest, updateId);
    }

    /** What the next getUpdates asks from: everything below is recorded, so Telegram may forget it. */
    synchronized int offset() {
        return highest + 1;
    }

    /** The update's effect is committed (or it was found useless): its receipt may go. */
    synchronized void done(int updateId) {
        if (!inProgress.remove(updateId)) {
            return;
        }
        finishedUnforgotten.add(updateId);
        finished++;
        notifyAll();
    }

    /** The finished updates whose receipts are still written; the caller forgets them or gives them back. */
    synchronized List<Integer> takeFinished() {
        List<Integer> taken = finishedUnforgotten;
        finishedUnforgotten = new ArrayList<>();
        return taken;
    }

    /** Forgetting failed: keep them for the next write. */
    synchronized void giveBack(List<Integer> ids) {
        finishedUnforgotten.addAll(ids);
    }

    synchronized boolean hasFinished() {
        return !finishedUnforgotten.isEmpty();
    }

    synchronized int inProgress() {
        return inProgress.size();
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
