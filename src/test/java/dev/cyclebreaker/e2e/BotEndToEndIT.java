package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.RecordedCall;
import dev.cyclebreaker.store.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole bot, in-process, against the fake Bot API through the real telegrambots client and a
 * real redis-server: what a user sees, message by message.
 */
class BotEndToEndIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Where the polling loop keeps the updates it took and has not finished. */
    static final String RECEIPTS = "cb:{updates}:received";

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(redis);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aUserCompletesTheWholeTestInEnglishAndGetsProfileAndPlaybook() {
        long alice = bot.user("Alice", "en");

        ChatMessage welcome = bot.send(alice, "/start");
        assertThat(welcome.text()).contains("pursue–distance cycle");
        assertThat(welcome.buttons()).extracting(InlineButton::value).containsExactly("s");
        ChatMessage screen = bot.press(alice, welcome, "s");
        int questions = bot.quizSize();
        for (int i = 1; i <= questions; i++) {
            assertThat(screen.text()).contains(i + "/" + questions);
            screen = bot.press(alice, screen, bot.answerData(screen, i % 5 + 1));
        }

        assertThat(screen.messageId()).isEqualTo(welcome.messageId()); // one message, edited in place
        assertThat(screen.text()).contains("▓").containsAnyOf("Pursuer", "Distancer", "Pursue-and-retreat", "Steady", "In between");
        ChatMessage playbook = bot.pressExpectingNew(alice, screen, "pb");
        assertThat(playbook.buttons()).anyMatch(b -> b.action().equals("copy_text"));
        ChatMessage again = bot.send(alice, "/profile");
        assertThat(again.text()).contains("▓");
        bot.pressExpectingAnyChange(alice, again, "pc");
        bot.telegram().await("the result card, asked for", () -> bot.cards(alice).size() == 1, WAIT);
        bot.assertEveryButtonPressWasAnswered();
        bot.assertNoViolations();
    }

    @Test
    void aUserCompletesTheWholeTestInChinese() {
        long bob = bot.user("Bob", "zh-hans");

        ChatMessage screen = bot.press(bob, bot.send(bob, "/start"), "s");
        for (int i = 1; i <= bot.quizSize(); i++) {
            screen = bot.press(bob, screen, bot.answerData(screen, 5 - i % 3));
        }

        assertThat(screen.text()).containsPattern("\\p{IsHan}{4,}").contains("▓");
        ChatMessage playbook = bot.pressExpectingNew(bob, screen, "pb");
        assertThat(playbook.text()).containsPattern("\\p{IsHan}{4,}");
        bot.assertNoViolations();
    }

    @Test
    void aRestartMidTestLosesNothing() throws Exception {
        long carol = bot.user("Carol", "en");
        ChatMessage screen = bot.press(carol, bot.send(carol, "/start"), "s");
        for (int i = 0; i < 5; i++) {
            screen = bot.press(carol, screen, bot.answerData(screen, 4));
        }
        assertThat(screen.text()).contains("6/" + bot.quizSize());

        bot.restart();

        ChatMessage after = bot.press(carol, screen, bot.answerData(screen, 2));
        assertThat(after.text()).contains("7/" + bot.quizSize());
        ChatMessage resume = bot.send(carol, "/quiz");
        assertThat(resume.buttons()).extracting(InlineButton::value).contains("c", "o");
        ChatMessage cont = bot.press(carol, resume, "c");
        assertThat(cont.text()).contains("7/" + bot.quizSize());
    }

    @Test
    void aReplayedUpdateIsAppliedOnceAndReSendsTheCurrentView() {
        long dan = bot.user("Dan", "en");
        ChatMessage q1 = bot.press(dan, bot.send(dan, "/start"), "s");
        long pressUpdate = bot.forgePress(dan, q1.messageId(), bot.answerData(q1, 3));
        ChatMessage q2 = bot.awaitEdits(dan, q1.messageId(), q1.editCount() + 1);
        assertThat(q2.text()).contains("2/" + bot.quizSize());

        // A crash after the commit, before Telegram heard the new offset: the next process gets it again.
        bot.restart();
        bot.telegram().redeliver(pressUpdate);

        bot.awaitCallbackAnswers(dan, 3); // start, the press, its replay: each answered
        assertThat(bot.telegram().message(dan, q1.messageId()).orElseThrow().text()).contains("2/" + bot.quizSize());
        assertThat(bot.session(dan)).contains("\"a\":[3]");
    }

    @Test
    void anUpdateTakenButNotFinishedWhenTheProcessDiedIsProcessedByTheNextOne() throws Exception {
        long gus = bot.user("Gus", "en");
        bot.stop();
        bot.telegram().sendText(gus, "/start");
        // The process that died had polled it, written its receipt and confirmed it: Telegram has it no more.
        String update = bot.telegram().takeUpdatesForWebhook(gus).get(0);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(update).get("update_id").asText();
        redis.connection().sync().hset(RECEIPTS, id, update.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        bot.startAgain();

        assertThat(bot.awaitBotMessages(gus, 1).text()).contains("pursue–distance cycle");
        bot.telegram().await("its receipt forgotten", () -> redis.connection().sync().hlen(RECEIPTS) == 0, WAIT);
    }

    @Test
    void everyUpdatesReceiptIsForgottenOnceItIsProcessed() {
        long hal = bot.user("Hal", "en");
        bot.press(hal, bot.send(hal, "/start"), "s");

        bot.telegram().await("receipts forgotten", () -> redis.connection().sync().hlen(RECEIPTS) == 0, WAIT);
    }

    @Test
    void aDoubleTapAndABurstOfFiftyTapsAreEachAppliedOnce() {
        long eve = bot.user("Eve", "en");
        ChatMessage q1 = bot.press(eve, bot.send(eve, "/start"), "s");
        String data = bot.answerData(q1, 5);

        for (int i = 0; i < 50; i++) {
            bot.forgePress(eve, q1.messageId(), data);
        }

        bot.awaitCallbackAnswers(eve, 51);
        assertThat(bot.session(eve)).contains("\"a\":[5]");
        assertThat(bot.telegram().message(eve, q1.messageId()).orElseThrow().text()).contains("2/" + bot.quizSize());
    }

    @Test
    void freeTextStickersAndForgedButtonsGetAFriendlyAnswerAndChangeNothing() {
        long fay = bot.user("Fay", "en");
        ChatMessage q1 = bot.press(fay, bot.send(fay, "/start"), "s");
        String before = bot.session(fay);

        ChatMessage hint = bot.send(fay, "I don't like buttons");
        assertThat(hint.text()).contains("1/" + bot.quizSize());
        bot.telegram().sendSticker(fay);
        bot.awaitBotMessages(fay, 3);
        bot.forgePress(fay, q1.messageId(), "q:zzz:99:9");
        bot.forgePress(fay, q1.messageId(), "\u00ff garbage");
        bot.awaitCallbackAnswers(fay, 3);
        ChatMessage unknown = bot.send(fay, "/dance");
        assertThat(unknown.text()).contains("/help");

        assertThat(bot.session(fay)).isEqualTo(before);
        bot.assertNoViolations();
    }

    @Test
    void groupMessagesNotAddressedToTheBotAndChannelsAreIgnored() {
        long gus = bot.user("Gus", "en");
        // only /quiz@bot, /start@bot and /help@bot are answered in groups (see GroupsEndToEndIT)
        bot.telegram().groupMessage(-100123, gus, "/quiz");
        bot.telegram().groupMessage(-100123, gus, "hello, group");
        bot.telegram().channelPost(-100999, "hello");
        bot.telegram().channelPost(-100999, "/quiz@cyclebreaker_sandbox_bot");
        ChatMessage welcome = bot.send(gus, "/start"); // processed after the two above

        assertThat(welcome.chatId()).isEqualTo(gus);
        assertThat(bot.telegram().calls()).noneMatch(c -> c.params().path("chat_id").asLong() < 0);
    }

    @Test
    void forgetDeletesEveryKeyOfTheUser() {
        long hal = bot.user("Hal", "en");
        ChatMessage screen = bot.press(hal, bot.send(hal, "/start"), "s");
        for (int i = 1; i <= bot.quizSize(); i++) {
            screen = bot.press(hal, screen, bot.answerData(screen, 2));
        }
        long ivy = bot.user("Ivy", "en");
        bot.press(ivy, bot.send(ivy, "/start"), "s");
        assertThat(bot.keysOf(hal)).isNotEmpty();

        ChatMessage ask = bot.send(hal, "/forget");
        ChatMessage done = bot.press(hal, ask, "f:y");

        assertThat(done.text()).isNotEqualTo(ask.text());
        bot.awaitNoKeysOf(hal);
        assertThat(bot.keysOf(ivy)).isNotEmpty();
        assertThat(bot.send(hal, "/profile").buttons()).extracting(InlineButton::value).containsExactly("s");
    }

    @Test
    void commandsArePublishedInBothLanguages() {
        Set<String> names = bot.telegram().commands("").keySet();
        assertThat(names).contains("start", "quiz", "profile", "playbook", "lang", "help", "forget");
        assertThat(bot.telegram().commands("zh").keySet()).isEqualTo(names);
        List<RecordedCall> deletes = bot.telegram().calls("deleteWebhook");
        assertThat(deletes).isNotEmpty();
    }
}
