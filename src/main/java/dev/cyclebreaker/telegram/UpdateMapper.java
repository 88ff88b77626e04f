package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.BotIdentity;
import dev.cyclebreaker.conversation.Event;
import dev.cyclebreaker.conversation.Origin;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram {@link Update} into one of our {@link Event}s, or nothing when the update is
 * not for the conversation: channel posts, other bots, update kinds we did not ask for, and in
 * groups everything but {@code /quiz}, {@code /start} and {@code /help} addressed to this bot by
 * name, and the news that the bot was removed. Stamps each event with the time it was mapped, from the injected {@link Clock}: the
 * engine has no clock, and Telegram's own {@code date} is in whole seconds and absent from callbacks.
 */
public final class UpdateMapper {
    private static final java.util.regex.Pattern COMMAND = java.util.regex.Pattern.compile("/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{1,64})?(\\s|$)");

    /** The commands answered in groups; the rest of the conversation happens in private. */
    private static final java.util.Set<String> GROUP_COMMANDS = java.util.Set.of("quiz", "start", "help");

    private final Clock clock;
    /** This bot, to recognise commands addressed to it in groups; null: groups are ignored altogether. */
    private final BotIdentity bot;

    /** Private chats only: every group update is ignored. */
    public UpdateMapper(Clock clock) {
        this(clock, null);
    }

    public UpdateMapper(Clock clock, BotIdentity bot) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.bot = bot;
    }

    /** The user an update belongs to, for ordering; 0 when it has none. */
    public static long userOf(Update u) {
        User from = null;
        if (u.hasMessage()) {
            from = u.getMessage().getFrom();
        } else if (u.hasEditedMessage()) {
            from = u.getEditedMessage().getFrom();
        } else if (u.hasCallbackQuery()) {
            from = u.getCallbackQuery().getFrom();
        } else if (u.hasInlineQuery()) {
            from = u.getInlineQuery().getFrom();
        } else if (u.hasMyChatMember()) {
            from = u.getMyChatMember().getFrom();
        }
        return from == null ? 0 : from.getId();
    }

    public Optional<Event> map(Update u) {
        if (u.getUpdateId() == null) {
            return Optional.empty();
        }
        long updateId = u.getUpdateId();
        Instant at = clock.instant();
        if (u.hasMessage()) {
            Message m = u.getMessage();
            return isGroup(m.getChat()) ? groupMessage(updateId, at, m) : message(updateId, at, m);
        }
        if (u.hasEditedMessage()) {
            Message m = u.getEditedMessage();
            return origin(updateId, at, m.getFrom(), m).map(o -> new Event.Unsupported(o, Event.Unsupported.Kind.EDITED));
        }
        if (u.hasCallbackQuery()) {
            return callback(updateId, at, u.getCallbackQuery());
        }
        if (u.hasInlineQuery()) {
            return inline(updateId, at, u.getInlineQuery());
        }
        if (u.hasMyChatMember()) {
            return removal(updateId, at, u.getMyChatMember());
        }
        return Optional.empty();
    }

    private static boolean isGroup(Chat chat) {
        return chat != null && ("group".equals(chat.getType()) || "supergroup".equals(chat.getType()));
    }

    /**
     * In a group only {@code /quiz@ourbot}, {@code /start@ourbot} and {@code /help@ourbot} from a human count. A
     * bare {@code /quiz} is not ours to answer: other bots may share the group, and Telegram sends it to each of
     * them. Anonymous admins and channels (sender_chat), forwards and other bots are not someone we can invite.
     */
    private Optional<Event> groupMessage(long updateId, Instant at, Message m) {
        User from = m.getFrom();
        if (bot == null || from == null || Boolean.TRUE.equals(from.getIsBot()) || m.getSenderChat() != null
                || m.getForwardOrigin() != null || m.getForwardDate() != null || m.getForwardFrom() != null
                || m.getForwardFromChat() != null || Boolean.TRUE.equals(m.getIsAutomaticForward())
                || m.getText() == null || !isCommand(m)) {
            return Optional.empty();
        }
        String text = m.getText();
        int space = firstWhitespace(text);
        String head = text.substring(1, space < 0 ? text.length() : space);
        int atSign = head.indexOf('@');
        if (atSign < 0 || !head.substring(atSign + 1).equalsIgnoreCase(bot.username())) {
            return Optional.empty();
        }
        String name = head.substring(0, atSign).toLowerCase(Locale.ROOT);
        if (!GROUP_COMMANDS.contains(name)) {
            return Optional.empty();
        }
        Origin o = new Origin(updateId, from.getId(), m.getChatId(), from.getLanguageCode(), at, from.getFirstName());
        return Optional.of(new Event.GroupCommand(o, name, m.getChat().getTitle()));
    }

    /** {@code my_chat_member} about this bot in a group: left or kicked means the group is to be forgotten. */
    private static Optional<Event> removal(long updateId, Instant at, ChatMemberUpdated c) {
        if (!isGroup(c.getChat()) || c.getNewChatMember() == null) {
            return Optional.empty();
        }
        String status = c.getNewChatMember().getStatus();
        if (!"left".equals(status) && !"kicked".equals(status)) {
            return Optional.empty();
        }
        User from = c.getFrom();
        long userId = from == null ? 0 : from.getId();
        return Optional.of(new Event.RemovedFromGroup(new Origin(updateId, userId, c.getChat().getId(),
                from == null ? null : from.getLanguageCode(), at)));
    }

    private static Optional<Event> message(long updateId, Instant at, Message m) {
        Optional<Origin> origin = origin(updateId, at, m.getFrom(), m);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        Origin o = origin.get();
        String text = m.getText();
        if (text == null) {
            return Optional.of(new Event.Unsupported(o, Event.Unsupported.Kind.MEDIA));
        }
        if (isCommand(m)) {
            int space = firstWhitespace(text);
            String head = text.substring(1, space < 0 ? text.length() : space);
            int atSign = head.indexOf('@');
            String name = (atSign < 0 ? head : head.substring(0, atSign)).toLowerCase(Locale.ROOT);
            String payload = space < 0 ? "" : text.substring(space).trim();
            return Optional.of(new Event.Command(o, name, payload));
        }
        return Optional.of(new Event.TextReceived(o, text));
    }

    private static Optional<Event> callback(long updateId, Instant at, CallbackQuery q) {
        MaybeInaccessibleMessage m = q.getMessage();
        if (m == null || q.getFrom() == null || Boolean.TRUE.equals(q.getFrom().getIsBot())) {
            return Optional.empty();
        }
        if (m.getChat() == null || !"private".equals(m.getChat().getType())) {
            return Optional.empty();
        }
        Origin o = new Origin(updateId, q.getFrom().getId(), m.getChatId(), q.getFrom().getLanguageCode(), at,
                q.getFrom().getFirstName());
        return Optional.of(new Event.ButtonPressed(o, q.getId(), m.getMessageId(), CallbackCodec.decode(q.getData())));
    }

    /** An inline query belongs to the user's own session (their private chat's id is their id). */
    private static Optional<Event> inline(long updateId, Instant at, org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery q) {
        User from = q.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || q.getId() == null) {
            return Optional.empty();
        }
        Origin o = new Origin(updateId, from.getId(), from.getId(), from.getLanguageCode(), at, from.getFirstName());
        return Optional.of(new Event.InlineQuery(o, q.getId(), q.getQuery()));
    }

    /** Private chats with a human only: groups, channels and bots get nothing here. */
    private static Optional<Origin> origin(long updateId, Instant at, User from, Message m) {
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || m.getChat() == null
                || !"private".equals(m.getChat().getType())) {
            return Optional.empty();
        }
        return Optional.of(new Origin(updateId, from.getId(), m.getChatId(), from.getLanguageCode(), at, from.getFirstName()));
    }

    /** Telegram marks commands with a bot_command entity; a bare "/word" counts too (some clients, our fakes). */
    private static boolean isCommand(Message m) {
        if (m.getEntities() != null) {
            for (MessageEntity e : m.getEntities()) {
                if ("bot_command".equals(e.getType()) && e.getOffset() != null && e.getOffset() == 0) {
                    return true;
                }
            }
        }
        return COMMAND.matcher(m.getText()).lookingAt();
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
