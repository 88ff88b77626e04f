package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.conversation.Outbox;
import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.sharing.ResultCards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The only way out to Telegram: turns effects into Bot API calls and sorts Telegram's answers
 * into done, refused for good (logged, not retried) and try-again ({@link TransientFailure}).
 * Every call that posts or edits a message in a chat first takes a token from the {@link
 * FloodGate}; answers to button presses are not counted, as in Telegram. A 429 pauses the chat on
 * every instance; a 403 (the user blocked the bot) tells the {@link ChatStatusListener} and is not
 * retried, nor is anything else in the same delivery sent to that chat. Never logs message text or
 * the token.
 */
public final class TelegramOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();
    /**
     * The longest one delivery waits for the flood gate and 429s together; beyond it the update is
     * left to its redelivery instead of blocking a worker.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final int INLINE_CACHE_SECONDS = 10;

    private final TelegramClient client;
    private final FloodGate gate;
    private final ChatStatusListener chats;
    private final Sleeper sleeper;
    private final MeterRegistry meters;
    private final ResultCards cards;
    private final java.util.concurrent.ConcurrentMap<String, io.micrometer.core.instrument.Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TelegramOutbox(TelegramClient client, FloodGate gate, ChatStatusListener chats) {
        this(client, gate, chats, Sleeper.REAL);
    }

    public TelegramOutbox(TelegramClient client, FloodGate gate, ChatStatusListener chats, Sleeper sleeper) {
        this(client, gate, chats, sleeper, new SimpleMeterRegistry(), null);
    }

    /** Without metrics. */
    public TelegramOutbox(TelegramClient client, FloodGate gate, ChatStatusListener chats, Sleeper sleeper,
            ResultCards cards) {
        this(client, gate, chats, sleeper, new SimpleMeterRegistry(), cards);
    }

    /**
     * @param meters counts Bot API calls by method and outcome ({@code cyclebreaker.telegram.calls})
     * @param cards result card pictures and their file ids; null: card effects are skipped
     */
    public TelegramOutbox(TelegramClient client, FloodGate gate, ChatStatusListener chats, Sleeper sleeper,
            MeterRegistry meters, ResultCards cards) {
        this.client = client;
        this.gate = gate;
        this.chats = chats;
        this.sleeper = sleeper;
        this.meters = meters;
        this.cards = cards;
    }

    private void count(Call method, String outcome) {
        // looked up once per method and outcome: the registry's own lookup builds and sorts tags on every call
        counters.computeIfAbsent(method.method() + '/' + outcome, k -> meters.counter("cyclebreaker.telegram.calls",
                "method", method.method(), "outcome", outcome)).increment();
    }

    /** Waits for the flood gate or a 429; a seam so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

        void sleep(Duration duration) throws InterruptedException;
    }

    @Override
    public void deliver(List<Effect> effects) {
        Waiting waiting = new Waiting();
        Set<Long> blocked = new HashSet<>();
        for (Effect e : effects) {
            if (e instanceof Effect.PostToGroup p) {
                post(p, waiting, blocked);
                continue;
            }
            Call call = toCall(e);
            Long chat = countedChat(e);
            if (call == null || chat != null && blocked.contains(chat)) {
                continue;
            }
            if (execute(call, chat, waiting) == Answer.BLOCKED) {
                blocked.add(chat);
            }
        }
    }

    /**
     * A result card the user asked to post in a group: one attempt (a refusal is not retried), then a word to the
     * user in private, the confirmation or the refusal. A group that refuses (403, or a 400 saying the bot may
     * not write there) is reported to the {@link ChatStatusListener}, which forgets it.
     */
    private void post(Effect.PostToGroup p, Waiting waiting, Set<Long> blocked) {
        Answer posted = Answer.REFUSED;
        boolean unconfirmed = false;
        if (cards != null && !blocked.contains(p.groupId())) {
            try {
                posted = execute(card(p.groupId(), p.card(), p.captionHtml()), p.groupId(), waiting);
            } catch (TransientFailure e) {
                // not retried, by this delivery or by a replay (at most once in a group); the user hears of it
                log.info("telegram: a post to group {} was not confirmed, not retried: {}", p.groupId(), e.getMessage());
                unconfirmed = true;
            }
        }
        if (posted == Answer.BLOCKED) {
            blocked.add(p.groupId());
        }
        if (blocked.contains(p.userId())) {
            return;
        }
        Effect.Send tell = new Effect.Send(p.userId(),
                unconfirmed ? p.unconfirmed() : posted == Answer.DONE ? p.posted() : p.refused());
        if (execute(toCall(tell), p.userId(), waiting) == Answer.BLOCKED) {
            blocked.add(p.userId());
        }
    }

    /** One Bot API call: its method name for logs, and how to make it. */
    private interface Call {
        String method();

        Object run() throws TelegramApiException;
    }

    private Call toCall(Effect e) {
        if (e instanceof Effect.SendCard c) {
            return cards == null ? null : card(c.chatId(), c.card(), null);
        }
        BotApiMethod<? extends Serializable> method = toMethod(e);
        if (method == null) {
            return null;
        }
        return new Call() {
            public String method() {
                return method.getMethod();
            }

            public Object run() throws TelegramApiException {
                return client.execute(method);
            }
        };
    }

    /**
     * A result card: the file id of an earlier upload when there is one, else the PNG, whose file id is then
     * remembered. A file id Telegram no longer takes (400) is forgotten, so the next card uploads again.
     */
    private Call card(long chatId, dev.cyclebreaker.sharing.CardKey key, String captionHtml) {
        return new Call() {
            public String method() {
                return "sendPhoto";
            }

            public Object run() throws TelegramApiException {
                java.util.Optional<String> known = cards.fileId(key);
                InputFile photo;
                if (known.isPresent()) {
                    photo = new InputFile(known.get());
                } else {
                    byte[] png;
                    try {
                        png = cards.png(key);
                    } catch (RuntimeException e) {
                        // the text message already said it all: a picture that cannot be drawn is left out, not retried
                        log.warn("result card {} could not be drawn: {}", key.stableId(), e.toString());
                        return NOT_DRAWN;
                    }
                    photo = new InputFile(new java.io.ByteArrayInputStream(png), "result.png");
                }
                try {
                    SendPhoto.SendPhotoBuilder<?, ?> send = SendPhoto.builder().chatId(chatId).photo(photo);
                    if (captionHtml != null) {
                        send.caption(captionHtml).parseMode(ParseMode.HTML);
                    }
                    org.telegram.telegrambots.meta.api.objects.message.Message sent = client.execute(send.build());
                    if (known.isEmpty() && sent != null && sent.getPhoto() != null && !sent.getPhoto().isEmpty()) {
                        // the largest size is last; any of them resends the same picture
                        cards.rememberFileId(key, sent.getPhoto().get(sent.getPhoto().size() - 1).getFileId());
                    }
                    return sent;
                } catch (TelegramApiRequestException e) {
                    if (known.isPresent() && e.getErrorCode() != null && e.getErrorCode() == 400 && !groupClosed(e)) {
                        cards.forgetFileId(key);
                    }
                    throw e;
                }
            }
        };
    }

    /** The chat whose flood limits the effect counts against, or null when it is not counted. */
    static Long countedChat(Effect e) {
        if (e instanceof Effect.Send s) {
            return s.chatId();
        }
        if (e instanceof Effect.Edit ed) {
            return ed.chatId();
        }
        if (e instanceof Effect.SendCard c) {
            return c.chatId();
        }
        if (e instanceof Effect.PostToGroup p) {
            return p.groupId(); // the picture; the word to the user in private counts against their chat
        }
        return null; // answering a button press is not a message
    }

    static BotApiMethod<? extends Serializable> toMethod(Effect e) {
        if (e instanceof Effect.Send s) {
            return new SendIgnoringResult(SendMessage.builder().chatId(s.chatId()).text(s.message().html())
                    .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard(s.message())));
        }
        if (e instanceof Effect.Edit ed) {
            return new EditIgnoringResult(EditMessageText.builder().chatId(ed.chatId()).messageId(ed.messageId())
                    .text(ed.message().html()).parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(keyboard(ed.message())));
        }
        if (e instanceof Effect.InlineAnswer a) {
            List<InlineQueryResult> results = new ArrayList<>();
            for (Effect.InlineArticle article : a.articles()) {
                results.add(InlineQueryResultArticle.builder().id(article.id()).title(article.title())
                        .description(article.description())
                        .inputMessageContent(InputTextMessageContent.builder().messageText(article.message().html())
                                .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW).build())
                        .replyMarkup(keyboard(article.message())).build());
            }
            // personal (each user sees their own result) and cached briefly (a retaken test shows soon)
            return AnswerInlineQuery.builder().inlineQueryId(a.queryId()).results(results).isPersonal(true)
                    .cacheTime(INLINE_CACHE_SECONDS).build();
        }
        if (e instanceof Effect.AnswerButton a) {
            return new AnswerIgnoringResult(AnswerCallbackQuery.builder().callbackQueryId(a.callbackId())
                    .text(a.toast()));
        }
        return null; // EraseUser is carried out by the store
    }

    /**
     * Nothing here reads the message Telegram sends back, and mapping it (a whole {@code Message},
     * its keyboard included) was a tenth of the bot's CPU. A success is recognised by its first
     * bytes; anything else is parsed in full, so errors, 429's retry_after included, stay as they were.
     */
    private static boolean succeeded(String answer) {
        return answer != null && answer.startsWith(BlockingTelegramClient.ResultUnread.SUCCESS);
    }

    /** A sendMessage whose answer is checked, not mapped: see {@link #succeeded}. */
    static final class SendIgnoringResult extends SendMessage implements BlockingTelegramClient.ResultUnread {
        SendIgnoringResult(SendMessageBuilder<?, ?> b) {
            super(b);
        }

        @Override
        public org.telegram.telegrambots.meta.api.objects.message.Message deserializeResponse(String answer)
                throws TelegramApiRequestException {
            return succeeded(answer) ? null : super.deserializeResponse(answer);
        }
    }

    /** An editMessageText whose answer is checked, not mapped: see {@link #succeeded}. */
    static final class EditIgnoringResult extends EditMessageText implements BlockingTelegramClient.ResultUnread {
        EditIgnoringResult(EditMessageTextBuilder<?, ?> b) {
            super(b);
        }

        @Override
        public Serializable deserializeResponse(String answer) throws TelegramApiRequestException {
            return succeeded(answer) ? null : super.deserializeResponse(answer);
        }
    }

    /** An answerCallbackQuery whose answer is checked, not mapped: see {@link #succeeded}. */
    static final class AnswerIgnoringResult extends AnswerCallbackQuery implements BlockingTelegramClient.ResultUnread {
        AnswerIgnoringResult(AnswerCallbackQueryBuilder<?, ?> b) {
            super(b);
        }

        @Override
        public Boolean deserializeResponse(String answer) throws TelegramApiRequestException {
            return succeeded(answer) ? Boolean.TRUE : super.deserializeResponse(answer);
        }
    }

    static InlineKeyboardMarkup keyboard(Message m) {
        if (m.keyboard().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Message.Button> row : m.keyboard()) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Message.Button b : row) {
                r.add(button(b));
            }
            rows.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Message.Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> builder = InlineKeyboardButton.builder().text(b.label());
        if (b instanceof Message.ActionButton a) {
            return builder.callbackData(CallbackCodec.encode(a.action())).build();
        }
        if (b instanceof Message.CopyButton c) {
            return builder.copyText(CopyTextButton.builder().text(c.textToCopy()).build()).build();
        }
        if (b instanceof Message.SwitchInlineButton s) {
            return builder.switchInlineQuery(s.query()).build();
        }
        return builder.url(((Message.UrlButton) b).url()).build();
    }

    /** Done; refused for good (a 4xx other than 429), or blocked (the chat refuses the bot: nothing more goes there). */
    private enum Answer { DONE, REFUSED, BLOCKED }

    /** What a card call returns when the picture could not be drawn: nothing was sent. */
    private static final Object NOT_DRAWN = new Object();

    private Answer execute(Call method, Long chat, Waiting waiting) {
        while (true) {
            if (chat != null) {
                Duration wait = gate.acquire(chat);
                if (!wait.isZero()) {
                    waiting.waitFor(wait, method);
                    continue;
                }
            }
            try {
                if (method.run() == NOT_DRAWN) {
                    return Answer.REFUSED;
                }
                count(method, "ok");
                return Answer.DONE;
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                count(method, code == 429 || code == 403 ? String.valueOf(code) : "error");
                if (code == 429) {
                    Duration retryAfter = retryAfter(e);
                    if (chat == null) {
                        waiting.waitFor(retryAfter, method);
                    } else {
                        gate.pause(chat, retryAfter); // the gate makes every instance wait it out
                        waiting.check(retryAfter, method);
                    }
                    continue;
                }
                if (code >= 500 || code == 0) {
                    throw new TransientFailure("Telegram answered " + code + " to " + method.method(), e);
                }
                if (code == 403 && chat != null || code == 400 && chat != null && chat < 0 && groupClosed(e)) {
                    blocked(chat, method);
                    return Answer.BLOCKED;
                }
                if (harmless(e)) {
                    return Answer.DONE;
                }
                // 400 (bad request) does not get better by retrying.
                log.warn("telegram refused {}: {} {}", method.method(), code, e.getApiResponse());
                return Answer.REFUSED;
            } catch (TelegramApiException e) {
                count(method, "error");
                throw new TransientFailure("Telegram unreachable for " + method.method(), e);
            }
        }
    }

    private void blocked(long chat, Call method) {
        log.info("telegram: chat {} refused {} for good, marked inactive, not retried", chat, method.method());
        try {
            chats.blocked(chat);
        } catch (RuntimeException e) {
            log.warn("chat status listener failed for chat {}", chat, e);
        }
    }

    /**
     * A 400 that means the bot may not write in a group any more: removed, restricted, or the group is gone
     * (Telegram answers some of these with 400 rather than 403).
     */
    static boolean groupClosed(TelegramApiRequestException e) {
        String r = (e.getApiResponse() == null ? "" : e.getApiResponse()).toLowerCase(java.util.Locale.ROOT);
        return r.contains("not enough rights") || r.contains("have no rights") || r.contains("chat_write_forbidden")
                || r.contains("chat not found") || r.contains("kicked") || r.contains("not a member")
                || r.contains("chat_restricted") || r.contains("group chat was upgraded") || r.contains("chat_send_photos_forbidden");
    }

    /** An edit that changes nothing, or a callback answered twice: the user already sees the right thing. */
    private static boolean harmless(TelegramApiRequestException e) {
        String r = e.getApiResponse() == null ? "" : e.getApiResponse();
        return r.contains("message is not modified") || r.contains("query is too old");
    }

    private static Duration retryAfter(TelegramApiRequestException e) {
        Integer s = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return Duration.ofSeconds(s == null || s < 1 ? 1 : s);
    }

    /** The time one delivery has spent waiting, bounded by {@link #MAX_WAIT}. */
    private final class Waiting {
        private Duration spent = Duration.ZERO;

        void check(Duration wait, Call method) {
            if (spent.plus(wait).compareTo(MAX_WAIT) > 0) {
                throw new TransientFailure("flood limits ask to wait " + wait.toMillis() + " ms more for "
                        + method.method() + " after " + spent.toMillis() + " ms; left to a later attempt", null);
            }
        }

        void waitFor(Duration wait, Call method) {
            check(wait, method);
            spent = spent.plus(wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new TransientFailure("interrupted while waiting for the flood limits", ie);
            }
        }
    }
}
