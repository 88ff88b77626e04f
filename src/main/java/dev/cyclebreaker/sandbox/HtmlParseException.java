package dev.cyclebreaker.sandbox;

/** HTML that Telegram refuses; the message is TDLib's, to follow "can't parse entities: ". */
public final class HtmlParseException extends Exception {
    HtmlParseException(String message) {
        super(message);
    }
}
