package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.reminders.MovableClock;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.ScriptedError;
import dev.cyclebreaker.store.RedisTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pause and return through the whole bot: the fake Bot API, the real client, a real redis-server,
 * the reminder poller, and a clock the test moves instead of waiting twenty minutes.
 */
class PauseAndReturnEndToEndIT {
    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T13:20:00Z"));
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(redis, clock);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aTwentyMinutePauseSendsItsReturnReminderOnceWithItsButtons() {
        long ann = bot.user("Ann", "en");
        ChatMessage signal = pauseFor20Minutes(ann);
        assertThat(signal.text()).contains("I'll remind you in 20 minutes").contains("I heard you");
        assertThat(signal.buttons()).anyMatch(b -> b.action().equals("copy_text"));

        clock.advance(Duration.ofMinutes(19));
        assertThat(reminders(ann)).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        ChatMessage reminder = bot.telegram().awaitMessage(ann, m -> m.text().contains("your return point"), TestBot.WAIT);
        assertThat(reminder.buttons()).extracting(InlineButton::text)
                .anyMatch(t -> t.contains("I'm back")).anyMatch(t -> t.contains("10 more minutes"))
                .anyMatch(t -> t.contains("Cancel"));
        clock.advance(Duration.ofMinutes(5));
        bot.awaitQuiet(ann);
        assertThat(reminders(ann)).hasSize(1);

        ChatMessage back = bot.press(ann, reminder, data(reminder, "I'm back"));
        assertThat(back.text()).contains("Where were we?");
        bot.assertNoViolations();
    }

    @Test
    void remindersThatFallDueWhileTheBotIsDownArriveAfterTheRestart() {
        long ben = bot.user("Ben", "en");
        pauseFor20Minutes(ben);

        bot.stop();
        clock.advance(Duration.ofMinutes(45));
        bot.startAgain();

        bot.telegram().awaitMessage(ben, m -> m.text().contains("your return point"), TestBot.WAIT);
        bot.awaitQuiet(ben);
        assertThat(reminders(ben)).hasSize(1);
    }

    @Test
    void aCancelledReminderNeverArrives() {
        long cat = bot.user("Cat", "en");
        pauseFor20Minutes(cat);
        ChatMessage list = bot.send(cat, "/reminders");
        bot.pressExpectingAnyChange(cat, list, list.buttons().stream().map(InlineButton::value)
                .filter(v -> v.startsWith("r:")).findFirst().orElseThrow());

        clock.advance(Duration.ofMinutes(30));
        bot.send(cat, "/help"); // the reminder, had it been due, would have come before this answer
        bot.awaitQuiet(cat);
        assertThat(reminders(cat)).isEmpty();
    }

    @Test
    void forgetTakesPendingRemindersAlong() {
        long dee = bot.user("Dee", "en");
        pauseFor20Minutes(dee);
        ChatMessage ask = bot.send(dee, "/forget");
        bot.press(dee, ask, "f:y");
        bot.awaitNoKeysOf(dee);

        clock.advance(Duration.ofMinutes(30));
        bot.send(dee, "/help");
        bot.awaitQuiet(dee);
        assertThat(reminders(dee)).isEmpty();
        bot.awaitNoKeysOf(dee);
    }

    @Test
    void aUserWhoBlockedTheBotGetsNothingMore() {
        long eli = bot.user("Eli", "en");
        pauseFor20Minutes(eli);
        bot.send(eli, "/pause 1h");
        bot.telegram().failNext(eli, ScriptedError.blockedByUser());

        clock.advance(Duration.ofMinutes(25)); // the first reminder meets the 403
        bot.awaitQuiet(eli);
        int callsAfterBlock = bot.callsTo(eli).size();
        clock.advance(Duration.ofHours(2)); // the second would be due now, had it not been cancelled
        bot.awaitQuiet(eli);

        assertThat(bot.callsTo(eli)).hasSize(callsAfterBlock);
        assertThat(bot.callsTo(eli).get(callsAfterBlock - 1).status()).isEqualTo(403);
        assertThat(reminders(eli)).isEmpty();
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAndTheMessageStillArrivesOnce() {
        long fin = bot.user("Fin", "en");
        bot.telegram().failNext(fin, ScriptedError.tooManyRequests(1));

        ChatMessage welcome = bot.send(fin, "/start");

        assertThat(welcome.text()).contains("CycleBreaker");
        List<Integer> statuses = bot.callsTo(fin).stream().map(c -> c.status()).toList();
        assertThat(statuses).containsExactly(429, 200);
        assertThat(bot.telegram().botMessages(fin)).hasSize(1);
    }

    private ChatMessage pauseFor20Minutes(long user) {
        ChatMessage menu = bot.send(user, "/pause");
        assertThat(menu.buttons()).extracting(InlineButton::value).contains("p:20");
        int before = bot.telegram().botMessages(user).size();
        bot.telegram().pressButton(user, menu.messageId(), "p:20");
        return bot.telegram().awaitMessage(user, m -> m.buttons().stream().anyMatch(b -> b.action().equals("copy_text"))
                && (m.editCount() > 0 || bot.telegram().botMessages(user).size() > before), TestBot.WAIT);
    }

    private List<ChatMessage> reminders(long user) {
        return bot.telegram().botMessages(user).stream().filter(m -> m.text().contains("your return point")).toList();
    }

    private static String data(ChatMessage m, String label) {
        return m.buttons().stream().filter(b -> b.text().contains(label)).map(InlineButton::value).findFirst().orElseThrow();
    }
}
