package dev.cyclebreaker.sandbox;

/** A message entity as Telegram returns it; offsets and lengths count UTF-16 code units. */
public record TextEntity(String type, int offset, int length, String url, String language, String customEmojiId,
        Long unixTime, String dateTimeFormat) {

    static TextEntity of(String type, int offset, int length) {
        return new TextEntity(type, offset, length, null, null, null, null, null);
    }
}
