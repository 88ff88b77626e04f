package dev.cyclebreaker.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.conversation.TransientFailure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Our own {@code getUpdates} loop. Every update polled is first recorded in {@link UpdateReceipts}
 * and only then confirmed to Telegram (by the next poll's offset), so nothing is lost: an update a
 * crash cut short is in its receipt, and the next process starts with those. Receipts of finished
 * updates are forgotten in the same write as the next new ones.
 *
 * <p>Confirming at once, rather than when committed, is what lets many updates be in progress:
 * Telegram shows at most 100 past the offset, so holding the offset at the oldest unfinished update
 * capped the work in progress at 100 and stalled it behind the slowest. The loop still bounds what
 * it takes on ({@code maxInFlight}): the rest waits at Telegram, not in our queues.
 *
 * <p>Runs on its own client so that stopping can cancel a long poll without touching sends.
 */
public final class PollingLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);
    /** As for the webhook ({@link TelegramEndpoint#WEBHOOK_UPDATES}): my_chat_member tells us the bot left a group. */
    static final List<String> ALLOWED_UPDATES = TelegramEndpoint.WEBHOOK_UPDATES;
    private static final int BATCH = 100;
    /** While receipts of finished updates wait to be forgotten, a poll waits at most this long for new ones. */
    private static final int BUSY_POLL_SECONDS = 1;

    private final Source source;
    private final Runnable cancelPoll;
    private final UpdateDispatcher dispatcher;
    private final UpdateReceipts receipts;
    private final int pollTimeoutSeconds;
    private final int maxInFlight;
    private final UpdateDispatcher.Backoff backoff;
    /** Reads receipts left by an earlier process; new updates come read, with their JSON. */
    private final ObjectMapper json = new ObjectMapper();
    private final InFlight inFlight = new InFlight();
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param source getUpdates on a client of its own
     * @param cancelPoll aborts a long poll in flight (closing the source's calls)
     * @param maxInFlight how many updates may be in progress at once; more wait at Telegram
     */
    public PollingLoop(Source source, Runnable cancelPoll, UpdateDispatcher dispatcher,
            UpdateReceipts receipts, int pollTimeoutSeconds, int maxInFlight, UpdateDispatcher.Backoff backoff) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
        }
        this.source = source;
        this.cancelPoll = cancelPoll;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.maxInFlight = maxInFlight;
        this.backoff = backoff;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "telegram-poll");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        cancelPoll.run();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop polling before anything it needs (Redis, senders) goes away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        resumeUnfinished();
        int failures = 0;
        while (running) {
            int holding = inFlight.inProgress();
            if (holding >= maxInFlight) {
                awaitProgress();
                continue;
            }
            List<ReceivedUpdate> batch;
            try {
                // Long polls only when there is nothing to forget: a finished receipt waits for the next write.
                boolean idle = holding == 0 && !inFlight.hasFinished();
                batch = source.getUpdates(GetUpdates.builder().offset(inFlight.offset())
                        .limit(Math.min(BATCH, maxInFlight - holding))
                        .timeout(idle ? pollTimeoutSeconds : Math.min(pollTimeoutSeconds, BUSY_POLL_SECONDS))
                        .allowedUpdates(ALLOWED_UPDATES).build());
            } catch (TelegramApiException e) {
                if (!running) {
                    break;
                }
                logPollFailure(e);
                backoff.pause(failures++);
                continue;
            }
            SortedMap<Integer, ReceivedUpdate> fresh = new TreeMap<>();
            for (ReceivedUpdate u : batch) {
                if (inFlight.isNew(u.id())) {
                    fresh.put(u.id(), u);
                }
            }
            if (!record(fresh)) {
                // Not recorded, so not confirmed: Telegram hands the same updates to the next poll.
                backoff.pause(failures++);
                continue;
            }
            failures = 0;
            for (ReceivedUpdate u : fresh.values()) {
                inFlight.accept(u.id());
                dispatcher.submit(u.update(), () -> running, inFlight::done);
            }
        }
        try {
            // Let updates in progress finish (a failing one gives up now that we stop: its receipt stays).
            dispatcher.awaitIdle(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record(new TreeMap<>());
        confirm();
    }

    /** Writes the receipts of {@code fresh} and forgets the finished; false when the store is away. */
    private boolean record(SortedMap<Integer, ReceivedUpdate> fresh) {
        List<Integer> finished = inFlight.takeFinished();
        if (fresh.isEmpty() && finished.isEmpty()) {
            return true;
        }
        SortedMap<Integer, byte[]> received = new TreeMap<>();
        fresh.forEach((id, u) -> received.put(id, u.json()));
        try {
            receipts.record(received, finished);
            return true;
        } catch (TransientFailure e) {
            inFlight.giveBack(finished);
            log.warn("received updates not recorded ({}): not confirming them, they will come again", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // A bug or a store in a state we did not expect: keep the loop alive, lose nothing, say it loudly.
            inFlight.giveBack(finished);
            log.error("received updates not recorded: not confirming them, they will come again", e);
            return false;
        }
    }

    /** Before polling: the updates a previous process received and did not finish. */
    private void resumeUnfinished() {
        for (int attempt = 0; running; attempt++) {
            SortedMap<Integer, byte[]> left;
            try {
                left = receipts.unfinished();
            } catch (TransientFailure e) {
                log.warn("unfinished updates not loaded yet ({}): will retry", e.getMessage());
                backoff.pause(attempt);
                continue;
            } catch (RuntimeException e) {
                log.error("unfinished updates could not be loaded: will retry", e);
                backoff.pause(attempt);
                continue;
            }
            if (!left.isEmpty()) {
                log.info("{} updates received before the last stop were not finished: processing them first", left.size());
            }
            for (Map.Entry<Integer, byte[]> e : left.entrySet()) {
                inFlight.accept(e.getKey());
                Update u;
                try {
                    u = json.readValue(e.getValue(), Update.class);
                } catch (IOException ex) {
                    log.error("update {} left unfinished cannot be read by this build; dropping it", e.getKey());
                    inFlight.done(e.getKey());
                    continue;
                }
                dispatcher.submit(u, () -> running, inFlight::done);
            }
            return;
        }
    }

    private void awaitProgress() {
        try {
            inFlight.awaitFinished(inFlight.finished(), 1, 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Telegram learns of the new offset only from the next getUpdates: tell it before leaving. */
    private void confirm() {
        int offset = inFlight.offset();
        if (offset == 0) {
            return;
        }
        try {
            source.getUpdates(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
        } catch (TelegramApiException e) {
            log.info("could not confirm the last updates on shutdown; their receipts are written, so they are not lost");
        }
    }

    /** getUpdates, answered with the updates read and their JSON as sent. */
    @FunctionalInterface
    public interface Source {
        List<ReceivedUpdate> getUpdates(GetUpdates request) throws TelegramApiException;
    }

    private void logPollFailure(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
            if (r.getErrorCode() == 409) {
                log.warn("getUpdates conflict (409): another instance is polling, or a webhook is set");
            } else {
                log.warn("getUpdates refused: {}", r.getErrorCode());
            }
        } else {
            log.warn("getUpdates failed: {}", e.getClass().getSimpleName());
        }
    }
}
