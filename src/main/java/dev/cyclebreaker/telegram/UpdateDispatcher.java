package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Event;
import dev.cyclebreaker.conversation.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Processes updates: users in parallel, each user's updates in order, and says when each one's
 * effect is committed (or the update was found to be useless), so the caller may then confirm it
 * to Telegram. A transient failure (Redis or Telegram away) is retried with backoff; the rest of
 * that user's updates wait behind it, other users' do not.
 */
public final class UpdateDispatcher {
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final Logger updates = LoggerFactory.getLogger("cyclebreaker.updates");

    private final Conversations conversations;
    private final ExecutorService workers;
    private final Backoff backoff;
    private final UserHash userHash = new UserHash(new java.security.SecureRandom());
    private final UpdateMapper mapper;
    /** Each user's updates waiting or in progress, oldest first; a user has a lane while a worker drains it. */
    private final Map<Long, ArrayDeque<Update>> lanes = new HashMap<>();
    private final MeterRegistry meters;

    /** @param meters counts updates by type and outcome ({@code cyclebreaker.updates}) and times their handling */
    public UpdateDispatcher(Conversations conversations, ExecutorService workers, Backoff backoff, Clock clock,
            MeterRegistry meters) {
        this(conversations, workers, backoff, clock, meters, null);
    }

    /** @param bot this bot, to answer the commands addressed to it in groups; null: groups are ignored */
    public UpdateDispatcher(Conversations conversations, ExecutorService workers, Backoff backoff, Clock clock,
            MeterRegistry meters, dev.cyclebreaker.conversation.BotIdentity bot) {
        this.conversations = conversations;
        this.workers = workers;
        this.backoff = backoff;
        this.mapper = new UpdateMapper(clock, bot);
        this.meters = meters;
    }

    private void count(String type, String outcome, long startNanos) {
        meters.counter("cyclebreaker.updates", "type", type, "outcome", outcome).increment();
        meters.timer("cyclebreaker.update.handling", "type", type).record(System.nanoTime() - startNanos,
                java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Queues the update behind the same user's earlier ones and returns at once: users run in
     * parallel, each user's updates in order. {@code done} hears each update's id once its effect
     * is committed (or it was found useless); an update interrupted by shutdown is never reported,
     * so it stays unconfirmed and comes again.
     *
     * @param running checked between retries: when it turns false a failing update is given up
     */
    public void submit(Update u, BooleanSupplier running, IntConsumer done) {
        long user = UpdateMapper.userOf(u);
        synchronized (lanes) {
            ArrayDeque<Update> lane = lanes.get(user);
            if (lane != null) {
                lane.add(u);
                return;
            }
            lane = new ArrayDeque<>();
            lane.add(u);
            lanes.put(user, lane);
        }
        workers.execute(() -> drain(user, running, done));
    }

    /** Waits up to {@code millis} for every queued update to finish; true when none is left. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (lanes) {
            while (!lanes.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                lanes.wait(left);
            }
            return true;
        }
    }

    private void drain(long user, BooleanSupplier running, IntConsumer done) {
        while (true) {
            Update u;
            synchronized (lanes) {
                u = lanes.get(user).peek();
            }
            try {
                processOne(u, running);
            } catch (Stopped s) {
                leave(user);
                return;
            } catch (RuntimeException | Error e) {
                // processOne apologises for bugs itself; this is worse. Do not let one update hold the offset forever.
                log.error("update {} could not be processed", u.getUpdateId(), e);
            }
            done.accept(u.getUpdateId());
            synchronized (lanes) {
                ArrayDeque<Update> lane = lanes.get(user);
                lane.poll();
                if (lane.isEmpty()) {
                    lanes.remove(user);
                    lanes.notifyAll();
                    return;
                }
            }
        }
    }

    private void leave(long user) {
        synchronized (lanes) {
            lanes.remove(user);
            lanes.notifyAll();
        }
    }

    /** Processes one update now, retrying transient failures until done or stopped. */
    public void processOne(Update u, BooleanSupplier running) {
        Optional<Event> event = mapper.map(u);
        if (event.isEmpty()) {
            meters.counter("cyclebreaker.updates", "type", "Ignored", "outcome", "IGNORED").increment();
            return;
        }
        String type = event.get().getClass().getSimpleName();
        for (int attempt = 0; ; attempt++) {
            long start = System.nanoTime();
            try {
                Conversations.Outcome outcome = conversations.handle(event.get());
                count(type, outcome.name(), start);
                if (updates.isInfoEnabled()) {
                    // Who (a pseudonym), what kind, what happened, how long: never the text.
                    updates.info("update {} user={} type={} outcome={} ms={}", u.getUpdateId(),
                            userHash.of(event.get().origin().userId()), event.get().getClass().getSimpleName(), outcome,
                            String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
                }
                return;
            } catch (TransientFailure e) {
                meters.counter("cyclebreaker.updates", "type", type, "outcome", "TRANSIENT_FAILURE").increment();
                if (!running.getAsBoolean()) {
                    throw new Stopped();
                }
                log.warn("update {} not processed yet ({}), attempt {}: will retry", u.getUpdateId(), e.getMessage(), attempt + 1);
                backoff.pause(attempt);
            } catch (RuntimeException e) {
                // A bug, not an outage: retrying would fail the same way. Apologise and move on.
                count(type, "ERROR", start);
                log.error("update {} ({}) failed", u.getUpdateId(), type, e);
                conversations.apologise(event.get());
                return;
            }
        }
    }

    /** Thrown when shutdown interrupts a retry: the batch must not be confirmed. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped before the batch was committed", null, false, false);
        }
    }

    /** Waits between retries; a seam for tests. */
    @FunctionalInterface
    public interface Backoff {
        void pause(int attempt);

        /** 0.5 s, 1 s, 2 s ... capped at 30 s, with jitter so instances do not retry in step. */
        static Backoff exponential() {
            return attempt -> {
                long base = Math.min(30_000L, 500L << Math.min(attempt, 6));
                long jitter = java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 4 + 1);
                try {
                    Thread.sleep(base - base / 8 + jitter);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }
}
