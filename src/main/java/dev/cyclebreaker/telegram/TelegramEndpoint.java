package dev.cyclebreaker.telegram;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The connection to one Bot API server: a client for sends and a separate one for the long poll,
 * so that stopping can cancel the poll without cutting a send short.
 */
public final class TelegramEndpoint implements AutoCloseable {
    /** Commands in Telegram's menu, in order; descriptions come from {@code command.<name>}. */
    public static final List<String> COMMANDS = List.of("start", "quiz", "profile", "playbook", "pause", "wait",
            "practice", "reminders", "timezone", "lang", "help", "forget");

    private final URI apiUrl;
    private final OkHttpClient sendHttp;
    private final OkHttpClient pollHttp;
    private final TelegramClient sendClient;
    private final BlockingTelegramClient pollClient;

    public TelegramEndpoint(String token, URI apiUrl, int maxConnections) {
        this.apiUrl = apiUrl;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConnections);
        dispatcher.setMaxRequestsPerHost(maxConnections);
        this.sendHttp = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxConnections, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.pollHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75)) // longer than any long-poll timeout we ask for
                .build();
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port(apiUrl), false);
        this.sendClient = new BlockingTelegramClient(sendHttp, token, url);
        this.pollClient = new BlockingTelegramClient(pollHttp, token, url);
    }

    private static int port(URI u) {
        if (u.getPort() > 0) {
            return u.getPort();
        }
        return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }

    public TelegramClient sendClient() {
        return sendClient;
    }

    /** getUpdates on a client of its own, which {@link #cancelPoll} can interrupt. */
    public PollingLoop.Source updates() {
        return pollClient::receive;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    /** Aborts a long poll in flight. */
    public void cancelPoll() {
        pollHttp.dispatcher().cancelAll();
    }

    /**
     * Checks the token with getMe, removes any webhook (getUpdates refuses to work beside one) and
     * publishes the command menu in both languages.
     *
     * @return the bot's username
     * @throws SetupFailure with one line saying what is wrong
     */
    public String setUpForPolling(Texts texts) {
        return setUp(texts, () -> sendClient.execute(DeleteWebhook.builder().dropPendingUpdates(false).build()));
    }

    /** The update kinds Telegram posts to the webhook. */
    public static final List<String> WEBHOOK_UPDATES = List.of("message", "edited_message", "callback_query",
            "inline_query", "my_chat_member");

    /**
     * Checks the token with getMe, points Telegram at the webhook with its secret token (pending
     * updates kept) and publishes the command menu.
     *
     * @return the bot's username
     * @throws SetupFailure with one line saying what is wrong (never the secret)
     */
    public String setUpForWebhook(Texts texts, URI url, String secret, int maxConnections) {
        return setUp(texts, () -> sendClient.execute(SetWebhook.builder().url(url.toString()).secretToken(secret)
                .allowedUpdates(WEBHOOK_UPDATES).maxConnections(maxConnections).dropPendingUpdates(false).build()));
    }

    /** How updates reach us: deleteWebhook for polling, setWebhook for the webhook. */
    @FunctionalInterface
    private interface TransportCall {
        void run() throws TelegramApiException;
    }

    private String setUp(Texts texts, TransportCall transport) {
        try {
            User me = sendClient.execute(new GetMe());
            transport.run();
            for (Lang lang : Lang.values()) {
                List<BotCommand> commands = COMMANDS.stream()
                        .map(c -> new BotCommand(c, texts.t(lang, "command." + c))).toList();
                SetMyCommands.SetMyCommandsBuilder<?, ?> b = SetMyCommands.builder().commands(commands);
                if (lang != Lang.EN) {
                    b.languageCode(lang.code()); // English is the default for every other language
                }
                sendClient.execute(b.build());
            }
            return me.getUserName();
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 401) {
                throw new SetupFailure("TELEGRAM_BOT_TOKEN was rejected by the Bot API at " + apiUrl + " (401 Unauthorized)");
            }
            throw new SetupFailure("the Bot API at " + apiUrl + " refused the start-up calls: " + e.getErrorCode());
        } catch (TelegramApiException e) {
            throw new SetupFailure("the Bot API at " + apiUrl + " is unreachable (" + rootMessage(e) + ")");
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public void close() {
        for (OkHttpClient c : List.of(sendHttp, pollHttp)) {
            c.dispatcher().cancelAll();
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
        }
    }

    /** A start-up problem with the Bot API, said in one line. */
    public static final class SetupFailure extends RuntimeException {
        public SetupFailure(String line) {
            super(line, null, false, false);
        }
    }
}
