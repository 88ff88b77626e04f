package dev.cyclebreaker.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.conversation.SessionStore.CommitResult;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Committed;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Conflict;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Replay;
import dev.cyclebreaker.conversation.SessionStore.Stored;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} backed by Redis must do; subclasses pick the redis-server binary. */
abstract class SessionStoreContract {

    private static final long ALICE = 1001;
    private static final long BOB = 2002;

    private SessionStore store;
    private RedisCommands<String, byte[]> redis;

    abstract RedisTestServer server();

    @BeforeEach
    void createStore() {
        store = new RedisSessionStore(server().connection());
        redis = server().connection().sync();
    }

    @Test
    void aFirstCommitExpectingVersionZeroCreatesTheSession() {
        CommitResult result = store.commit(ALICE, 0, 7, bytes("hello"));

        assertThat(result).isEqualTo(new Committed(1));
        Stored stored = store.load(ALICE).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.lastUpdateId()).isEqualTo(7);
        assertThat(text(stored.data())).isEqualTo("hello");
    }

    @Test
    void loadingAnUnknownUserFindsNothing() {
        assertThat(store.load(ALICE)).isEmpty();
    }

    @Test
    void aWrongExpectedVersionIsAConflictCarryingTheCurrentValue() {
        store.commit(ALICE, 0, 10, bytes("first"));
        store.commit(ALICE, 1, 11, bytes("second"));

        CommitResult result = store.commit(ALICE, 1, 12, bytes("stale"));

        assertThat(result).isInstanceOf(Conflict.class);
        Stored current = ((Conflict) result).current();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.lastUpdateId()).isEqualTo(11);
        assertThat(text(current.data())).isEqualTo("second");
        assertThat(text(store.load(ALICE).orElseThrow().data())).isEqualTo("second");
    }

    @Test
    void expectingAVersionWhenNothingIsStoredIsAConflictWithoutACurrentValue() {
        CommitResult result = store.commit(ALICE, 3, 10, bytes("ghost"));

        assertThat(result).isEqualTo(new Conflict(null));
        assertThat(store.load(ALICE)).isEmpty();
    }

    @Test
    void aReplayedUpdateIdIsAReplayCarryingTheCurrentValue() {
        store.commit(ALICE, 0, 41, bytes("step one"));
        store.commit(ALICE, 1, 42, bytes("step two"));

        CommitResult replayed = store.commit(ALICE, 2, 42, bytes("step two again"));
        CommitResult older = store.commit(ALICE, 2, 41, bytes("step one again"));

        assertThat(replayed).isInstanceOf(Replay.class);
        assertThat(older).isInstanceOf(Replay.class);
        Stored current = ((Replay) replayed).current();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.lastUpdateId()).isEqualTo(42);
        assertThat(text(current.data())).isEqualTo("step two");
        assertThat(store.load(ALICE).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void updateIdZeroSkipsTheReplayCheckAndKeepsTheLastUpdateId() {
        store.commit(ALICE, 0, 42, bytes("from telegram"));

        CommitResult result = store.commit(ALICE, 1, 0, bytes("from a reminder"));

        assertThat(result).isEqualTo(new Committed(2));
        Stored stored = store.load(ALICE).orElseThrow();
        assertThat(stored.lastUpdateId()).isEqualTo(42);
        assertThat(text(stored.data())).isEqualTo("from a reminder");
    }

    @Test
    void theVersionGrowsByOnePerCommit() {
        List<Long> versions = new ArrayList<>();
        for (long expected = 0; expected < 5; expected++) {
            versions.add(((Committed) store.commit(ALICE, expected, 100 + expected, bytes("v" + expected))).version());
        }

        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.load(ALICE).orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void binaryDataSurvivesTheRoundTripByteForByte() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }

        store.commit(ALICE, 0, 1, data);

        assertThat(store.load(ALICE).orElseThrow().data()).isEqualTo(data);
    }

    @Test
    void eraseRemovesEveryKeyOfTheUserAndNoOtherUsersKeys() {
        store.commit(ALICE, 0, 1, bytes("alice"));
        store.commit(BOB, 0, 2, bytes("bob"));
        assertThat(keysMatching("*u:" + ALICE + "*")).containsExactly(Keys.session(ALICE));

        store.erase(ALICE);

        assertThat(keysMatching("*u:" + ALICE + "*")).isEmpty();
        assertThat(keysMatching("*u:" + BOB + "*")).containsExactly(Keys.session(BOB));
        assertThat(store.load(BOB)).isPresent();
    }

    @Test
    void erasingAUserWithNothingStoredIsHarmless() {
        store.erase(ALICE);

        assertThat(store.load(ALICE)).isEmpty();
    }

    @Test
    void aCommitSetsATimeToLiveOfAYear() {
        store.commit(ALICE, 0, 1, bytes("x"));

        long ttl = redis.ttl(Keys.session(ALICE));

        assertThat(ttl).isBetween(RedisSessionStore.DEFAULT_TTL.toSeconds() - 60, RedisSessionStore.DEFAULT_TTL.toSeconds());
    }

    @Test
    void everyCommitRefreshesTheTimeToLive() {
        SessionStore shortLived = new RedisSessionStore(server().connection(), Duration.ofSeconds(100));
        shortLived.commit(ALICE, 0, 1, bytes("x"));
        redis.expire(Keys.session(ALICE), 5);

        shortLived.commit(ALICE, 1, 2, bytes("y"));

        assertThat(redis.ttl(Keys.session(ALICE))).isBetween(90L, 100L);
    }

    @Test
    void theSessionKeyCarriesTheUsersHashTag() {
        store.commit(ALICE, 0, 1, bytes("x"));

        assertThat(keysMatching("*")).containsExactly("cb:{u:1001}:session");
    }

    @Test
    void noscriptAfterScriptFlushIsRecoveredTransparently() {
        store.commit(ALICE, 0, 1, bytes("before"));
        redis.scriptFlush();

        CommitResult result = store.commit(ALICE, 1, 2, bytes("after"));

        assertThat(result).isEqualTo(new Committed(2));
        assertThat(text(store.load(ALICE).orElseThrow().data())).isEqualTo("after");
        assertThat(redis.scriptExists(LuaScript.load("commitSession-3").sha1())).containsExactly(true);
    }

    private List<String> keysMatching(String pattern) {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis, KeyScanArgs.Builder.matches(pattern).limit(1000)).forEachRemaining(keys::add);
        return keys;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
