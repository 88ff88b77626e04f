package dev.cyclebreaker.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Claims due reminders and hands each to the handler on the executor, then acknowledges it. Runs
 * on every instance with no coordination but the claims in the index: one daemon thread sleeps
 * until the next due time or for {@code maxInterval} (±20%), whichever is sooner, or until
 * {@link #wake()}.
 * Failures are logged and waited out; the loop never dies. A failed handler is not acknowledged,
 * so its reminder comes back when the lease runs out.
 *
 * <p>Never more than {@code batch} claims are in flight: a claim queued behind slow handlers would
 * otherwise outlive its lease and be delivered twice.
 */
public final class ReminderPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int RELEASED = 2;

    private final DueReminders index;
    private final ReminderHandler handler;
    private final Clock clock;
    private final Executor executor;
    private final PollerSettings settings;
    private final Map<Claim, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Object drained = new Object();
    private volatile boolean running;
    private volatile Thread thread;

    /** @param executor runs the handlers; owned by the caller, who shuts it down after {@link #stop()} */
    public ReminderPoller(DueReminders index, ReminderHandler handler, Clock clock, Executor executor, PollerSettings settings) {
        this.index = index;
        this.handler = handler;
        this.clock = clock;
        this.executor = executor;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "reminder-poller");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Stops claiming, waits up to {@code shutdownGrace} for handlers in flight, then releases the
     * claims they did not finish so another instance delivers them at once, not after the lease.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        running = false;
        Thread t = thread;
        LockSupport.unpark(t);
        joinLoop(t, deadline);
        awaitDrained(deadline);
        releaseUnfinished();
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop claiming before the sender and Redis go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    /** Polls now instead of at the end of the current sleep: a reminder was scheduled sooner. */
    public void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                pollOnce();
                failures = 0;
            } catch (RuntimeException e) {
                // Class name only: messages may carry hosts, keys or user ids.
                log.warn("reminder poll failed: {}; trying again", e.getClass().getSimpleName());
                park(backoff(failures++));
            }
        }
    }

    private void pollOnce() {
        int room = settings.batch() - inFlight.size();
        boolean full = false;
        if (room > 0) {
            List<Claim> claims = index.claimDue(clock.instant(), room, settings.lease());
            claims.forEach(this::dispatch);
            full = claims.size() == room;
        }
        if (!running) {
            return;
        }
        if (full) {
            return; // more may be due: poll again at once
        }
        park(sleepBeforeNextPoll());
    }

    /**
     * Exactly until the next due time when that comes before the (jittered) interval: jittering
     * a known due time would only make it late. Instances that wake together for the same
     * reminder cost one empty claim each; the claim itself is atomic.
     */
    private Duration sleepBeforeNextPoll() {
        Duration idle = jitter(settings.maxInterval());
        if (inFlight.size() >= settings.batch()) {
            return idle; // a finishing handler wakes us
        }
        Optional<Instant> next = index.nextDueAt();
        if (next.isEmpty()) {
            return idle;
        }
        Duration until = Duration.between(clock.instant(), next.get());
        if (until.isNegative()) {
            return Duration.ZERO;
        }
        return until.compareTo(idle) < 0 ? until : idle;
    }

    private void dispatch(Claim claim) {
        AtomicInteger state = new AtomicInteger(QUEUED);
        inFlight.put(claim, state);
        try {
            executor.execute(() -> deliver(claim, state));
        } catch (RejectedExecutionException e) {
            log.warn("reminder handler executor refused a reminder; giving it back");
            finished(claim);
            releaseQuietly(claim);
        }
    }

    private void deliver(Claim claim, AtomicInteger state) {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return; // released by stop() before it started
        }
        try {
            handler.fire(claim.ref(), claim.due());
            acknowledge(claim);
        } catch (RuntimeException e) {
            log.warn("reminder handler failed: {}; the reminder comes back after its lease", e.getClass().getSimpleName());
        } finally {
            finished(claim); // even on an Error: a leaked slot would shrink the batch for good
        }
    }

    private void acknowledge(Claim claim) {
        try {
            index.acknowledge(claim);
        } catch (RuntimeException e) {
            log.warn("acknowledging a delivered reminder failed: {}; it may be delivered again", e.getClass().getSimpleName());
        }
    }

    private void finished(Claim claim) {
        boolean wasFull = inFlight.size() >= settings.batch();
        inFlight.remove(claim);
        synchronized (drained) {
            drained.notifyAll();
        }
        if (wasFull) {
            wake();
        }
    }

    private void joinLoop(Thread t, long deadline) {
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                t.interrupt(); // stuck in a store call: give up on it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitDrained(long deadline) {
        synchronized (drained) {
            long left;
            while (!inFlight.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void releaseUnfinished() {
        for (Map.Entry<Claim, AtomicInteger> entry : inFlight.entrySet()) {
            entry.getValue().set(RELEASED);
            releaseQuietly(entry.getKey());
            inFlight.remove(entry.getKey());
        }
    }

    private void releaseQuietly(Claim claim) {
        try {
            index.release(claim);
        } catch (RuntimeException e) {
            log.warn("giving back an unfinished reminder failed: {}; it comes back after its lease", e.getClass().getSimpleName());
        }
    }

    private void park(Duration duration) {
        if (running && !duration.isZero()) {
            LockSupport.parkNanos(this, duration.toNanos());
        }
        Thread.interrupted(); // an interrupt from stop() only ends the sleep
    }

    private Duration backoff(int failures) {
        long millis = settings.maxInterval().toMillis() << Math.min(failures, 10);
        return jitter(Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis())));
    }

    /** ±20%, so instances started together do not poll in step. */
    static Duration jitter(Duration base) {
        long nanos = base.toNanos();
        if (nanos <= 0) {
            return Duration.ZERO;
        }
        long spread = nanos / 5;
        return Duration.ofNanos(nanos - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }
}
