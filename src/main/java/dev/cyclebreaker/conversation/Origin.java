package dev.cyclebreaker.conversation;

/**
 * Who and where an event comes from.
 *
 * @param updateId Telegram's {@code update_id}; 0 for events we raise ourselves (reminders)
 * @param userId the Telegram user
 * @param chatId the chat to answer in (the private chat: equal to userId)
 * @param languageCode Telegram's {@code language_code}, may be null
 */
public record Origin(long updateId, long userId, long chatId, String languageCode) {
}
