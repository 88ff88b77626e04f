package dev.cyclebreaker.store;

import java.util.List;

/**
 * Every Redis key that belongs to a user, all under the hash tag {@code {u:<id>}} so they share a
 * Cluster slot (one script may touch them all). A new per-user key must be added to
 * {@link #allOf}, or /forget would leave it behind.
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

    private static String prefix(long userId) {
        return "cb:{u:" + userId + "}:";
    }
}
