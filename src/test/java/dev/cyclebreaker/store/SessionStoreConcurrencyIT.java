package dev.cyclebreaker.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.conversation.SessionStore.CommitResult;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Committed;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Conflict;
import dev.cyclebreaker.conversation.SessionStore.CommitResult.Replay;
import dev.cyclebreaker.conversation.SessionStore.Stored;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twenty instances (threads) apply different updates to the same session version at once:
 * exactly one may win. A loser whose update id is below the winner's sees a Replay (a later update
 * was applied), every other loser a Conflict; nobody writes.
 */
class SessionStoreConcurrencyIT {

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private static final long USER = 77;
    private static final int RACERS = 20;

    @Test
    void exactlyOneOfTwentyRacersOnOneSharedConnectionWins() throws Exception {
        SessionStore shared = new RedisSessionStore(redis.connection());

        assertExactlyOneWins(i -> shared, 1000);
    }

    @Test
    void exactlyOneOfTwentyRacersOnSeparateConnectionsWins() throws Exception {
        List<SessionStore> stores = new ArrayList<>();
        List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            connections.add(redis.newConnection());
            stores.add(new RedisSessionStore(connections.get(i)));
        }
        try {
            assertExactlyOneWins(stores::get, 2000);
        } finally {
            connections.forEach(StatefulRedisConnection::close);
        }
    }

    @Test
    void exactlyOneOfTwentyRacersWithoutUpdateIdsWinsAndTheRestConflict() throws Exception {
        SessionStore shared = new RedisSessionStore(redis.connection());
        shared.commit(USER, 0, 0, "start".getBytes(UTF_8));

        List<CommitResult> results = race(i -> shared, i -> 0L);

        assertThat(results).filteredOn(Committed.class::isInstance).containsExactly(new Committed(2));
        assertThat(results).filteredOn(Conflict.class::isInstance).hasSize(RACERS - 1);
    }

    private void assertExactlyOneWins(IntFunction<SessionStore> storeOfRacer, long firstUpdateId) throws Exception {
        SessionStore setup = storeOfRacer.apply(0);
        setup.commit(USER, 0, firstUpdateId, "start".getBytes(UTF_8));

        List<CommitResult> results = race(storeOfRacer, i -> firstUpdateId + 1 + i);

        List<Integer> winners = IntStream.range(0, RACERS).filter(i -> results.get(i) instanceof Committed).boxed().toList();
        assertThat(winners).hasSize(1);
        int winner = winners.get(0);
        assertThat(results.get(winner)).isEqualTo(new Committed(2));
        Map<Boolean, List<CommitResult>> losersByIdBelowWinner = IntStream.range(0, RACERS).filter(i -> i != winner).boxed()
                .collect(Collectors.partitioningBy(i -> i < winner, Collectors.mapping(results::get, Collectors.toList())));
        assertThat(losersByIdBelowWinner.get(true)).allMatch(Replay.class::isInstance);
        assertThat(losersByIdBelowWinner.get(false)).allMatch(Conflict.class::isInstance);
        Stored stored = setup.load(USER).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.lastUpdateId()).isEqualTo(firstUpdateId + 1 + winner);
        assertThat(new String(stored.data(), UTF_8)).isEqualTo("racer " + winner);
    }

    /** Results in racer order; all racers are released together by a barrier. */
    private static List<CommitResult> race(IntFunction<SessionStore> storeOfRacer, IntFunction<Long> updateIdOfRacer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<CommitResult>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return storeOfRacer.apply(racer).commit(USER, 1, updateIdOfRacer.apply(racer), ("racer " + racer).getBytes(UTF_8));
                }));
            }
            List<CommitResult> results = new ArrayList<>();
            for (Future<CommitResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
