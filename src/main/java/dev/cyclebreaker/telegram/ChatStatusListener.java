package dev.cyclebreaker.telegram;

/** Told when Telegram refuses a chat for good, so its reminders can stop. Must be quick and not throw. */
@FunctionalInterface
public interface ChatStatusListener {

    /** Does nothing: for wiring that has no reminders yet. */
    ChatStatusListener NONE = chatId -> { };

    /** Telegram answered 403: the user blocked the bot (or the bot left the group). */
    void blocked(long chatId);
}
