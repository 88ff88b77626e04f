package dev.cyclebreaker.store;

import java.util.List;

/**
 * Every Redis key that belongs to a user, all under the hash tag {@code {u:<id>}} so they share a
 * Cluster slot (one script may touch them all). A new per-user key must be added to
 * {@link #allOf}, or /forget would leave it behind.
 *
 * <p>Flood-limit keys belong to a chat ({@code {c:<chatId>}}, groups too) or to no one ({@code
 * {flood}}); they hold counters only and expire within minutes, so /forget need not erase them.
 */
final class Keys {

    private Keys() {
    }

    static String session(long userId) {
        return prefix(userId) + "session";
    }

    static List<String> allOf(long userId) {
        return List.of(session(userId));
    }

    /** A chat's token bucket, hash fields tokens and ts. */
    static String chatFlood(long chatId) {
        return chatPrefix(chatId) + "flood";
    }

    /** Present, with a time to live, while Telegram's retry_after for the chat runs. */
    static String chatPause(long chatId) {
        return chatPrefix(chatId) + "pause";
    }

    /** The token bucket shared by every chat and instance. */
    static String globalFlood() {
        return "cb:{flood}:global";
    }

    private static String chatPrefix(long chatId) {
        return "cb:{c:" + chatId + "}:";
    }

    private static String prefix(long userId) {
        return "cb:{u:" + userId + "}:";
    }
}
