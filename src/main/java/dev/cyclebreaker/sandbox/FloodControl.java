package dev.cyclebreaker.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Token buckets over the injected clock; not thread-safe, the caller holds the fake's lock. */
final class FloodControl {
    private final Clock clock;
    private final FloodSettings settings;
    private final Bucket global;
    private final Map<Long, Bucket> perChat = new HashMap<>();

    FloodControl(Clock clock, FloodSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.global = new Bucket(settings.globalBurst(), settings.globalPerSecond(), clock.instant());
    }

    /** 0 when the call may go through (and is counted), else the seconds to wait, as Telegram rounds them: up. */
    int acquire(Long chatId) {
        if (!settings.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        Bucket chat = chatId == null ? null : perChat.computeIfAbsent(chatId,
                id -> new Bucket(settings.perChatBurst(), settings.perChatPerSecond(), now));
        double wait = Math.max(global.waitSeconds(now), chat == null ? 0 : chat.waitSeconds(now));
        if (wait > 0) {
            return (int) Math.max(1, Math.ceil(wait));
        }
        global.take();
        if (chat != null) {
            chat.take();
        }
        return 0;
    }

    private static final class Bucket {
        private final int capacity;
        private final double perSecond;
        private double tokens;
        private Instant refilled;

        Bucket(int capacity, double perSecond, Instant now) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.refilled = now;
        }

        double waitSeconds(Instant now) {
            double elapsed = Math.max(0, (now.toEpochMilli() - refilled.toEpochMilli()) / 1000.0);
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            refilled = now;
            return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
        }

        void take() {
            tokens -= 1;
        }
    }
}
