package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.Application;
import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.RecordedCall;
import dev.cyclebreaker.store.RedisTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app in webhook mode against the fake Bot API and a real redis-server; the test plays
 * Telegram's side of the webhook, posting the fake's updates to {@code /telegram/webhook}.
 */
class WebhookIT {
    static final String TOKEN = "7000002:WEBHOOKtokenWEBHOOKtokenWEBHOOKtok";
    static final String SECRET = "webhook-Secret_42";
    static final URI PUBLIC_URL = URI.create("https://bot.example.test/telegram/webhook");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong USER_IDS = new AtomicLong(7_000_000 + (System.nanoTime() % 1000) * 1000);

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    static FakeTelegram telegram;
    static FakeBotApiServer api;
    static ConfigurableApplicationContext app;
    static URI webhook;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
        api = FakeBotApiServer.start(telegram, 0);
        BotConfig config = new BotConfig(TOKEN, api.baseUri(), redis.uri(), Files.createTempDirectory("cb-webhook"), 8, 1,
                0, FloodLimits.telegram(10_000).withChatRate(1_000)).withWebhook(new BotConfig.Webhook(PUBLIC_URL, SECRET, 40));
        app = Application.start(config, Clock.systemUTC());
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        webhook = URI.create("http://127.0.0.1:" + port + "/telegram/webhook");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            assertThat(telegram.webhookUrl()).as("the webhook stays set after shutdown").isEqualTo(PUBLIC_URL.toString());
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void atStartTheBotSetsTheWebhookWithTheSecretAndTheUpdateKindsAndNeverPolls() {
        List<RecordedCall> set = telegram.calls("setWebhook");

        assertThat(set).hasSize(1);
        assertThat(set.get(0).params().path("url").asText()).isEqualTo(PUBLIC_URL.toString());
        assertThat(set.get(0).params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(set.get(0).params().path("allowed_updates").toString())
                .isEqualTo("[\"message\",\"edited_message\",\"callback_query\",\"inline_query\",\"my_chat_member\"]");
        assertThat(set.get(0).params().path("max_connections").asInt()).isEqualTo(40);
        assertThat(telegram.calls("deleteWebhook")).isEmpty();
        assertThat(telegram.webhookUrl()).isEqualTo(PUBLIC_URL.toString());
        assertThat(telegram.waitingPolls()).isZero();
    }

    @Test
    void aMissingOrWrongSecretIsRefusedWith401AndNothingHappens() throws Exception {
        long user = user();
        telegram.sendText(user, "/start");
        String body = single(telegram.takeUpdatesForWebhook(user));

        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "wrong").statusCode()).isEqualTo(401);
        assertThat(post(body, SECRET + "x").statusCode()).isEqualTo(401);
        assertThat(post(body, SECRET.substring(1)).statusCode()).isEqualTo(401);

        assertThat(telegram.botMessages(user)).isEmpty();
        assertThat(session(user)).isNull();
    }

    @Test
    void aValidUpdateIsProcessedOnceAndAnswered200AfterTheReplyWasSent() throws Exception {
        long user = user();
        telegram.sendText(user, "/start");

        HttpResponse<String> r = post(single(telegram.takeUpdatesForWebhook(user)), SECRET);

        assertThat(r.statusCode()).isEqualTo(200);
        // Acknowledged only after the effect: the reply is there when the 200 is.
        assertThat(telegram.botMessages(user)).hasSize(1);
        assertThat(telegram.botMessages(user).get(0).buttons()).extracting(InlineButton::value).contains("s");
    }

    @Test
    void theSameUpdatePostedTwiceIsAppliedOnce() throws Exception {
        long user = user();
        ChatMessage q1 = startQuiz(user);
        telegram.pressButton(user, q1.messageId(), answer(q1, 3));
        String press = single(telegram.takeUpdatesForWebhook(user));

        assertThat(post(press, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(press, SECRET).statusCode()).isEqualTo(200);

        ChatMessage now = telegram.message(user, q1.messageId()).orElseThrow();
        assertThat(now.text()).contains("2/");
        assertThat(session(user)).contains("\"a\":[3]");
    }

    @Test
    void badBodiesAreRejectedAndReachNothing() throws Exception {
        int callsBefore = telegram.calls().size();

        assertThat(post("this is not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"update_id\":", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("[1,2,3]", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"hello\":\"world\"}", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"update_id\":\"x\"}", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"update_id\":77,\"message\":\"not a message\"}", SECRET).statusCode()).isEqualTo(400);
        String huge = "{\"update_id\":78,\"padding\":\"" + "a".repeat(1024 * 1024) + "\"}";
        assertThat(post(huge, SECRET).statusCode()).isEqualTo(413);
        assertThat(post("", SECRET).statusCode()).isEqualTo(400);

        assertThat(telegram.calls()).hasSize(callsBefore);
    }

    @Test
    void twoHundredConcurrentPostsForFiftyUsersAreAllAppliedInEachUsersOrder() throws Exception {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(user());
        }
        ExecutorService telegramSide = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (long user : users) {
                // As Telegram does: one user's updates one after the other, users side by side.
                posted.add(telegramSide.submit(() -> {
                    ChatMessage q1 = startQuiz(user);
                    int n = 2;
                    for (int choice : new int[] {5, 1}) {
                        ChatMessage q = telegram.message(user, q1.messageId()).orElseThrow();
                        telegram.pressButton(user, q.messageId(), answer(q, choice));
                        assertThat(post(single(telegram.takeUpdatesForWebhook(user)), SECRET).statusCode()).isEqualTo(200);
                        n++;
                    }
                    return n;
                }));
            }
            int posts = 0;
            for (Future<Integer> f : posted) {
                posts += f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(posts).isEqualTo(200);
        } finally {
            telegramSide.shutdownNow();
        }
        for (long user : users) {
            ChatMessage screen = telegram.botMessages(user).get(0);
            assertThat(screen.text()).as("user %d", user).contains("3/");
            assertThat(session(user)).as("user %d", user).contains("\"a\":[5,1]");
        }
    }

    @Test
    void concurrentPostsOfOneUserAreAppliedOneAtATime() throws Exception {
        long user = user();
        ChatMessage q1 = startQuiz(user);
        telegram.pressButton(user, q1.messageId(), answer(q1, 2));
        String first = single(telegram.takeUpdatesForWebhook(user));
        telegram.sendText(user, "/help");
        String second = single(telegram.takeUpdatesForWebhook(user));

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> a = both.submit(() -> post(first, SECRET));
            Future<HttpResponse<String>> b = both.submit(() -> post(second, SECRET));
            assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(b.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            both.shutdownNow();
        }
        assertThat(session(user)).contains("\"a\":[2]");
        assertThat(telegram.botMessages(user)).hasSizeGreaterThanOrEqualTo(2);
    }

    /** /start, then the start button: returns the message showing question 1 (two updates posted). */
    private static ChatMessage startQuiz(long user) throws Exception {
        telegram.sendText(user, "/start");
        assertThat(post(single(telegram.takeUpdatesForWebhook(user)), SECRET).statusCode()).isEqualTo(200);
        ChatMessage welcome = telegram.botMessages(user).get(0);
        telegram.pressButton(user, welcome.messageId(), "s");
        assertThat(post(single(telegram.takeUpdatesForWebhook(user)), SECRET).statusCode()).isEqualTo(200);
        ChatMessage q1 = telegram.message(user, welcome.messageId()).orElseThrow();
        assertThat(q1.text()).contains("1/");
        return q1;
    }

    private static String answer(ChatMessage question, int choice) {
        return question.buttons().stream().map(InlineButton::value)
                .filter(v -> v.startsWith("q:") && v.endsWith(":" + choice)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer " + choice + " on " + question.text()));
    }

    private static String single(List<String> updates) {
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    private static long user() {
        long id = USER_IDS.incrementAndGet();
        telegram.createUser(id, "U" + id, "en");
        return id;
    }

    private static String session(long user) {
        byte[] data = redis.connection().sync().hget("cb:{u:" + user + "}:session", "data");
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(webhook).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
