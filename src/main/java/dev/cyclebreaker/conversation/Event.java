package dev.cyclebreaker.conversation;

import java.util.Optional;

/** Something a user did, already stripped of Telegram's types by the transport. */
public sealed interface Event {
    Origin origin();

    /** A slash command, lower-cased, without the leading slash or {@code @botname}. */
    record Command(Origin origin, String name, String payload, Optional<SharedResult> shared, Optional<Group> group)
            implements Event {
        /** Deep-link payloads of result links: {@code r_<token>}. */
        public static final String RESULT_LINK = "r_";
        /** Deep-link payloads of group invites: {@code g_<token>}. */
        public static final String GROUP_LINK = "g_";

        public Command {
            shared = shared == null ? Optional.empty() : shared;
            group = group == null ? Optional.empty() : group;
        }

        public Command(Origin origin, String name, String payload) {
            this(origin, name, payload, Optional.empty(), Optional.empty());
        }

        public Command(Origin origin, String name, String payload, Optional<SharedResult> shared) {
            this(origin, name, payload, shared, Optional.empty());
        }

        /** {@code /start r_<token>}: a result link, resolved (or not) by the caller before the engine runs. */
        public boolean opensResultLink() {
            return name.equals("start") && payload.startsWith(RESULT_LINK);
        }

        public Command withShared(Optional<SharedResult> s) {
            return new Command(origin, name, payload, s, group);
        }

        /** {@code /start g_<token>}: a group invite, resolved (or not) by the caller before the engine runs. */
        public boolean opensGroupLink() {
            return name.equals("start") && payload.startsWith(GROUP_LINK);
        }

        public Command withGroup(Optional<Group> g) {
            return new Command(origin, name, payload, shared, g);
        }
    }

    /**
     * An inline button press. {@code action} is empty when the callback data was forged, malformed
     * or from a button we no longer understand.
     */
    record ButtonPressed(Origin origin, String callbackId, int messageId, Optional<Action> action) implements Event {
    }

    /** Plain text that is not a command. Never logged, never stored. */
    record TextReceived(Origin origin, String text) implements Event {
    }

    /**
     * A reminder fell due; raised by the reminder poller with {@code updateId} 0. Delivered at least once:
     * the engine ignores one that is no longer pending and renders a fired but unanswered one again.
     */
    record ReminderDue(Origin origin, String reminderId) implements Event {
    }

    /**
     * Telegram refused a message to the user's private chat with 403: they blocked the bot. Their
     * reminders are cancelled; nothing is sent. Raised by the sender with {@code updateId} 0.
     */
    record Blocked(Origin origin) implements Event {
    }

    /**
     * Someone typed {@code @bot ...} in a chat: answered with what they can share, never with a message in
     * their chat. {@code query} is at most 256 characters (Telegram's limit); its text does not matter to us.
     */
    record InlineQuery(Origin origin, String queryId, String query) implements Event {
        public static final int MAX_QUERY = 256;

        public InlineQuery {
            query = query == null ? "" : query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        }
    }

    /**
     * A command addressed to this bot by name ({@code /quiz@ourbot}) in a group: {@code origin.chatId()} is the
     * (negative) group id, {@code origin.userId()} the human who typed it. {@code name} is {@code quiz},
     * {@code start} or {@code help}; the transport maps nothing else from groups.
     */
    record GroupCommand(Origin origin, String name, String groupTitle) implements Event {
    }

    /**
     * The bot was removed from a group ({@code my_chat_member}, new status left or kicked): the group is forgotten,
     * so its invites stop working and nothing more is posted there. {@code origin.chatId()} is the group, {@code
     * origin.userId()} whoever removed the bot; their session is not changed.
     */
    record RemovedFromGroup(Origin origin) implements Event {
    }

    /** A message we cannot use: sticker, photo, voice, an edit of an earlier message... */
    record Unsupported(Origin origin, Kind kind) implements Event {
        public enum Kind { MEDIA, EDITED }
    }
}
