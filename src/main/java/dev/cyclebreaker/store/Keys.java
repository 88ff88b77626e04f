package dev.cyclebreaker.store;

import java.util.List;

/**
 * Every Redis key that belongs to a user, all under the hash tag {@code {u:<id>}} so they share a
 * Cluster slot (one script may touch them all). A new per-user key must be added to
 * {@link #allOf}, or /forget would leave it behind. The reminder due index is shared, sharded by
 * its own hash tag ({@link #dueShard}).
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

    /**
     * One shard of the reminder due index, under the hash tag {@code {due:<n>}}: not per user, so
     * /forget cancels a user's reminders through the index instead of deleting keys.
     */
    record DueShard(String pending, String leased, String dues) {
        String[] all() {
            return new String[] {pending, leased, dues};
        }
    }

    static DueShard dueShard(int shard) {
        String prefix = "cb:{due:" + shard + "}:";
        return new DueShard(prefix + "pending", prefix + "leased", prefix + "dues");
    }

    private static String prefix(long userId) {
        return "cb:{u:" + userId + "}:";
    }
}
