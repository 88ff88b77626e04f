package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.conversation.Outbox;
import dev.cyclebreaker.conversation.TransientFailure;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
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
 * Never logs message text or the token.
 */
public final class TelegramOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();
    /** A 429 asking for longer than this is left to the update's redelivery instead of blocking a worker. */
    private static final int MAX_INLINE_RETRY_SECONDS = 30;

    private final TelegramClient client;
    private final Sleeper sleeper;

    public TelegramOutbox(TelegramClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** Waits out a 429; a seam so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepSeconds(int seconds) throws InterruptedException;
    }

    @Override
    public void deliver(List<Effect> effects) {
        for (Effect e : effects) {
            BotApiMethod<? extends Serializable> method = toMethod(e);
            if (method != null) {
                execute(method);
            }
        }
    }

    static BotApiMethod<? extends Serializable> toMethod(Effect e) {
        if (e instanceof Effect.Send s) {
            return SendMessage.builder().chatId(s.chatId()).text(s.message().html()).parseMode(ParseMode.HTML)
                    .linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard(s.message())).build();
        }
        if (e instanceof Effect.Edit ed) {
            return EditMessageText.builder().chatId(ed.chatId()).messageId(ed.messageId()).text(ed.message().html())
                    .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard(ed.message())).build();
        }
        if (e instanceof Effect.AnswerButton a) {
            return AnswerCallbackQuery.builder().callbackQueryId(a.callbackId()).text(a.toast()).build();
        }
        return null; // EraseUser is carried out by the store
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
        return builder.url(((Message.UrlButton) b).url()).build();
    }

    private void execute(BotApiMethod<? extends Serializable> method) {
        int retryAfterSpent = 0;
        while (true) {
            try {
                client.execute(method);
                return;
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    int wait = retryAfter(e);
                    if (retryAfterSpent + wait > MAX_INLINE_RETRY_SECONDS) {
                        throw new TransientFailure("Telegram asked to retry " + method.getMethod() + " after " + wait + "s", e);
                    }
                    retryAfterSpent += wait;
                    sleep(wait);
                    continue;
                }
                if (code >= 500 || code == 0) {
                    throw new TransientFailure("Telegram answered " + code + " to " + method.getMethod(), e);
                }
                if (!harmless(e)) {
                    // 400 (bad request) and 403 (blocked) do not get better by retrying.
                    log.warn("telegram refused {}: {} {}", method.getMethod(), code, e.getApiResponse());
                }
                return;
            } catch (TelegramApiException e) {
                throw new TransientFailure("Telegram unreachable for " + method.getMethod(), e);
            }
        }
    }

    /** An edit that changes nothing, or a callback answered twice: the user already sees the right thing. */
    private static boolean harmless(TelegramApiRequestException e) {
        String r = e.getApiResponse() == null ? "" : e.getApiResponse();
        return r.contains("message is not modified") || r.contains("query is too old");
    }

    private static int retryAfter(TelegramApiRequestException e) {
        Integer s = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return s == null || s < 1 ? 1 : s;
    }

    private void sleep(int seconds) {
        try {
            sleeper.sleepSeconds(seconds);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while waiting out a 429", ie);
        }
    }
}
