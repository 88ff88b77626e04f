package dev.cyclebreaker.store;

import java.util.List;

/**
 * Every Redis key that belongs to a user, all under the hash tag {@code {u:<id>}} so they share a
 * Cluster slot (one script may touch them all). A new per-user key must be added to
 * {@link #allOf}, or /forget would leave it behind. The reminder due index is shared, sharded by
 * its own hash tag ({@link #dueShard}).
 *
 * <p>Flood-limit keys belong to a chat: a group's under {@code {c:<chatId>}}, a private chat's under
 * its user's tag (the chat's id is the user's), so that the session's commit script may take the
 * chat's first token in the same call. The global bucket belongs to no one ({@code {flood}}). They
 * hold counters only and expire within minutes; /forget erases a user's too ({@link #chatKeysOf}).
 */
final class Keys {

    private Keys() {
    }

    static String session(long userId) {
        return prefix(userId) + "session";
    }

    /** The tokens of the user's result links (a set), so /forget can delete the links themselves. */
    static String shares(long userId) {
        return prefix(userId) + "shares";
    }

    /** The token of the user's inline-mode link (a string), reused while it shows their current result. */
    static String inlineShare(long userId) {
        return prefix(userId) + "inline";
    }

    static List<String> allOf(long userId) {
        return List.of(session(userId), shares(userId), inlineShare(userId));
    }

    /**
     * One published result link, a hash under its own hash tag {@code {s:<token>}}: not under the user's, as
     * it is looked up by token alone. Listed in {@link #shares}; /forget deletes each, one DEL per slot.
     */
    static String share(String token) {
        return "cb:{s:" + token + "}:share";
    }

    /**
     * A group the bot answered in (a hash: title, generation), under its own hash tag {@code {g:<groupId>}}: it
     * belongs to no user. Deleted when the bot is removed from the group or refused there.
     */
    static String group(long groupId) {
        return "cb:{g:" + groupId + "}:group";
    }

    /** One invite link from a group (a string: {@code <groupId>:<generation>}), under {@code {gi:<token>}}. */
    static String groupInvite(String token) {
        return "cb:{gi:" + token + "}:invite";
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

    /** A chat's token bucket, hash fields tokens and ts. */
    static String chatFlood(long chatId) {
        return chatPrefix(chatId) + "flood";
    }

    /** Present, with a time to live, while Telegram's retry_after for the chat runs. */
    static String chatPause(long chatId) {
        return chatPrefix(chatId) + "pause";
    }

    /**
     * Updates taken from getUpdates and not yet finished (a hash: update id to the update's JSON),
     * under its own hash tag: there is one poller at a time.
     */
    static String receivedUpdates() {
        return "cb:{updates}:received";
    }

    /** The token bucket shared by every chat and instance. */
    static String globalFlood() {
        return "cb:{flood}:global";
    }

    private static String chatPrefix(long chatId) {
        return chatId > 0 ? prefix(chatId) : "cb:{c:" + chatId + "}:";
    }

    /** The keys of the user's private chat (same id), in their own slot. */
    static List<String> chatKeysOf(long userId) {
        return List.of(chatFlood(userId), chatPause(userId));
    }

    private static String prefix(long userId) {
        return "cb:{u:" + userId + "}:";
    }
}
