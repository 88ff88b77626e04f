package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * getUpdates as Telegram serves it: an update stays queued and is delivered again until a later
 * call's offset is above its id; a call waits up to its timeout for the first update; a newer call
 * ends a waiting one with 409. Has its own lock so a long poll never blocks the rest of the fake.
 */
final class UpdateQueue {
    static final String CONFLICT =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final LinkedList<Entry> queue = new LinkedList<>();
    private final Map<Long, ObjectNode> history = new HashMap<>();
    private long nextId = 1;
    private long generation;
    private int waiting;

    /** Thrown to a waiting poll that a newer poll has replaced. */
    static final class ConflictException extends Exception {
        ConflictException() {
            super(CONFLICT);
        }
    }

    long add(ObjectNode update) {
        lock.lock();
        try {
            long id;
            if (update.hasNonNull("update_id")) {
                id = update.get("update_id").asLong();
                nextId = Math.max(nextId, id + 1);
            } else {
                id = nextId++;
                update.put("update_id", id);
            }
            history.put(id, update);
            queue.add(new Entry(id, update, false));
            arrived.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** The id of the update enqueued last; 0 when none was. */
    long lastId() {
        lock.lock();
        try {
            return nextId - 1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts an update delivered before back at the head of the queue, as a crash-and-retry would,
     * and delivers it even if the bot's offset already confirmed it.
     */
    void redeliver(long updateId) {
        lock.lock();
        try {
            ObjectNode update = history.get(updateId);
            if (update == null) {
                throw new IllegalArgumentException("no update " + updateId + " was ever enqueued");
            }
            queue.addFirst(new Entry(updateId, update.deepCopy(), true));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<ObjectNode> poll(long offset, int limit, Duration timeout, Set<String> allowed) throws ConflictException {
        lock.lock();
        try {
            long mine = ++generation;
            arrived.signalAll();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (mine != generation) {
                    throw new ConflictException();
                }
                confirm(offset);
                List<ObjectNode> batch = select(limit, allowed);
                long remaining = deadline - System.nanoTime();
                if (!batch.isEmpty() || remaining <= 0) {
                    return batch;
                }
                waiting++;
                try {
                    arrived.awaitNanos(remaining);
                } finally {
                    waiting--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void confirm(long offset) {
        if (offset < 0) {
            while (queue.size() > -offset) {
                queue.removeFirst();
            }
            return;
        }
        queue.removeIf(e -> e.id < offset && (!e.forced || e.delivered));
    }

    private List<ObjectNode> select(int limit, Set<String> allowed) {
        List<ObjectNode> batch = new ArrayList<>();
        for (Iterator<Entry> it = queue.iterator(); it.hasNext() && batch.size() < limit; ) {
            Entry e = it.next();
            if (allowed.isEmpty() || allowed.stream().anyMatch(e.update::has)) {
                e.delivered = true;
                batch.add(e.update);
            }
        }
        return batch;
    }

    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the queued updates that match, oldest first: what Telegram posts to a webhook. */
    List<ObjectNode> drain(java.util.function.Predicate<ObjectNode> matching) {
        lock.lock();
        try {
            List<ObjectNode> taken = new ArrayList<>();
            for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (matching.test(e.update)) {
                    taken.add(e.update);
                    it.remove();
                }
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    private static final class Entry {
        final long id;
        final ObjectNode update;
        final boolean forced;
        boolean delivered;

        Entry(long id, ObjectNode update, boolean forced) {
            this.id = id;
            this.update = update;
            this.forced = forced;
        }
    }
}
