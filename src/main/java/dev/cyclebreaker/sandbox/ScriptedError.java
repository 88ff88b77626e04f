package dev.cyclebreaker.sandbox;

/** An error a test makes the fake answer for the next call concerning a chat. */
public record ScriptedError(int errorCode, String description, Integer retryAfter) {
    public static ScriptedError blockedByUser() {
        return new ScriptedError(403, "Forbidden: bot was blocked by the user", null);
    }

    public static ScriptedError tooManyRequests(int retryAfterSeconds) {
        return new ScriptedError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }
}
