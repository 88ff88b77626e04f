package dev.cyclebreaker.telegram;

/**
 * Told when Telegram refuses a chat for good: a private chat's reminders stop; a group (negative id) is forgotten.
 * Must be quick and not throw.
 */
@FunctionalInterface
public interface ChatStatusListener {

    /** Does nothing: for wiring that has no reminders yet. */
    ChatStatusListener NONE = chatId -> { };

    /**
     * Telegram answered 403: the user blocked the bot, or the bot left the group; for a group also a 400 saying
     * the bot may not write there.
     */
    void blocked(long chatId);
}
