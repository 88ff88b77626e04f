package dev.cyclebreaker.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * Who and where an event comes from, and when.
 *
 * @param updateId Telegram's {@code update_id}; 0 for events we raise ourselves (reminders)
 * @param userId the Telegram user
 * @param chatId the chat to answer in (the private chat: equal to userId)
 * @param languageCode Telegram's {@code language_code}, may be null
 * @param at when the event happened by our {@code Clock}, stamped by the transport or the reminder poller;
 *     the engine has no clock of its own
 * @param firstName the user's Telegram first name, may be null; never stored in the session, only put on a
 *     result link when the user asks for it
 */
public record Origin(long updateId, long userId, long chatId, String languageCode, Instant at, String firstName) {
    public Origin {
        Objects.requireNonNull(at, "at");
    }

    public Origin(long updateId, long userId, long chatId, String languageCode, Instant at) {
        this(updateId, userId, chatId, languageCode, at, null);
    }
}
