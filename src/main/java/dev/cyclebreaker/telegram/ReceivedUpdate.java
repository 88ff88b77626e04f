package dev.cyclebreaker.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** An update from getUpdates, read, and its JSON exactly as Telegram sent it (for its receipt). */
public record ReceivedUpdate(Update update, byte[] json) {
    int id() {
        return update.getUpdateId();
    }
}
