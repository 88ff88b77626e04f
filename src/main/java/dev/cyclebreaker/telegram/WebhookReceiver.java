package dev.cyclebreaker.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode's way in: checks Telegram's secret in constant time, reads at most {@link #MAX_BODY}
 * bytes, parses the Update with Jackson 2 (the library's types are Jackson-2-annotated) and runs it
 * through {@link UpdateDispatcher#processOne}, one update of a user at a time. Answers 200 only
 * once the effect is committed; when Redis or Telegram is away it answers 503 before Telegram's
 * patience runs out, and Telegram delivers the update again (a replay is harmless, the store
 * dedups by update_id).
 *
 * <p>Free of servlet types: the route in {@code config} hands in the header and the body stream.
 */
public final class WebhookReceiver implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    public static final int MAX_BODY = 1024 * 1024;
    /** Locks for users hashed into stripes: one user's updates never run side by side. */
    private static final int STRIPES = 1024;

    private final byte[] secret;
    private final UpdateDispatcher dispatcher;
    private final Duration patience;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private volatile boolean running;

    /**
     * @param patience how long one request may wait for its user's turn and retry transient
     *     failures before answering 503; well below Telegram's own timeout
     */
    public WebhookReceiver(String secret, UpdateDispatcher dispatcher, Duration patience) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.dispatcher = dispatcher;
        this.patience = patience;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true); // fair: a user's updates go in the order they arrived
        }
    }

    /** What to answer: an HTTP status and a short reason (never the body, never the secret). */
    public record Answer(int status, String reason) {
        static final Answer OK = new Answer(200, "ok");
    }

    /**
     * @param secretHeader the {@code X-Telegram-Bot-Api-Secret-Token} header, or null
     * @param contentLength the declared length, or -1
     */
    public Answer receive(String secretHeader, long contentLength, InputStream body) {
        if (secretHeader == null
                || !MessageDigest.isEqual(secret, secretHeader.getBytes(StandardCharsets.UTF_8))) {
            return new Answer(401, "wrong or missing secret token");
        }
        if (contentLength > MAX_BODY) {
            return new Answer(413, "body larger than " + MAX_BODY + " bytes");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            return new Answer(400, "body could not be read");
        }
        if (bytes.length > MAX_BODY) {
            return new Answer(413, "body larger than " + MAX_BODY + " bytes");
        }
        Update update;
        try {
            update = parse(bytes);
        } catch (NotAnUpdate e) {
            return new Answer(400, e.getMessage());
        }
        if (!running) {
            return new Answer(503, "shutting down");
        }
        return process(update);
    }

    private Update parse(byte[] bytes) {
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new NotAnUpdate("not a JSON object");
            }
            JsonNode id = tree.get("update_id");
            if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
                throw new NotAnUpdate("not an Update: no update_id");
            }
            return json.treeToValue(tree, Update.class);
        } catch (JsonProcessingException e) {
            throw new NotAnUpdate("not an Update: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            throw new NotAnUpdate("not JSON");
        }
    }

    private Answer process(Update update) {
        long deadline = System.nanoTime() + patience.toNanos();
        ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(UpdateMapper.userOf(update)), STRIPES)];
        try {
            if (!lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Answer(503, "the user's earlier update is still being processed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "interrupted");
        }
        try {
            dispatcher.processOne(update, () -> running && System.nanoTime() < deadline);
            return Answer.OK;
        } catch (UpdateDispatcher.Stopped e) {
            log.warn("update {} not committed within {} ms; answered 503 for Telegram to deliver it again",
                    update.getUpdateId(), patience.toMillis());
            return new Answer(503, "not committed yet; deliver again");
        } finally {
            lock.unlock();
        }
    }

    private static final class NotAnUpdate extends RuntimeException {
        NotAnUpdate(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Before the web server's graceful shutdown (a higher phase stops first): from here on new
     * posts get 503 and a request waiting out a Redis or Telegram outage gives up, so the
     * graceful shutdown only waits for updates that are actually being applied.
     */
    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 300;
    }
}
