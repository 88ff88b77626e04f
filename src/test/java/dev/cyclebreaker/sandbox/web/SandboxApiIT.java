package dev.cyclebreaker.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.FakeUser;
import dev.cyclebreaker.sandbox.SandboxClock;
import dev.cyclebreaker.store.RedisTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/** The sandbox's JSON API over real HTTP, with the whole app started without a token. */
class SandboxApiIT {
    static final long ALICE = SandboxChats.ALICE;
    static final long BOB = SandboxChats.BOB;
    static final long GROUP = SandboxChats.GROUP;

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    static SandboxApp app;

    @BeforeAll
    static void start() throws Exception {
        app = SandboxApp.start(redis);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aliceStartsTheTestAndThePageSeesTheWelcomeEditedIntoTheFirstQuestion() {
        SandboxApp.Reply sent = app.post("/sandbox/api/chats/" + ALICE + "/send", "{\"userId\":1001,\"text\":\"/start\"}");
        assertThat(sent.status()).isEqualTo(200);

        JsonNode chat = awaitChat(ALICE, c -> botMessageWithButton(c, "s") != null);
        JsonNode welcome = botMessageWithButton(chat, "s");
        assertThat(welcome.path("text").asText()).contains("pursue–distance cycle");
        assertThat(welcome.path("entities")).anyMatch(e -> e.path("type").asText().equals("bold"));
        assertThat(welcome.path("keyboard").get(0).get(0).path("text").asText()).contains("Start the test");
        int id = welcome.path("id").asInt();

        SandboxApp.Reply pressed = app.post("/sandbox/api/chats/" + ALICE + "/press",
                "{\"userId\":1001,\"messageId\":" + id + ",\"data\":\"s\"}");
        assertThat(pressed.status()).isEqualTo(200);
        String queryId = pressed.body().path("callbackQueryId").asText();

        JsonNode after = awaitChat(ALICE, c -> message(c, id).path("editCount").asInt() > 0
                && answered(c, queryId));
        JsonNode question = message(after, id);
        assertThat(question.path("text").asText()).contains("1/");
        assertThat(question.path("keyboard").toString()).contains("q:");
        assertThat(after.path("messages")).hasSize(2); // the same message, edited in place
    }

    @Test
    void badRequestsGetA4xxWithOneLineAndNeverReachTheBot() {
        FakeTelegram telegram = app.telegram();
        long updatesBefore = telegram.calls().size();
        int bobMessages = telegram.messages(BOB).size();
        String tooLong = "a".repeat(4097);

        assertError(app.get("/sandbox/api/chats/42"), 404, "no chat 42");
        assertError(app.get("/sandbox/api/chats/abc"), 400, "chat id must be a whole number");
        assertError(app.post("/sandbox/api/chats/42/send", "{\"userId\":1001,\"text\":\"hi\"}"), 404, "no chat 42");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1001,\"text\":\"hi\"}"), 404,
                "user 1001 is not in chat 1002");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1002}"), 400, "text is missing");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"text\":\"hi\"}"), 400, "userId is missing");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1002,\"text\":\"  \"}"), 400,
                "text is empty");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1002,\"text\":\"" + tooLong + "\"}"),
                400, "text is longer than 4096 characters (4097)");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1002,\"text\":"), 400,
                "the body is not JSON");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "[1002]"), 400, "the body must be a JSON object");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "text/plain", "{\"userId\":1002,\"text\":\"hi\"}"),
                415, "send the body as application/json");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/send", "{\"userId\":1002,\"text\":\"" + "a".repeat(20_000)
                + "\"}"), 413, "the body is larger than 16384 bytes");
        assertError(app.post("/sandbox/api/chats/" + BOB + "/press", "{\"userId\":1002,\"messageId\":999,\"data\":\"s\"}"),
                404, "chat 1002 has no message 999");
        assertError(app.post("/sandbox/api/users/7/language", "{\"language\":\"en\"}"), 404, "no user 7");
        assertError(app.post("/sandbox/api/users/" + BOB + "/language", "{\"language\":\"<b>\"}"), 400,
                "language must be a Telegram language code such as en or zh-hans");
        assertError(app.post("/sandbox/api/clock/advance", "{\"minutes\":-5}"), 400, "minutes must be from 1 to 10080");
        assertError(app.post("/sandbox/api/clock/advance", "{\"minutes\":\"10\"}"), 400, "minutes must be a whole number");
        assertError(app.get("/sandbox/files/..secret"), 400, "not a file id");
        assertThat(app.get("/sandbox/api/nothing-here").status()).isEqualTo(404);

        assertThat(telegram.messages(BOB)).hasSize(bobMessages);
        assertThat(telegram.pendingUpdates()).isZero();
        assertThat(telegram.calls().size()).isEqualTo(updatesBefore);
        assertThat(telegram.users()).filteredOn(u -> u.id() == BOB).extracting(FakeUser::languageCode)
                .containsExactly("zh-hans");
    }

    @Test
    void aButtonThatTheMessageNoLongerShowsIsRefusedWithAConflict() {
        FakeTelegram telegram = app.telegram();
        telegram.sendText(BOB, "/help");
        ChatMessage help = telegram.awaitMessage(BOB, ChatMessage::fromBot, SandboxApp.WAIT);

        assertError(app.post("/sandbox/api/chats/" + BOB + "/press",
                "{\"userId\":1002,\"messageId\":" + help.messageId() + ",\"data\":\"s\"}"), 409,
                "message " + help.messageId() + " shows no such button now");
    }

    @Test
    void aPageThatSawALaterVersionThanExistsIsAnsweredAtOnceAfterARestart() {
        long now = app.telegram().version();

        long started = System.nanoTime();
        SandboxApp.Reply reply = app.get("/sandbox/api/changes?since=" + (now + 1000));

        assertThat(reply.body().path("version").asLong()).isGreaterThanOrEqualTo(now);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SandboxApi.LONG_POLL.dividedBy(2));
    }

    @Test
    void skippingAheadMovesTheAppsClock() {
        Clock clock = app.bean(Clock.class);
        assertThat(clock).isInstanceOf(SandboxClock.class);
        Instant before = clock.instant();

        SandboxApp.Reply reply = app.post("/sandbox/api/clock/advance", "{\"minutes\":60}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Instant.ofEpochMilli(reply.body().path("now").asLong())).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(app.get("/sandbox/api/state").body().path("skippedSeconds").asLong()).isGreaterThanOrEqualTo(3600);
    }

    @Test
    void theStateNamesAliceBobAndTheirGroup() {
        JsonNode state = app.get("/sandbox/api/state").body();

        assertThat(state.path("users").toString()).contains("\"name\":\"Alice\"", "\"language\":\"en\"",
                "\"name\":\"Bob\"");
        JsonNode group = StreamSupport.stream(state.path("chats").spliterator(), false)
                .filter(c -> c.path("type").asText().equals("group")).findFirst().orElseThrow();
        assertThat(group.path("members").toString()).isEqualTo("[1001,1002]");
    }

    @Test
    void writingInTheGroupGoesToTheBotAsAGroupMessage() {
        SandboxApp.Reply reply = app.post("/sandbox/api/chats/" + GROUP + "/send", "{\"userId\":1002,\"text\":\"hello all\"}");

        assertThat(reply.status()).isEqualTo(200);
        ChatMessage m = app.telegram().messages(GROUP).get(reply.body().path("messageId").asInt() - 1);
        assertThat(m.fromId()).isEqualTo(BOB);
        assertThat(m.text()).isEqualTo("hello all");
    }

    @Test
    void changingALanguageChangesWhatTheBotSeesOfTheUser() {
        SandboxApp.Reply reply = app.post("/sandbox/api/users/" + ALICE + "/language", "{\"language\":\"zh-hant\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(app.telegram().users()).filteredOn(u -> u.id() == ALICE).extracting(FakeUser::languageCode)
                .containsExactly("zh-hant");
        app.post("/sandbox/api/users/" + ALICE + "/language", "{\"language\":\"en\"}");
    }

    @Test
    void aPhotoTheBotSendsIsShownFromTheFakesFiles() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        FakeBotApiServer fake = app.bean(FakeBotApiServer.class);
        var bot = new OkHttpTelegramClient(fake.telegram().token(),
                new TelegramUrl("http", "127.0.0.1", fake.port(), false));

        bot.execute(SendPhoto.builder().chatId(BOB).caption("a card")
                .photo(new InputFile(new ByteArrayInputStream(png.toByteArray()), "card.png")).build());

        JsonNode chat = awaitChat(BOB, c -> StreamSupport.stream(c.path("messages").spliterator(), false)
                .anyMatch(m -> m.hasNonNull("photo")));
        JsonNode photo = StreamSupport.stream(chat.path("messages").spliterator(), false)
                .filter(m -> m.hasNonNull("photo")).reduce((a, b) -> b).orElseThrow();
        assertThat(photo.path("text").asText()).isEqualTo("a card");
        SandboxApp.Reply file = app.get(photo.path("photo").asText());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.raw().body()).isEqualTo(png.toByteArray());
    }

    @Test
    void thePageIsServedWithAPolicyThatAllowsNoForeignScript() {
        SandboxApp.Reply page = app.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.raw().body())).contains("/sandbox/chat.js");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").contains("default-src 'none'"));
        assertThat(app.get("/sandbox/chat.js").status()).isEqualTo(200);
        assertThat(app.get("/sandbox/chat.css").status()).isEqualTo(200);
    }

    @Test
    void withATokenTheSandboxDoesNotExist() throws Exception {
        String token = "7000002:TESTtokenTESTtokenTESTtokenTESTtoken";
        try (FakeBotApiServer telegram = FakeBotApiServer.start(new FakeTelegram(token, Clock.systemUTC()), 0);
                SandboxApp withToken = SandboxApp.start(new BotConfig(token, telegram.baseUri(), redis.uri(),
                        Files.createTempDirectory("cb-token"), 2, 1, 0))) {
            assertThat(withToken.get("/").status()).isEqualTo(404);
            assertThat(withToken.get("/sandbox/api/state").status()).isEqualTo(404);
            assertThat(withToken.post("/sandbox/api/clock/advance", "{\"minutes\":10}").status()).isEqualTo(404);
            assertThat(withToken.bean(Clock.class)).isNotInstanceOf(SandboxClock.class);
            assertThat(withToken.has(FakeTelegram.class)).isFalse();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Reads the chat until it matches, waiting on the API's own long poll between reads. */
    private static JsonNode awaitChat(long chatId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + SandboxApp.WAIT.toNanos();
        while (true) {
            JsonNode chat = app.get("/sandbox/api/chats/" + chatId).body();
            if (until.test(chat)) {
                return chat;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("chat " + chatId + " did not get there: " + chat);
            }
            app.get("/sandbox/api/changes?since=" + chat.path("version").asLong());
        }
    }

    private static JsonNode botMessageWithButton(JsonNode chat, String data) {
        for (JsonNode m : chat.path("messages")) {
            if (m.path("fromBot").asBoolean() && m.path("keyboard").toString().contains("\"value\":\"" + data + "\"")) {
                return m;
            }
        }
        return null;
    }

    private static JsonNode message(JsonNode chat, int id) {
        for (JsonNode m : chat.path("messages")) {
            if (m.path("id").asInt() == id) {
                return m;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean answered(JsonNode chat, String queryId) {
        for (JsonNode a : chat.path("answers")) {
            if (a.path("id").asText().equals(queryId)) {
                return true;
            }
        }
        return false;
    }

    private static void assertError(SandboxApp.Reply reply, int status, String error) {
        assertThat(reply.status()).as("status of %s", reply.raw().uri()).isEqualTo(status);
        assertThat(reply.body()).as("a JSON error").isNotNull();
        if (error != null) {
            assertThat(reply.error()).isEqualTo(error);
        }
    }
}
