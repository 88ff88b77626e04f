package dev.cyclebreaker.conversation;

import java.util.List;
import java.util.Objects;

/** A message body in Telegram HTML, with an optional inline keyboard (rows of buttons). */
public record Message(String html, List<List<Button>> keyboard) {
    public Message {
        Objects.requireNonNull(html, "html");
        keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
    }

    public static Message text(String html) {
        return new Message(html, List.of());
    }

    /** One inline button: it triggers an {@link Action}, copies text, opens a URL or the
     * inline mode in a chat the user picks. */
    public sealed interface Button {
        String label();
    }

    public record ActionButton(String label, Action action) implements Button {
    }

    public record CopyButton(String label, String textToCopy) implements Button {
    }

    public record UrlButton(String label, String url) implements Button {
    }

    /**
     * Opens Telegram's chat picker and, in the chosen chat, our inline mode with {@code query} typed after the bot's
     * name (empty: just the name).
     */
    public record SwitchInlineButton(String label, String query) implements Button {
        public SwitchInlineButton {
            query = query == null ? "" : query;
        }
    }
}
