package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.bench.FloodDrain;
import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.sandbox.FloodSettings;
import dev.cyclebreaker.sandbox.RecordedCall;
import dev.cyclebreaker.sandbox.ScriptedError;
import dev.cyclebreaker.store.RedisTestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox through the real telegrambots client and a Redis flood gate, against the fake Bot
 * API enforcing flood limits in real time. Rates are ten times Telegram's so the test is short.
 */
class FloodLimitedSendingIT {

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private static final double RATE = 300;
    /** Telegram as the fake plays it, ten times faster overall: 1/s per chat (burst 3), 300/s (burst 300). */
    private static final FloodSettings FAKE = new FloodSettings(true, 1, 3, RATE, (int) RATE);

    private final List<Long> blocked = new CopyOnWriteArrayList<>();

    @Test
    void aBurstToManyChatsDrainsAtTheGlobalRateWithoutA429() throws Exception {
        try (FloodDrain drain = new FloodDrain(redis.connection(), FAKE, FloodLimits.telegram(RATE), 1_000,
                blocked::add)) {
            FloodDrain.Result result = drain.drain(3_000, 32);

            System.out.println("FloodLimitedSendingIT: " + result);
            assertThat(result.tooManyRequests()).isZero();
            assertThat(result.failures()).isZero();
            assertThat(result.delivered()).isEqualTo(3_000);
            // 90% is what an idle machine reaches; a loaded shared runner gets a generous floor.
            assertThat(result.shareOfConfigured()).isGreaterThan(0.5);
        }
    }

    @Test
    void aHotChatGetsItsMessagesAtItsOwnPaceWithoutA429() throws Exception {
        try (FloodDrain drain = new FloodDrain(redis.connection(), FAKE, FloodLimits.telegram(RATE), 1,
                blocked::add)) {
            FloodDrain.Result result = drain.drain(5, 5);

            System.out.println("FloodLimitedSendingIT, one chat: " + result);
            assertThat(result.tooManyRequests()).isZero();
            assertThat(result.delivered()).isEqualTo(5);
            assertThat(result.took().toMillis()).as("a burst of 2, then one a second").isGreaterThanOrEqualTo(2_900);
        }
    }

    @Test
    void aChatThatBlockedTheBotIsReportedOnceAndNotSentTheRestOfTheDelivery() throws Exception {
        try (FloodDrain drain = new FloodDrain(redis.connection(), FAKE, FloodLimits.telegram(RATE), 2,
                blocked::add)) {
            drain.telegram.failNext(1, ScriptedError.blockedByUser());

            drain.outbox().deliver(List.of(send(1, "first"), send(1, "second"), send(2, "to someone else")));

            assertThat(blocked).containsExactly(1L);
            List<RecordedCall> calls = drain.telegram.calls("sendMessage");
            assertThat(calls).extracting(RecordedCall::chatId).containsExactly(1L, 2L);
            assertThat(calls.get(0).status()).isEqualTo(403);
            assertThat(drain.telegram.botMessages(2)).hasSize(1);
        }
    }

    private static Effect send(long chat, String text) {
        return new Effect.Send(chat, Message.text(text));
    }
}
