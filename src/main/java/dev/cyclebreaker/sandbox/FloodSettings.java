package dev.cyclebreaker.sandbox;

/**
 * Token buckets for sending methods: per chat and across all chats. Telegram publishes no exact
 * numbers; about one message a second per chat and thirty a second overall is its guidance.
 */
public record FloodSettings(boolean enabled, double perChatPerSecond, int perChatBurst, double globalPerSecond,
        int globalBurst) {

    public FloodSettings {
        if (enabled && (perChatPerSecond <= 0 || globalPerSecond <= 0 || perChatBurst < 1 || globalBurst < 1)) {
            throw new IllegalArgumentException("flood rates and bursts must be positive");
        }
    }

    public static FloodSettings off() {
        return new FloodSettings(false, 1, 1, 1, 1);
    }

    public static FloodSettings telegramLike() {
        return new FloodSettings(true, 1, 3, 30, 30);
    }
}
