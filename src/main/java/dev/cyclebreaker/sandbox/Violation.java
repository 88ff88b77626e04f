package dev.cyclebreaker.sandbox;

/**
 * A broken Bot API limit. {@code rejected} means Telegram answers 400 with "Bad Request: " +
 * reason; otherwise Telegram accepts the call and only our stricter rules object.
 */
public record Violation(String method, String reason, boolean rejected) {
}
