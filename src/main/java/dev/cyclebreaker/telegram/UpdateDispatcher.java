package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Event;
import dev.cyclebreaker.conversation.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Processes a batch of updates: users in parallel, each user's updates in order. Returns only
 * when every update's effect is committed (or the update was found to be useless), so the caller
 * may then confirm the batch to Telegram. A transient failure (Redis or Telegram away) is retried
 * with backoff; the rest of that user's updates wait behind it.
 */
public final class UpdateDispatcher {
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final Logger updates = LoggerFactory.getLogger("cyclebreaker.updates");

    private final Conversations conversations;
    private final ExecutorService workers;
    private final Backoff backoff;
    private final UserHash userHash = new UserHash(new java.security.SecureRandom());
    private final UpdateMapper mapper;
    private final MeterRegistry meters;

    /** @param meters counts updates by type and outcome ({@code cyclebreaker.updates}) and times their handling */
    public UpdateDispatcher(Conversations conversations, ExecutorService workers, Backoff backoff, Clock clock,
            MeterRegistry meters) {
        this.conversations = conversations;
        this.workers = workers;
        this.backoff = backoff;
        this.mapper = new UpdateMapper(clock);
        this.meters = meters;
    }

    private void count(String type, String outcome, long startNanos) {
        meters.counter("cyclebreaker.updates", "type", type, "outcome", outcome).increment();
        meters.timer("cyclebreaker.update.handling", "type", type).record(System.nanoTime() - startNanos,
                java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * @param running checked between retries: when it turns false the dispatcher gives up and
     *     throws {@link Stopped}, leaving the unconfirmed updates for redelivery
     */
    public void process(List<Update> batch, BooleanSupplier running) {
        Map<Long, List<Update>> byUser = new LinkedHashMap<>();
        for (Update u : batch) {
            byUser.computeIfAbsent(UpdateMapper.userOf(u), k -> new ArrayList<>()).add(u);
        }
        List<CompletableFuture<Void>> jobs = new ArrayList<>(byUser.size());
        for (List<Update> ofOneUser : byUser.values()) {
            jobs.add(CompletableFuture.runAsync(() -> ofOneUser.forEach(u -> processOne(u, running)), workers));
        }
        try {
            CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Stopped s) {
                throw s;
            }
            throw e;
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
