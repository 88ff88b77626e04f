package dev.cyclebreaker.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.reminders.MovableClock;
import dev.cyclebreaker.telegram.FloodGate;
import dev.cyclebreaker.telegram.FloodLimits;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisFloodGateIT {

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private static final long ANN = 42;
    private static final long GROUP = -1001;
    private static final byte[] DATA = "{}".getBytes(US_ASCII);
    /** A global budget too large to matter, so a test sees the chat's limits alone. */
    private static final FloodLimits CHAT_LIMITS = new FloodLimits(1.0, 3, 20, 3, 10_000, 10_000);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<StatefulRedisConnection<String, byte[]>> opened = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        opened.forEach(StatefulRedisConnection::close);
    }

    @Test
    void aPrivateChatGetsABurstOfThreeThenOneASecond() {
        FloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(gate.acquire(ANN)).as("message %d of the burst", i + 1).isZero();
        }
        Duration wait = gate.acquire(ANN);
        clock.advance(Duration.ofMillis(999));
        Duration almost = gate.acquire(ANN);
        clock.advance(Duration.ofMillis(1));

        assertThat(wait).isEqualTo(Duration.ofSeconds(1));
        assertThat(almost).isEqualTo(Duration.ofMillis(1));
        assertThat(gate.acquire(ANN)).isZero();
        assertThat(gate.acquire(ANN)).isEqualTo(Duration.ofSeconds(1));
        assertThat(gate.acquire(ANN + 1)).as("another chat has its own bucket").isZero();
    }

    @Test
    void aGroupGetsNoMoreThanTwentyMessagesInAnyMinute() {
        FloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        long start = clock.millis();
        List<Long> granted = new ArrayList<>();

        for (int step = 0; step < 3_000; step++) { // five minutes in steps of 100 ms
            while (gate.acquire(GROUP).isZero()) {
                granted.add(clock.millis() - start);
            }
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(granted.stream().filter(t -> t < 60_000)).hasSizeBetween(19, 20);
        assertThat(granted.stream().filter(t -> t < 61_000)).as("3 at once, then one every 60/17 s").hasSize(20);
        for (int i = 0; i + 20 < granted.size(); i++) {
            assertThat(granted.get(i + 20) - granted.get(i)).as("21 messages span more than a minute")
                    .isGreaterThanOrEqualTo(60_000);
        }
        assertThat(granted).hasSizeBetween(3 + 17 * 5 - 1, 3 + 17 * 5);
    }

    @Test
    void aPauseAfterA429HoldsForEveryInstance() {
        FloodGate one = new RedisFloodGate(newConnection(), CHAT_LIMITS, clock);
        FloodGate two = new RedisFloodGate(newConnection(), CHAT_LIMITS, clock);

        one.pause(ANN, Duration.ofSeconds(5));
        Duration wait = two.acquire(ANN);
        two.pause(ANN, Duration.ofSeconds(1));

        assertThat(wait).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(one.acquire(ANN)).as("a shorter pause does not cut a longer one short")
                .isGreaterThan(Duration.ofSeconds(3));
        assertThat(two.acquire(ANN + 1)).as("other chats are not paused").isZero();
    }

    @Test
    void aPauseOutlivesTheChatsBucketAndEndsOnTime() {
        FloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        RedisCommands<String, byte[]> r = redis.connection().sync();
        assertThat(gate.acquire(ANN)).isZero();

        gate.pause(ANN, Duration.ofMillis(300));

        assertThat(r.pttl(Keys.chatFlood(ANN))).as("the bucket, which marks the pause, lives as long")
                .isGreaterThanOrEqualTo(r.pttl(Keys.chatPause(ANN)));
        assertThat(gate.acquire(ANN)).isPositive();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (r.exists(Keys.chatPause(ANN)) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(gate.acquire(ANN)).as("the pause is over").isZero();
        assertThat(r.hexists(Keys.chatFlood(ANN), "paused")).isFalse();
    }

    @Test
    void twoInstancesShareTheGlobalRate() {
        FloodLimits limits = new FloodLimits(1.0, 3, 20, 3, 10, 5);
        FloodGate one = new RedisFloodGate(newConnection(), limits, clock);
        FloodGate two = new RedisFloodGate(newConnection(), limits, clock);
        long start = clock.millis();
        List<Long> granted = new ArrayList<>();
        long chat = 1;

        for (int step = 0; step < 1_000; step++) { // ten seconds in steps of 10 ms
            for (FloodGate gate : List.of(one, two)) {
                while (gate.acquire(chat).isZero()) {
                    granted.add(clock.millis() - start);
                    chat++; // a new chat each time: only the global budget limits
                }
            }
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(granted).as("burst 5 plus 10/s for ten seconds, less what leases let lapse")
                .hasSizeBetween(90, 5 + 100);
        long lease = RedisFloodGate.LEASE_WINDOW.toMillis();
        for (int i = 0; i < granted.size(); i++) {
            long from = granted.get(i);
            long inOneSecond = granted.stream().filter(t -> t >= from && t < from + 1_000).count();
            assertThat(inOneSecond).as("sends in the second from %d ms", from)
                    .isLessThanOrEqualTo(5 + 10 * (1_000 + lease) / 1_000);
        }
    }

    @Test
    void aChatIsNotChargedWhenTheGlobalBudgetSaysNo() {
        FloodLimits limits = new FloodLimits(1.0, 3, 20, 3, 1, 1);
        FloodGate one = new RedisFloodGate(newConnection(), limits, clock);
        FloodGate two = new RedisFloodGate(newConnection(), limits, clock);

        assertThat(one.acquire(ANN)).isZero();
        Duration wait = two.acquire(ANN + 1);

        assertThat(wait).isEqualTo(Duration.ofSeconds(1));
        assertThat(tokens(ANN + 1)).as("the token taken alongside the refused reservation came back").isEqualTo(3.0);
    }

    @Test
    void anInstanceThatEmptiedTheGlobalBucketWaitsWithoutAskingRedisAgain() {
        FloodLimits limits = new FloodLimits(1.0, 3, 20, 3, 1, 1);
        FloodGate gate = new RedisFloodGate(redis.connection(), limits, clock);

        assertThat(gate.acquire(ANN)).isZero();
        Duration wait = gate.acquire(ANN + 1);

        assertThat(wait).isEqualTo(Duration.ofSeconds(1));
        assertThat(redis.connection().sync().exists(Keys.chatFlood(ANN + 1))).isZero();
    }

    @Test
    void floodKeysExpireSoIdleChatsLeaveNothingBehind() {
        FloodGate gate = new RedisFloodGate(redis.connection(), FloodLimits.telegram(), clock);

        gate.acquire(ANN);
        gate.acquire(GROUP);
        gate.pause(ANN, Duration.ofSeconds(2));
        RedisCommands<String, byte[]> r = redis.connection().sync();

        assertThat(r.pttl(Keys.chatFlood(ANN))).as("a private bucket refills within a second").isBetween(1L, 2_000L);
        assertThat(r.pttl(Keys.chatFlood(GROUP))).as("a group's within 11 s").isBetween(1L, 12_000L);
        assertThat(r.pttl(Keys.chatPause(ANN))).isBetween(1L, 2_000L);
        assertThat(r.pttl(Keys.globalFlood())).isBetween(1L, 2_000L);
        assertThat(r.keys("*")).allMatch(key -> r.pttl(key) > 0);
    }

    @Test
    void theGateStillWorksAfterRedisForgetsItsScripts() {
        FloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        assertThat(gate.acquire(ANN)).isZero();

        redis.connection().sync().scriptFlush();
        clock.advance(RedisFloodGate.LEASE_WINDOW);

        assertThat(gate.acquire(ANN + 1)).as("reservation and chat pipelined").isZero();
        redis.connection().sync().scriptFlush();
        assertThat(gate.acquire(ANN + 2)).as("the chat's script alone").isZero();
    }

    @Test
    void aCommitTakesThePrivateChatsTokenSoTheStepsMessageNeedsNoScriptOfItsOwn() {
        RedisFloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        RedisSessionStore store = new RedisSessionStore(redis.connection(), RedisSessionStore.DEFAULT_TTL, gate);
        warmLease(gate);

        assertThat(store.commit(ANN, 0, 7, DATA)).isInstanceOf(SessionStore.CommitResult.Committed.class);
        assertThat(tokens(ANN)).isEqualTo(2.0);
        long scripts = scriptCalls();
        assertThat(gate.acquire(ANN)).isZero();

        assertThat(scriptCalls()).as("the message used the commit's token").isEqualTo(scripts);
        assertThat(tokens(ANN)).isEqualTo(2.0);
        assertThat(gate.acquire(ANN)).as("the next message takes its own").isZero();
        assertThat(tokens(ANN)).isEqualTo(1.0);
        assertThat(scriptCalls()).isEqualTo(scripts + 1);
    }

    @Test
    void aCommitTakesNoTokenFromAnEmptyOrPausedChatAndItsMessageWaitsAsBefore() {
        RedisFloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        RedisSessionStore store = new RedisSessionStore(redis.connection(), RedisSessionStore.DEFAULT_TTL, gate);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.acquire(ANN)).isZero();
        }

        store.commit(ANN, 0, 7, DATA);
        assertThat(gate.acquire(ANN)).isEqualTo(Duration.ofSeconds(1));

        gate.pause(ANN + 1, Duration.ofSeconds(5));
        store.commit(ANN + 1, 0, 8, DATA);
        assertThat(gate.acquire(ANN + 1)).isGreaterThan(Duration.ofSeconds(4));
    }

    @Test
    void aTokenACommitTookIsNotSpentAfterASecond() {
        RedisFloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        RedisSessionStore store = new RedisSessionStore(redis.connection(), RedisSessionStore.DEFAULT_TTL, gate);
        store.commit(ANN, 0, 7, DATA);

        clock.advance(RedisFloodGate.PREPAID_MAX_AGE.plusMillis(1));
        warmLease(gate);
        long scripts = scriptCalls();
        assertThat(gate.acquire(ANN)).isZero();

        assertThat(scriptCalls()).as("the stale token was not used: the chat's script ran").isEqualTo(scripts + 1);
    }

    @Test
    void aReplayOrAConflictTakesNoToken() {
        RedisFloodGate gate = new RedisFloodGate(redis.connection(), CHAT_LIMITS, clock);
        RedisSessionStore store = new RedisSessionStore(redis.connection(), RedisSessionStore.DEFAULT_TTL, gate);
        store.commit(ANN, 0, 7, DATA);
        assertThat(tokens(ANN)).isEqualTo(2.0);

        assertThat(store.commit(ANN, 1, 7, DATA)).isInstanceOf(SessionStore.CommitResult.Replay.class);
        assertThat(store.commit(ANN, 0, 8, DATA)).isInstanceOf(SessionStore.CommitResult.Conflict.class);

        assertThat(tokens(ANN)).isEqualTo(2.0);
    }

    @Test
    void withoutAGateACommitLeavesTheFloodKeysAlone() {
        new RedisSessionStore(redis.connection()).commit(ANN, 0, 7, DATA);

        assertThat(redis.connection().sync().exists(Keys.chatFlood(ANN))).isZero();
    }

    @Test
    void anUnreachableRedisIsATransientFailure() {
        StatefulRedisConnection<String, byte[]> gone = newConnection();
        FloodGate gate = new RedisFloodGate(gone, CHAT_LIMITS, clock);
        gone.close();

        assertThatThrownBy(() -> gate.acquire(ANN)).isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> gate.pause(ANN, Duration.ofSeconds(1))).isInstanceOf(TransientFailure.class);
    }

    /** Leases grow 1, 2, 4... tokens as they are used up: after four messages to groups, the lease holds more. */
    private static void warmLease(FloodGate gate) {
        for (int i = 1; i <= 4; i++) {
            assertThat(gate.acquire(GROUP - i)).isZero();
        }
    }

    private static long scriptCalls() {
        for (String line : redis.connection().sync().info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
            }
        }
        return 0;
    }

    private double tokens(long chat) {
        byte[] value = redis.connection().sync().hget(Keys.chatFlood(chat), "tokens");
        return value == null ? Double.NaN : Double.parseDouble(new String(value, US_ASCII));
    }

    private StatefulRedisConnection<String, byte[]> newConnection() {
        StatefulRedisConnection<String, byte[]> c = redis.newConnection();
        opened.add(c);
        return c;
    }
}
