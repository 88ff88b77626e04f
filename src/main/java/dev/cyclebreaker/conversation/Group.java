package dev.cyclebreaker.conversation;

/**
 * A group chat a user came from through its invite link, remembered in their session until they say yes or no
 * to posting their result there. The title is Telegram's (at most 128 characters), kept only to ask the question.
 */
public record Group(long id, String title) {
    /** Telegram allows 128 characters in a chat title; more is not from Telegram. */
    static final int MAX_TITLE = 128;

    public Group {
        if (id >= 0) {
            throw new IllegalArgumentException("a group's chat id is negative: " + id);
        }
        title = title == null || title.isBlank() ? "?" : title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }
}
