package dev.cyclebreaker.sandbox;

import java.time.Instant;

/** The bot's answer to a button press; {@code text} is the toast (or alert, if showAlert). */
public record CallbackAnswer(String callbackQueryId, long userId, String text, boolean showAlert, String url,
        Instant at) {
}
