package dev.cyclebreaker.conversation;

import java.util.Objects;

/**
 * Who the bot is on Telegram, from {@code getMe} at start-up: the views need its username for
 * deep links ({@code https://t.me/<username>?start=<payload>}).
 */
public record BotIdentity(String username) {
    public BotIdentity {
        Objects.requireNonNull(username, "username");
        if (!username.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a Telegram username: " + username);
        }
    }

    /** A deep link that opens the bot with {@code /start <payload>}. */
    public String deepLink(String payload) {
        return "https://t.me/" + username + "?start=" + payload;
    }
}
