package dev.cyclebreaker.store;

/**
 * Global flood tokens this JVM reserved from Redis in one call and spends locally, so that most
 * sends cost no global round trip. A lease lives for a short window: a token reserved at t and
 * spent at t + window looks to Telegram like a send delayed by up to the window, which the spare
 * global burst absorbs (see {@code FloodLimits}); unspent tokens are dropped when it ends.
 *
 * <p>The next reservation asks for twice what the last lease used when it was used up, else for
 * what it used: busy instances take batches, idle ones single tokens, and tokens wasted by leases
 * that run out stay few. Redis grants a batch whole or not at all, so a saturated instance waits
 * for a batch rather than asking for every token. Thread-safe; pure (time is passed in), so tests
 * need no Redis.
 */
final class GlobalLease {

    /** One token taken from a lease; given back only to the lease it came from. */
    record Token(long generation) {
    }

    private final long windowMillis;
    private final int maxBatch;
    private long generation;
    private int granted;
    private int remaining;
    private long expiresAt = Long.MIN_VALUE;
    /** Until then the global bucket is known to be empty: no one asks Redis. */
    private long emptyUntil = Long.MIN_VALUE;

    GlobalLease(long windowMillis, int maxBatch) {
        if (windowMillis < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a lease needs a window and a batch of at least 1, got "
                    + windowMillis + " ms and " + maxBatch);
        }
        this.windowMillis = windowMillis;
        this.maxBatch = maxBatch;
    }

    /** A token from the current lease, or null when it is spent or over. */
    synchronized Token take(long now) {
        if (now >= expiresAt || remaining == 0) {
            return null;
        }
        remaining--;
        return new Token(generation);
    }

    /** The chat could not send after all: the token goes back if its lease still runs. */
    synchronized void giveBack(Token token, long now) {
        if (token.generation() == generation && now < expiresAt) {
            remaining++;
        }
    }

    /** How many tokens to ask Redis for next. */
    synchronized int nextBatch() {
        int used = granted - remaining;
        int wanted = remaining == 0 ? 2 * granted : used;
        return Math.max(1, Math.min(maxBatch, wanted));
    }

    /** Starts a new lease of {@code count} tokens and takes one of them for the caller. */
    synchronized Token fill(int count, long now) {
        if (count < 1) {
            throw new IllegalArgumentException("a lease holds at least one token, got " + count);
        }
        generation++;
        granted = count;
        remaining = count - 1;
        expiresAt = now + windowMillis;
        return new Token(generation);
    }

    /** Redis said the global bucket is empty for {@code waitMillis}. */
    synchronized void empty(long waitMillis, long now) {
        emptyUntil = Math.max(emptyUntil, now + waitMillis);
    }

    /** How long the global bucket is still known to be empty; 0 when it may have tokens. */
    synchronized long emptyFor(long now) {
        return emptyUntil > now ? emptyUntil - now : 0;
    }
}
