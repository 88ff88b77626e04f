package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.SessionStore;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in Redis: one hash per user ({@code ver}, {@code upd}, {@code data}) that expires a
 * year after its last write. Every commit is one call to {@code commitSession-3.lua}, so the
 * version and replay checks happen inside Redis and never race. With a {@link RedisFloodGate}, a
 * commit also takes the user's private chat's flood token for the message the step sends next
 * (nearly every step sends one there), so that message needs no round trip of its own.
 */
public final class RedisSessionStore implements SessionStore {

    /** Data minimisation: a user silent for a year starts afresh. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(365);

    private static final int COMMITTED = 1;
    private static final int REPLAY = 2;
    private static final int CONFLICT = 3;

    private static final byte[] NO = {'0'};
    private static final byte[] YES = {'1'};

    private final RedisCommands<String, byte[]> redis;
    private final LuaScript commitScript = LuaScript.load("commitSession-3");
    private final byte[] ttlSeconds;
    private final RedisFloodGate gate;

    /** @param connection shared and thread-safe; not closed here */
    public RedisSessionStore(StatefulRedisConnection<String, byte[]> connection) {
        this(connection, DEFAULT_TTL, null);
    }

    public RedisSessionStore(StatefulRedisConnection<String, byte[]> connection, Duration ttl) {
        this(connection, ttl, null);
    }

    /** @param gate the flood gate whose private-chat tokens commits take; null: commits touch no flood key */
    public RedisSessionStore(StatefulRedisConnection<String, byte[]> connection, Duration ttl, RedisFloodGate gate) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("session ttl must be at least one second, got " + ttl);
        }
        this.redis = connection.sync();
        this.ttlSeconds = ascii(ttl.toSeconds());
        this.gate = gate;
    }

    @Override
    public Optional<Stored> load(long userId) {
        List<KeyValue<String, byte[]>> fields = RedisCalls.call("loading a session",
                () -> redis.hmget(Keys.session(userId), "ver", "upd", "data"));
        if (!fields.get(0).hasValue()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(
                parseLong(fields.get(0).getValue()),
                fields.get(1).hasValue() ? parseLong(fields.get(1).getValue()) : 0,
                fields.get(2).getValueOrElse(new byte[0])));
    }

    @Override
    public CommitResult commit(long userId, long expectedVersion, long updateId, byte[] data) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
        }
        if (updateId < 0) {
            throw new IllegalArgumentException("updateId must be >= 0, got " + updateId);
        }
        if (data == null) {
            throw new IllegalArgumentException("session data must not be null");
        }
        byte[][] flood = gate == null ? null : gate.prepayArgs(userId);
        String[] keys = {Keys.session(userId), Keys.chatFlood(userId), Keys.chatPause(userId)};
        byte[][] args = flood == null
                ? new byte[][] {ascii(expectedVersion), ascii(updateId), data, ttlSeconds, NO}
                : new byte[][] {ascii(expectedVersion), ascii(updateId), data, ttlSeconds, YES, flood[0], flood[1], flood[2]};
        List<Object> reply = RedisCalls.call("committing a session",
                () -> commitScript.run(redis, ScriptOutputType.MULTI, keys, args));
        int code = ((Long) reply.get(0)).intValue();
        if (code == COMMITTED && flood != null && reply.size() > 2 && (Long) reply.get(2) == 0) {
            gate.prepay(userId, flood);
        }
        return switch (code) {
            case COMMITTED -> new CommitResult.Committed((Long) reply.get(1));
            case REPLAY -> new CommitResult.Replay(stored(reply));
            case CONFLICT -> new CommitResult.Conflict(reply.size() == 1 ? null : stored(reply));
            default -> throw new IllegalStateException(commitScript.name() + " returned an unknown code " + code);
        };
    }

    @Override
    public void erase(long userId) {
        // One DEL per hash-tag slot, as Redis Cluster requires: each result link first, then the index naming them.
        for (byte[] token : RedisCalls.call("listing a user's result links", () -> redis.smembers(Keys.shares(userId)))) {
            String key = Keys.share(new String(token, StandardCharsets.US_ASCII));
            RedisCalls.run("deleting a result link", () -> redis.del(key));
        }
        // The private chat's flood counters share the user's slot: one DEL for all.
        String[] keys = java.util.stream.Stream.concat(Keys.allOf(userId).stream(), Keys.chatKeysOf(userId).stream())
                .toArray(String[]::new);
        RedisCalls.run("erasing a user", () -> redis.del(keys));
    }

    private static Stored stored(List<Object> reply) {
        byte[] data = reply.size() > 3 && reply.get(3) != null ? (byte[]) reply.get(3) : new byte[0];
        return new Stored((Long) reply.get(1), (Long) reply.get(2), data);
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static long parseLong(byte[] value) {
        return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }
}
