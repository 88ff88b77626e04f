package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.reminders.Claim;
import dev.cyclebreaker.reminders.Eventually;
import dev.cyclebreaker.reminders.MovableClock;
import dev.cyclebreaker.reminders.PollerSettings;
import dev.cyclebreaker.reminders.ReminderPoller;
import dev.cyclebreaker.reminders.ReminderRef;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDueRemindersIT {

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final RedisDueReminders index = new RedisDueReminders(redis.connection());

    @Test
    void aDueReminderIsClaimedWithItsDueTimeAndIsGoneOnceAcknowledged() {
        ReminderRef ref = new ReminderRef(42, "a1");
        index.schedule(ref, T0);

        List<Claim> claims = index.claimDue(T0.plusSeconds(1), 10, LEASE);

        assertThat(claims).containsExactly(new Claim(ref, T0, T0.plusSeconds(1).plus(LEASE).toEpochMilli()));
        assertThat(index.pendingCount()).isZero();
        assertThat(index.acknowledge(claims.get(0))).isTrue();
        assertThat(index.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(redis.connection().sync().keys("cb:{due:*")).isEmpty();
    }

    @Test
    void aReminderThatIsNotDueYetIsNotClaimed() {
        index.schedule(new ReminderRef(42, "later"), T0.plusMillis(1));

        assertThat(index.claimDue(T0, 10, LEASE)).isEmpty();
        assertThat(index.pendingCount()).isEqualTo(1);
    }

    @Test
    void schedulingTheSameReminderAgainMovesIt() {
        ReminderRef ref = new ReminderRef(42, "moved");
        index.schedule(ref, T0);

        index.schedule(ref, T0.plusSeconds(30));

        assertThat(index.pendingCount()).isEqualTo(1);
        assertThat(index.claimDue(T0.plusSeconds(29), 10, LEASE)).isEmpty();
        assertThat(index.claimDue(T0.plusSeconds(30), 10, LEASE)).extracting(Claim::due).containsExactly(T0.plusSeconds(30));
    }

    @Test
    void anExpiredLeaseIsReclaimedBySecondClaimerWithTheOriginalDueTime() {
        ReminderRef ref = new ReminderRef(7, "r");
        index.schedule(ref, T0);
        RedisDueReminders second = new RedisDueReminders(redis.connection());
        Claim first = index.claimDue(T0, 10, LEASE).get(0);

        assertThat(second.claimDue(T0.plus(LEASE), 10, LEASE)).as("the lease has not ended before now").isEmpty();
        List<Claim> reclaimed = second.claimDue(T0.plus(LEASE).plusMillis(1), 10, LEASE);

        assertThat(reclaimed).extracting(Claim::ref, Claim::due).containsExactly(tuple(ref, T0));
        assertThat(reclaimed.get(0).leaseUntilMillis()).isGreaterThan(first.leaseUntilMillis());
    }

    @Test
    void aStaleAcknowledgementAfterAReclaimLeavesTheNewLeaseAlone() {
        ReminderRef ref = new ReminderRef(7, "r");
        index.schedule(ref, T0);
        Claim stale = index.claimDue(T0, 10, LEASE).get(0);
        Claim current = index.claimDue(T0.plus(LEASE).plusSeconds(1), 10, LEASE).get(0);

        assertThat(index.acknowledge(stale)).isFalse();
        assertThat(index.release(stale)).isFalse();

        assertThat(index.claimDue(T0.plus(LEASE).plusSeconds(2), 10, LEASE)).as("still leased by the current claim").isEmpty();
        assertThat(index.acknowledge(current)).isTrue();
        assertThat(index.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void cancelRemovesAPendingAndALeasedReminder() {
        ReminderRef pending = new ReminderRef(5, "p");
        ReminderRef leased = new ReminderRef(5, "l");
        index.schedule(leased, T0);
        Claim claim = index.claimDue(T0, 10, LEASE).get(0);
        index.schedule(pending, T0.plusSeconds(10));

        index.cancel(pending);
        index.cancel(leased);

        assertThat(index.pendingCount()).isZero();
        assertThat(index.acknowledge(claim)).isFalse();
        assertThat(index.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(redis.connection().sync().keys("cb:{due:*")).isEmpty();
    }

    @Test
    void cancelAllRemovesTheGivenRemindersOfThatUserOnly() {
        index.schedule(new ReminderRef(5, "a"), T0);
        index.schedule(new ReminderRef(5, "b"), T0);
        index.schedule(new ReminderRef(5, "keep"), T0);
        index.schedule(new ReminderRef(6, "a"), T0);

        index.cancelAll(5, List.of("a", "b", "unknown"));

        assertThat(index.claimDue(T0, 10, LEASE)).extracting(Claim::ref)
                .containsExactlyInAnyOrder(new ReminderRef(5, "keep"), new ReminderRef(6, "a"));
    }

    @Test
    void cancelAllTakesMoreIdsThanOneScriptCallCanUnpack() {
        List<String> ids = IntStream.range(0, 2500).mapToObj(i -> Integer.toString(i, 36)).toList();
        ids.forEach(id -> index.schedule(new ReminderRef(9, id), T0));

        index.cancelAll(9, ids);

        assertThat(index.pendingCount()).isZero();
    }

    @Test
    void aReleasedClaimIsPendingAgainAtItsOriginalDueTime() {
        ReminderRef ref = new ReminderRef(3, "x");
        index.schedule(ref, T0);
        Claim claim = index.claimDue(T0.plusSeconds(5), 10, LEASE).get(0);

        assertThat(index.release(claim)).isTrue();

        assertThat(index.nextDueAt()).contains(T0);
        assertThat(index.acknowledge(claim)).isFalse();
        assertThat(index.claimDue(T0.plusSeconds(6), 10, LEASE)).extracting(Claim::ref).containsExactly(ref);
    }

    @Test
    void aReleaseKeepsASoonerRescheduleButNotALaterOne() {
        ReminderRef ref = new ReminderRef(3, "x");
        index.schedule(ref, T0.plusSeconds(10));
        Claim claim = index.claimDue(T0.plusSeconds(10), 10, LEASE).get(0);
        index.schedule(ref, T0.plusSeconds(3600));

        index.release(claim);

        assertThat(index.nextDueAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void nextDueAtIsTheEarliestPendingAcrossAllShards() {
        assertThat(index.nextDueAt()).isEmpty();
        Map<Integer, Long> userOfShard = LongStream.range(1, 100).boxed()
                .collect(Collectors.toMap(index::shardIndexOf, u -> u, (a, b) -> a));
        assertThat(userOfShard).hasSize(RedisDueReminders.DEFAULT_SHARDS);
        userOfShard.forEach((shard, user) -> index.schedule(new ReminderRef(user, "s"), T0.plusSeconds(100 - shard)));

        assertThat(index.nextDueAt()).contains(T0.plusSeconds(100 - 7));
        assertThat(redis.connection().sync().keys("cb:{due:*}:pending")).hasSize(8);
    }

    @Test
    void aNegativeOrHugeUserIdStillMapsToAShard() {
        assertThat(index.shardIndexOf(-1_001_234_567_890L)).isBetween(0, 7);
        assertThat(index.shardIndexOf(Long.MIN_VALUE)).isBetween(0, 7);
        index.schedule(new ReminderRef(Long.MIN_VALUE, "m"), T0);

        assertThat(index.claimDue(T0, 1, LEASE)).extracting(Claim::ref).containsExactly(new ReminderRef(Long.MIN_VALUE, "m"));
    }

    @Test
    void claimDueTakesAtMostMaxAcrossShardsAndTheRestLater() {
        LongStream.range(0, 40).forEach(u -> index.schedule(new ReminderRef(u, "r"), T0));

        List<Claim> first = index.claimDue(T0, 25, LEASE);
        List<Claim> rest = index.claimDue(T0, 25, LEASE);

        assertThat(first).hasSize(25);
        assertThat(rest).hasSize(15);
        assertThat(first).extracting(Claim::ref).doesNotContainAnyElementsOf(rest.stream().map(Claim::ref).toList());
    }

    @Test
    void pendingAndLateCountsCountAcrossShards() {
        LongStream.range(0, 10).forEach(u -> index.schedule(new ReminderRef(u, "r"), T0.plusSeconds(u)));

        assertThat(index.pendingCount()).isEqualTo(10);
        assertThat(index.lateCount(T0.plusSeconds(4))).isEqualTo(4);
    }

    @Test
    void aLostConnectionSurfacesAsATransientFailure() {
        StatefulRedisConnection<String, byte[]> connection = redis.newConnection();
        RedisDueReminders broken = new RedisDueReminders(connection);
        connection.close();

        assertThatThrownBy(() -> broken.schedule(new ReminderRef(1, "a"), T0)).isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> broken.claimDue(T0, 10, LEASE)).isInstanceOf(TransientFailure.class);
        assertThatThrownBy(broken::nextDueAt).isInstanceOf(TransientFailure.class);
    }

    @Test
    void twoPollersRacingOverAThousandDueRemindersDeliverEachExactlyOnce() {
        List<ReminderRef> refs = LongStream.range(0, 1000).mapToObj(u -> new ReminderRef(1_000_000 + u, Long.toString(u, 36))).toList();
        refs.forEach(ref -> index.schedule(ref, T0.minusSeconds(1)));
        Map<ReminderRef, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        MovableClock clock = new MovableClock(T0);
        PollerSettings settings = PollerSettings.defaults().withMaxInterval(Duration.ofMillis(20)).withBatch(50);
        StatefulRedisConnection<String, byte[]> a = redis.newConnection();
        StatefulRedisConnection<String, byte[]> b = redis.newConnection();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ReminderPoller first = new ReminderPoller(new RedisDueReminders(a), (ref, due) ->
                deliveries.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet(), clock, pool, settings);
        ReminderPoller second = new ReminderPoller(new RedisDueReminders(b), (ref, due) ->
                deliveries.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet(), clock, pool, settings);
        try {
            first.start();
            second.start();

            Eventually.within(Duration.ofSeconds(30), "all 1000 delivered and acknowledged", () ->
                    deliveries.size() == 1000 && redis.connection().sync().keys("cb:{due:*").isEmpty());
        } finally {
            first.stop();
            second.stop();
            pool.shutdownNow();
            a.close();
            b.close();
        }
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(refs);
        assertThat(deliveries.values()).allMatch(count -> count.get() == 1);
    }

    @Test
    void aPollerKilledBetweenClaimAndAcknowledgeLeavesItsRemindersToAnotherAfterTheLease() {
        List<ReminderRef> refs = LongStream.range(0, 20).mapToObj(u -> new ReminderRef(u, "k")).toList();
        refs.forEach(ref -> index.schedule(ref, T0));
        StatefulRedisConnection<String, byte[]> doomed = redis.newConnection();
        List<Claim> lost = new RedisDueReminders(doomed).claimDue(T0, 100, LEASE);
        doomed.close(); // killed: its claims are never acknowledged nor released
        assertThat(lost).hasSize(20);

        MovableClock clock = new MovableClock(T0.plus(LEASE));
        Set<ReminderRef> delivered = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ReminderPoller survivor = new ReminderPoller(new RedisDueReminders(redis.connection()),
                (ref, due) -> delivered.add(ref), clock, pool,
                PollerSettings.defaults().withMaxInterval(Duration.ofMillis(20)).withLease(LEASE));
        try {
            survivor.start();
            assertThat(index.claimDue(T0.plus(LEASE), 100, LEASE)).as("leases still held at their last millisecond").isEmpty();

            clock.advance(Duration.ofMillis(1));
            survivor.wake();

            Eventually.within(Duration.ofSeconds(10), "all reclaimed and delivered", () -> delivered.size() == 20);
            Eventually.within(Duration.ofSeconds(10), "all acknowledged", () -> redis.connection().sync().keys("cb:{due:*").isEmpty());
        } finally {
            survivor.stop();
            pool.shutdownNow();
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(refs);
    }
}
