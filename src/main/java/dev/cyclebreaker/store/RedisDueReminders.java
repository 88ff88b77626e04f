package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.reminders.Claim;
import dev.cyclebreaker.reminders.DueReminders;
import dev.cyclebreaker.reminders.ReminderRef;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reminder due index in Redis, split into {@code shards} groups of three keys with one hash
 * tag each ({@code cb:{due:<n>}:pending|leased|dues}), so every script touches one Cluster slot
 * and the index spreads over several. A user's reminders all live in shard
 * {@code floorMod(Long.hashCode(userId), shards)}: every instance must use the same shard count.
 *
 * <p>Members are {@code <userId>:<id>} in ASCII; pending scores are due times, leased scores lease
 * ends, both epoch millis from the caller's clock (exact as doubles until the year 287,000).
 * Scheduling is a plain ZADD; everything that reads and then writes is a Lua script.
 */
public final class RedisDueReminders implements DueReminders {

    public static final int DEFAULT_SHARDS = 8;
    /** Lua's unpack() fails somewhere above 7,000 arguments. */
    private static final int CANCEL_CHUNK = 1000;

    private final RedisCommands<String, byte[]> redis;
    private final RedisAsyncCommands<String, byte[]> async;
    private final Keys.DueShard[] shards;
    private final AtomicInteger nextFirstShard = new AtomicInteger();
    private final LuaScript claimScript = LuaScript.load("claimDue-3");
    private final LuaScript ackScript = LuaScript.load("ackReminder-2");
    private final LuaScript releaseScript = LuaScript.load("releaseReminder-3");
    private final LuaScript cancelScript = LuaScript.load("cancelReminders-3");

    /** @param connection shared and thread-safe; not closed here */
    public RedisDueReminders(StatefulRedisConnection<String, byte[]> connection) {
        this(connection, DEFAULT_SHARDS);
    }

    public RedisDueReminders(StatefulRedisConnection<String, byte[]> connection, int shards) {
        if (shards < 1 || shards > 1024) {
            throw new IllegalArgumentException("reminder index shards must be 1..1024, got " + shards);
        }
        this.redis = connection.sync();
        this.async = connection.async();
        this.shards = new Keys.DueShard[shards];
        for (int n = 0; n < shards; n++) {
            this.shards[n] = Keys.dueShard(n);
        }
    }

    @Override
    public void schedule(ReminderRef ref, Instant due) {
        call(() -> redis.zadd(shardOf(ref.userId()).pending(), (double) due.toEpochMilli(), member(ref)));
    }

    @Override
    public void cancel(ReminderRef ref) {
        cancelAll(ref.userId(), List.of(ref.id()));
    }

    @Override
    public void cancelAll(long userId, Collection<String> ids) {
        List<byte[]> members = ids.stream().map(id -> member(new ReminderRef(userId, id))).toList();
        String[] keys = shardOf(userId).all();
        for (int from = 0; from < members.size(); from += CANCEL_CHUNK) {
            byte[][] chunk = members.subList(from, Math.min(members.size(), from + CANCEL_CHUNK)).toArray(byte[][]::new);
            call(() -> cancelScript.<String, byte[], Long>run(redis, ScriptOutputType.INTEGER, keys, chunk));
        }
    }

    /**
     * Claims shard by shard, starting at a different shard each call so none waits behind the
     * others. If a shard fails after others gave claims, those claims are returned (dropping them
     * would delay them by a whole lease) and the failure shows on the next call.
     */
    @Override
    public List<Claim> claimDue(Instant now, int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("claimDue max must be at least 1, got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("claimDue lease must be positive, got " + lease);
        }
        long leaseUntil = now.toEpochMilli() + lease.toMillis();
        byte[] nowArg = ascii(now.toEpochMilli());
        byte[] leaseArg = ascii(leaseUntil);
        int first = Math.floorMod(nextFirstShard.getAndIncrement(), shards.length);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < shards.length && claims.size() < max; i++) {
            Keys.DueShard shard = shards[(first + i) % shards.length];
            byte[] maxArg = ascii(max - claims.size());
            List<Object> reply;
            try {
                reply = call(() -> claimScript.run(redis, ScriptOutputType.MULTI, shard.all(), nowArg, maxArg, leaseArg));
            } catch (TransientFailure e) {
                if (claims.isEmpty()) {
                    throw e;
                }
                return claims;
            }
            for (int j = 0; j + 1 < reply.size(); j += 2) {
                claims.add(new Claim(ReminderRef.decode(text(reply.get(j))),
                        Instant.ofEpochMilli(parseMillis(reply.get(j + 1))), leaseUntil));
            }
        }
        return claims;
    }

    @Override
    public boolean acknowledge(Claim claim) {
        Keys.DueShard shard = shardOf(claim.ref().userId());
        Long done = call(() -> ackScript.run(redis, ScriptOutputType.INTEGER,
                new String[] {shard.leased(), shard.dues()}, member(claim.ref()), ascii(claim.leaseUntilMillis())));
        return done == 1L;
    }

    @Override
    public boolean release(Claim claim) {
        Keys.DueShard shard = shardOf(claim.ref().userId());
        Long done = call(() -> releaseScript.run(redis, ScriptOutputType.INTEGER, shard.all(),
                member(claim.ref()), ascii(claim.leaseUntilMillis()), ascii(claim.due().toEpochMilli())));
        return done == 1L;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return everyShard(shard -> async.zrangeWithScores(shard.pending(), 0, 0)).stream()
                .flatMap(List::stream)
                .map(first -> Instant.ofEpochMilli((long) first.getScore()))
                .min(Instant::compareTo);
    }

    @Override
    public long pendingCount() {
        return everyShard(shard -> async.zcard(shard.pending())).stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long lateCount(Instant now) {
        Range<Long> beforeNow = Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(now.toEpochMilli()));
        return everyShard(shard -> async.zcount(shard.pending(), beforeNow)).stream().mapToLong(Long::longValue).sum();
    }

    /** One read per shard, sent together (pipelined) rather than one round trip after another. */
    private <T> List<T> everyShard(Function<Keys.DueShard, RedisFuture<T>> read) {
        List<RedisFuture<T>> futures = new ArrayList<>(shards.length);
        try {
            for (Keys.DueShard shard : shards) {
                futures.add(read.apply(shard));
            }
            List<T> results = new ArrayList<>(shards.length);
            for (RedisFuture<T> future : futures) {
                results.add(future.get(RedisConnections.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new TransientFailure("reminder index in Redis failed: " + cause.getClass().getSimpleName(), cause);
        } catch (TimeoutException e) {
            throw new TransientFailure("reminder index in Redis did not answer within " + RedisConnections.COMMAND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while reading the reminder index", e);
        } catch (RedisException e) {
            throw new TransientFailure("reminder index in Redis failed: " + e.getClass().getSimpleName(), e);
        }
    }

    int shardIndexOf(long userId) {
        return Math.floorMod(Long.hashCode(userId), shards.length);
    }

    private Keys.DueShard shardOf(long userId) {
        return shards[shardIndexOf(userId)];
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call("the reminder index", command);
    }

    private static byte[] member(ReminderRef ref) {
        return ref.encoded().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Object value) {
        return new String((byte[]) value, StandardCharsets.US_ASCII);
    }

    /** A score comes back as Redis formats a double: "1767225600000", or with an exponent. */
    private static long parseMillis(Object value) {
        String text = text(value);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return (long) Double.parseDouble(text);
        }
    }
}
