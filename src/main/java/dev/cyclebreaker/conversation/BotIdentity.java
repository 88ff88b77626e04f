package dev.cyclebreaker.conversation;

import java.util.Objects;

/**
 * Who the bot is on Telegram, from {@code getMe} at start-up: the views need its username for
 * deep links ({@code https://t.me/<username>?start=<payload>}), and where its result pages are, if
 * anywhere ({@code PUBLIC_BASE_URL}).
 *
 * @param pages the base URL of the result pages without a trailing slash, or null: none
 */
public record BotIdentity(String username, String pages) {
    public BotIdentity {
        Objects.requireNonNull(username, "username");
        if (!username.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a Telegram username: " + username);
        }
    }

    public BotIdentity(String username) {
        this(username, null);
    }

    /**
     * The link a shared result travels as: its web page, which previews with the card in any chat, when there are
     * pages; else the deep link straight into the bot.
     */
    public String resultLink(String token) {
        return pages == null ? deepLink(Event.Command.RESULT_LINK + token) : pages + "/r/" + token;
    }

    /** A deep link that opens the bot with {@code /start <payload>}. */
    public String deepLink(String payload) {
        return chatLink() + "?start=" + payload;
    }

    /** The bot's chat, opened without a payload. */
    public String chatLink() {
        return "https://t.me/" + username;
    }
}
