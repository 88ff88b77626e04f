package dev.cyclebreaker.bench;

import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.FloodSettings;
import dev.cyclebreaker.store.RedisFloodGate;
import dev.cyclebreaker.telegram.ChatStatusListener;
import dev.cyclebreaker.telegram.FloodLimits;
import dev.cyclebreaker.telegram.TelegramEndpoint;
import dev.cyclebreaker.telegram.TelegramOutbox;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a burst of messages, one per effect list, from many worker threads through the real
 * {@link TelegramOutbox}, the real telegrambots HTTP client and a {@link RedisFloodGate}, to the
 * fake Bot API enforcing flood limits in real time; reports the rate it drained at and the 429s.
 */
public final class FloodDrain implements AutoCloseable {
    static final String TOKEN = "123456:FLOOD-bench";

    public final FakeTelegram telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
    private final FakeBotApiServer server;
    private final TelegramEndpoint endpoint;
    private final FloodLimits limits;
    private final TelegramOutbox outbox;
    private final int chats;

    /** What one drain measured. */
    public record Result(int messages, int delivered, Duration took, double configuredPerSecond, int tooManyRequests,
            int failures) {
        public double perSecond() {
            return delivered / (took.toNanos() / 1e9);
        }

        public double shareOfConfigured() {
            return perSecond() / configuredPerSecond;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d messages in %.1f s: %.1f messages/s, %.1f%% of the configured %.0f/s,"
                    + " %d x 429, %d failed", delivered, took.toNanos() / 1e9, perSecond(), 100 * shareOfConfigured(),
                    configuredPerSecond, tooManyRequests, failures);
        }
    }

    public FloodDrain(StatefulRedisConnection<String, byte[]> redis, FloodSettings fakeLimits, FloodLimits limits,
            int chats, ChatStatusListener listener) throws IOException {
        this.limits = limits;
        this.chats = chats;
        telegram.flood(fakeLimits);
        for (int i = 1; i <= chats; i++) {
            telegram.createUser(i, "User " + i, "en");
        }
        server = FakeBotApiServer.start(telegram, 0);
        endpoint = new TelegramEndpoint(TOKEN, server.baseUri(), 64);
        outbox = new TelegramOutbox(endpoint.sendClient(), new RedisFloodGate(redis, limits, Clock.systemUTC()),
                listener);
    }

    public TelegramOutbox outbox() {
        return outbox;
    }

    /** Message i goes to chat {@code 1 + i % chats}, so chats take turns. */
    public Result drain(int messages, int workers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger failures = new AtomicInteger();
        int before = telegram.tooManyRequestsCount();
        long start = System.nanoTime();
        try {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < messages; i++) {
                long chat = 1 + i % chats;
                Effect send = new Effect.Send(chat, Message.text("message " + i));
                sent.add(pool.submit(() -> {
                    try {
                        outbox.deliver(List.of(send));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.incrementAndGet();
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int delivered = (int) telegram.calls("sendMessage").stream().filter(c -> c.ok()).count();
        return new Result(messages, delivered, took, limits.globalPerSecond(),
                telegram.tooManyRequestsCount() - before, failures.get());
    }

    @Override
    public void close() {
        endpoint.close();
        server.close();
    }
}
