package dev.cyclebreaker.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one message as the chat shows it now: edits applied in place. {@code html} is the
 * source the bot sent (null for plain text or user messages), {@code text} what the user reads.
 */
public record ChatMessage(long chatId, int messageId, boolean fromBot, long fromId, Instant date, String kind,
        String text, String html, List<TextEntity> entities, List<List<InlineButton>> keyboard, int editCount,
        String photoFileId) {

    public ChatMessage {
        entities = List.copyOf(entities);
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    public boolean hasKeyboard() {
        return !keyboard.isEmpty();
    }

    public List<InlineButton> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }
}
