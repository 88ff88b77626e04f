package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.Application;
import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.sandbox.CallbackAnswer;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.RecordedCall;
import dev.cyclebreaker.store.RedisTestServer;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bot under test: a fake Bot API, a real redis-server, and the Spring application started
 * in-process with the real telegrambots client pointed at the fake. Methods read as a user acts.
 */
final class TestBot implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String TOKEN = "7000001:TESTtokenTESTtokenTESTtokenTESTtoken";
    private static final AtomicLong USER_IDS = new AtomicLong(5_000_000 + (System.nanoTime() % 1000) * 1000);

    private final FakeTelegram telegram;
    private final FakeBotApiServer api;
    private final BotConfig config;
    private final Set<String> pressed = ConcurrentHashMap.newKeySet();
    private ConfigurableApplicationContext app;

    private final RedisTestServer redis;
    private final Clock clock;

    private TestBot(FakeTelegram telegram, FakeBotApiServer api, BotConfig config, RedisTestServer redis, Clock clock) {
        this.telegram = telegram;
        this.api = api;
        this.config = config;
        this.redis = redis;
        this.clock = clock;
    }

    static TestBot start(RedisTestServer redis) throws Exception {
        return start(redis, Clock.systemUTC());
    }

    /** @param clock the bot's clock: a test moves it to make reminders fall due */
    static TestBot start(RedisTestServer redis, Clock clock) throws Exception {
        return start(redis, clock, c -> c);
    }

    /** @param configure changes the test configuration, e.g. to set a public base URL */
    static TestBot start(RedisTestServer redis, Clock clock, java.util.function.UnaryOperator<BotConfig> configure)
            throws Exception {
        FakeTelegram telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
        FakeBotApiServer api = FakeBotApiServer.start(telegram, 0);
        Path data = Files.createTempDirectory("cb-e2e");
        BotConfig config = configure.apply(new BotConfig(TOKEN, api.baseUri(), redis.uri(), data, 8, 1, 0));
        TestBot bot = new TestBot(telegram, api, config, redis, clock);
        bot.app = Application.start(config, clock);
        return bot;
    }

    FakeTelegram telegram() {
        return telegram;
    }

    void restart() {
        stop();
        startAgain();
    }

    /** The process goes away: nothing runs until {@link #startAgain}. */
    void stop() {
        app.close();
    }

    void startAgain() {
        app = Application.start(config, clock);
    }

    /** The port the app's web server listens on. */
    int httpPort() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** Takes the whole test from /start, answering every statement with {@code choice}; returns the profile. */
    ChatMessage finishTest(long user, int choice) {
        ChatMessage screen = press(user, send(user, "/start"), "s");
        for (int i = 1; i <= quizSize(); i++) {
            screen = press(user, screen, answerData(screen, choice));
        }
        return screen;
    }

    int quizSize() {
        return QuizDefinition.load().size();
    }

    long user(String name, String languageCode) {
        long id = USER_IDS.incrementAndGet();
        telegram.createUser(id, name, languageCode);
        return id;
    }

    /** Sends text and returns the bot's next new text message in that chat. */
    ChatMessage send(long user, String text) {
        int before = botTexts(user).size();
        telegram.sendText(user, text);
        return awaitBotMessages(user, before + 1);
    }

    /** Waits for the bot's text message number {@code count} in the chat (result card pictures not counted). */
    ChatMessage awaitBotMessages(long user, int count) {
        telegram.await("bot message #" + count + " in chat " + user, () -> botTexts(user).size() >= count, WAIT);
        List<ChatMessage> all = botTexts(user);
        return all.get(count - 1);
    }

    /** The bot's messages in the chat but its pictures (the result cards), which come beside a text. */
    List<ChatMessage> botTexts(long user) {
        return telegram.botMessages(user).stream().filter(m -> !"photo".equals(m.kind())).toList();
    }

    /** The result card pictures the bot sent to the chat. */
    List<ChatMessage> cards(long user) {
        return telegram.botMessages(user).stream().filter(m -> "photo".equals(m.kind())).toList();
    }

    /** Presses a button and returns the same message after the bot edited it. */
    ChatMessage press(long user, ChatMessage on, String callbackData) {
        int edits = telegram.message(user, on.messageId()).orElseThrow().editCount();
        pressed.add(telegram.pressButton(user, on.messageId(), callbackData));
        return awaitEdits(user, on.messageId(), edits + 1);
    }

    /** Presses a button that makes the bot send a new message, and returns that message. */
    ChatMessage pressExpectingNew(long user, ChatMessage on, String callbackData) {
        int before = botTexts(user).size();
        pressed.add(telegram.pressButton(user, on.messageId(), callbackData));
        return awaitBotMessages(user, before + 1);
    }

    ChatMessage awaitEdits(long user, int messageId, int edits) {
        telegram.await("message " + messageId + " edited " + edits + " times",
                () -> telegram.message(user, messageId).map(m -> m.editCount() >= edits).orElse(false), WAIT);
        return telegram.message(user, messageId).orElseThrow();
    }

    /** Presses a button and waits until the bot has answered that press (whatever else it does). */
    void pressExpectingAnyChange(long user, ChatMessage on, String callbackData) {
        String id = telegram.pressButton(user, on.messageId(), callbackData);
        pressed.add(id);
        telegram.await("an answer to press " + id, () -> telegram.callbackAnswers().stream()
                .anyMatch(a -> a.callbackQueryId().equals(id)), WAIT);
    }

    /**
     * Waits until the reminder index holds nothing of the user, pending or being delivered: from
     * then on no reminder can reach them, so counting their messages is final. A reminder leaves
     * the index only after its message was sent.
     */
    void awaitQuiet(long user) {
        telegram.await("no reminder of " + user + " pending or in delivery", () -> dueIndexMembersOf(user).isEmpty(), WAIT);
    }

    private List<String> dueIndexMembersOf(long user) {
        List<String> found = new ArrayList<>();
        for (String key : keysMatching("cb:{due:*")) {
            if (!redis.connection().sync().type(key).equals("zset")) {
                continue;
            }
            for (byte[] member : redis.connection().sync().zrange(key, 0, -1)) {
                String m = new String(member, StandardCharsets.US_ASCII);
                if (m.startsWith(user + ":")) {
                    found.add(key + " " + m);
                }
            }
        }
        return found;
    }

    /** A press Telegram would deliver even if the button is gone: forged data, double taps. */
    long forgePress(long user, int messageId, String data) {
        String id = "forged" + System.nanoTime();
        pressed.add(id);
        String json = "{\"callback_query\":{\"id\":\"" + id + "\",\"chat_instance\":\"ci\",\"from\":{\"id\":" + user
                + ",\"is_bot\":false,\"first_name\":\"U\",\"language_code\":\"en\"},\"data\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(data) + ",\"message\":{\"message_id\":" + messageId
                + ",\"date\":1,\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"text\":\"x\"}}}";
        return telegram.enqueueRaw(json);
    }

    void awaitCallbackAnswers(long user, int count) {
        telegram.await(count + " callback answers for " + user,
                () -> telegram.callbackAnswers().stream().filter(a -> a.userId() == user).count() >= count
                        || telegram.calls("answerCallbackQuery").stream()
                                .filter(c -> isForUser(c, user)).count() >= count, WAIT);
    }

    private boolean isForUser(RecordedCall c, long user) {
        String id = c.params().path("callback_query_id").asText();
        return telegram.callbackAnswers().stream().anyMatch(a -> a.callbackQueryId().equals(id) && a.userId() == user);
    }

    String answerData(ChatMessage question, int choice) {
        return question.buttons().stream().map(InlineButton::value)
                .filter(v -> v.startsWith("q:") && v.endsWith(":" + choice)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer " + choice + " on " + question.text()));
    }

    List<RecordedCall> callsTo(long chat) {
        return telegram.calls().stream().filter(c -> c.params().path("chat_id").asLong() == chat).toList();
    }

    String session(long user) {
        byte[] data = redis.connection().sync().hget("cb:{u:" + user + "}:session", "data");
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    /** The goodbye is sent before the data goes: wait for the data to go. */
    void awaitNoKeysOf(long user) {
        telegram.await("no key of " + user + " left", () -> keysOf(user).isEmpty(), WAIT);
    }

    /** Every key that mentions the user, found with SCAN as an operator would look. */
    List<String> keysOf(long user) {
        return keysMatching("*" + user + "*");
    }

    private List<String> keysMatching(String pattern) {
        List<String> keys = new ArrayList<>();
        ScanArgs match = ScanArgs.Builder.matches(pattern).limit(1000);
        KeyScanCursor<String> cursor = redis.connection().sync().scan(match);
        keys.addAll(cursor.getKeys());
        while (!cursor.isFinished()) {
            cursor = redis.connection().sync().scan(cursor, match);
            keys.addAll(cursor.getKeys());
        }
        return keys;
    }

    void assertEveryButtonPressWasAnswered() {
        List<String> answered = telegram.callbackAnswers().stream().map(CallbackAnswer::callbackQueryId).toList();
        assertThat(answered).doesNotHaveDuplicates();
        telegram.await("every press answered", () -> telegram.callbackAnswers().stream()
                .map(CallbackAnswer::callbackQueryId).toList().containsAll(pressed), WAIT);
    }

    void assertNoViolations() {
        assertThat(telegram.violations()).isEmpty();
        // Refusals the bot cannot avoid: an edit that a replay or double tap leaves unchanged, and
        // a second answer to a query that Telegram delivered twice.
        assertThat(telegram.calls()).allMatch(c -> c.ok() || c.description().contains("not modified")
                || c.description().contains("query is too old"), "every call accepted");
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        api.close();
    }
}
