package dev.cyclebreaker.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.telegram.FloodGate;
import dev.cyclebreaker.telegram.FloodLimits;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Telegram's flood limits kept in Redis, so every instance shares them: a token bucket per chat
 * ({@code cb:{c:<groupId>}:flood}, a private chat's {@code cb:{u:<userId>}:flood}, with the chat's
 * 429 pause beside it in the same slot) and one global bucket ({@code cb:{flood}:global}). Each script touches one slot only, as Redis Cluster
 * requires.
 *
 * <p>Cost: a send costs one round trip (the chat's script) while this JVM holds reserved global
 * tokens, see {@link GlobalLease}. When it holds none, the global reservation and the chat's
 * script go out together, pipelined, so the send still waits for one round trip.
 *
 * <p>A user's step usually saves the chat's round trip too: the session's commit script takes the
 * private chat's first token ({@link #prepay}), and the step's message, sent right after by the
 * same JVM, finds it here ({@link #takePrepaid}). Like the lease's global tokens, such a token was
 * taken in Redis and is only held here, for {@link #PREPAID_MAX_AGE} at most; one older, or never
 * used, is simply not spent.
 *
 * <p>Buckets run on the caller's {@link Clock} (tests move it), so instances whose clocks differ
 * by a few milliseconds see slightly different refills; the spare global burst absorbs that. A
 * pause runs on Redis's own clock, as a key's time to live.
 */
public final class RedisFloodGate implements FloodGate {

    /** How long reserved global tokens may be spent for; see {@link GlobalLease}. */
    public static final Duration LEASE_WINDOW = Duration.ofMillis(200);
    private static final String[] GLOBAL_KEYS = {Keys.globalFlood()};
    /** A chat token taken by a commit is used within this, or not at all. */
    static final Duration PREPAID_MAX_AGE = Duration.ofSeconds(1);

    private final RedisCommands<String, byte[]> redis;
    private final RedisAsyncCommands<String, byte[]> async;
    private final FloodLimits limits;
    private final Clock clock;
    private final GlobalLease lease;
    /** One reservation at a time per JVM: threads that find the lease empty wait for it, not Redis. */
    private final ReentrantLock reserving = new ReentrantLock();
    private final LuaScript acquireChat = LuaScript.load("acquireChatFlood-2");
    private final LuaScript refundChat = LuaScript.load("refundChatFlood-1");
    private final LuaScript pauseChat = LuaScript.load("pauseChatFlood-2");
    private final LuaScript reserveGlobal = LuaScript.load("reserveGlobalFlood-1");
    private final byte[] globalRate;
    private final byte[] globalBurst;
    /**
     * Private chats whose next message has its chat token already, and when it was taken (by this
     * gate's clock). Bounded, and emptied of what a step never used, so it cannot grow with users.
     */
    private final ConcurrentMap<Long, Long> prepaid = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1)).executor(Runnable::run).<Long, Long>build().asMap();

    /** @param connection shared and thread-safe; not closed here */
    public RedisFloodGate(StatefulRedisConnection<String, byte[]> connection, FloodLimits limits, Clock clock) {
        this.redis = connection.sync();
        this.async = connection.async();
        this.limits = limits;
        this.clock = clock;
        this.lease = new GlobalLease(LEASE_WINDOW.toMillis(), batchFor(limits));
        this.globalRate = ascii(Double.toString(limits.globalPerSecond()));
        this.globalBurst = ascii(Integer.toString(limits.globalBurst()));
    }

    /** A lease's worth of the global rate, at most the burst. */
    static int batchFor(FloodLimits limits) {
        double perWindow = limits.globalPerSecond() * LEASE_WINDOW.toMillis() / 1000.0;
        return (int) Math.max(1, Math.min(limits.globalBurst(), Math.ceil(perWindow)));
    }

    @Override
    public Duration acquire(long chatId) {
        try {
            return Duration.ofMillis(acquireMillis(chatId));
        } catch (RedisException e) {
            throw new TransientFailure("Redis unreachable for the flood gate", e);
        }
    }

    @Override
    public void pause(long chatId, Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        try {
            pauseChat.run(redis, ScriptOutputType.INTEGER, new String[] {Keys.chatPause(chatId), Keys.chatFlood(chatId)},
                    ascii(Long.toString(millis)));
        } catch (RedisException e) {
            throw new TransientFailure("Redis unreachable for the flood gate", e);
        }
    }

    private long acquireMillis(long chatId) {
        long now = clock.millis();
        Long paidAt = takePrepaid(chatId, now);
        GlobalLease.Token token = lease.take(now);
        if (token == null) {
            long empty = lease.emptyFor(now);
            if (empty > 0) {
                keepPrepaid(chatId, paidAt);
                return empty;
            }
            reserving.lock();
            try {
                now = clock.millis();
                token = lease.take(now);
                if (token == null) {
                    empty = lease.emptyFor(now);
                    if (empty > 0) {
                        keepPrepaid(chatId, paidAt);
                        return empty;
                    }
                    return paidAt != null ? reserveGlobalOnly(chatId, paidAt, now) : reserveAndAcquire(chatId, now);
                }
            } finally {
                reserving.unlock();
            }
        }
        if (paidAt != null) {
            return 0; // the commit took the chat's token
        }
        long chatWait = chatWait(chatId, now);
        if (chatWait > 0) {
            lease.giveBack(token, now);
        }
        return chatWait;
    }

    /**
     * The arguments with which the session's commit script takes the user's private chat token, by
     * this gate's clock and limits: now, refill, capacity.
     */
    byte[][] prepayArgs(long userId) {
        return chatArgs(userId, clock.millis());
    }

    /** The commit took the private chat's token at {@code now} (the first of {@link #prepayArgs}). */
    void prepay(long userId, byte[][] args) {
        prepaid.put(userId, Long.parseLong(new String(args[0], StandardCharsets.US_ASCII)));
    }

    /** The time the chat's token was taken by a commit, if it was and is still fresh; it is used up. */
    private Long takePrepaid(long chatId, long now) {
        Long at = chatId > 0 ? prepaid.remove(chatId) : null;
        return at != null && now - at <= PREPAID_MAX_AGE.toMillis() ? at : null;
    }

    /** Not sent after all (the global bucket is empty): the token waits for the next try, while fresh. */
    private void keepPrepaid(long chatId, Long paidAt) {
        if (paidAt != null) {
            prepaid.putIfAbsent(chatId, paidAt);
        }
    }

    /** The lease is empty and the chat's token is paid for: the global reservation alone. */
    private long reserveGlobalOnly(long chatId, long paidAt, long now) {
        List<Object> reply = reserveGlobal.run(redis, ScriptOutputType.MULTI, GLOBAL_KEYS, globalArgs(now));
        if (applyReservation(reply, now) != null) {
            return 0;
        }
        keepPrepaid(chatId, paidAt);
        return lease.emptyFor(now);
    }

    /** The global reservation and the chat's bucket in one pipelined round trip. */
    private long reserveAndAcquire(long chatId, long now) {
        byte[][] globalArgs = globalArgs(now);
        String[] chatKeys = chatKeys(chatId);
        byte[][] chatArgs = chatArgs(chatId, now);
        RedisFuture<List<Object>> reserved = reserveGlobal.start(async, ScriptOutputType.MULTI, GLOBAL_KEYS, globalArgs);
        RedisFuture<Long> chat = acquireChat.start(async, ScriptOutputType.INTEGER, chatKeys, chatArgs);
        List<Object> reply = reserveGlobal.await(reserved, redis, ScriptOutputType.MULTI, GLOBAL_KEYS, globalArgs);
        long chatWait = acquireChat.<String, byte[], Long>await(chat, redis, ScriptOutputType.INTEGER, chatKeys,
                chatArgs);
        GlobalLease.Token mine = applyReservation(reply, now);
        if (mine != null) {
            if (chatWait > 0) {
                lease.giveBack(mine, now);
            }
            return chatWait;
        }
        if (chatWait == 0) {
            refundChat.run(redis, ScriptOutputType.INTEGER, new String[] {Keys.chatFlood(chatId)},
                    ascii(Integer.toString(limits.chatBurst(chatId))));
        }
        return Math.max(lease.emptyFor(now), chatWait);
    }

    private byte[][] globalArgs(long now) {
        return new byte[][] {ascii(Long.toString(now)), globalRate, globalBurst, ascii(Integer.toString(lease.nextBatch()))};
    }

    /**
     * Puts reserveGlobalFlood's answer into the lease: a new lease and a token from it for the
     * caller, or null when nothing was granted (the lease then knows how long the bucket is empty).
     */
    private GlobalLease.Token applyReservation(List<Object> reply, long now) {
        int granted = ((Long) reply.get(0)).intValue();
        long globalWait = (Long) reply.get(1);
        if (granted > 0) {
            GlobalLease.Token mine = lease.fill(granted, now);
            if (globalWait > 0) {
                lease.empty(globalWait, now); // no use asking for the next batch before it is there
            }
            return mine;
        }
        lease.empty(globalWait, now);
        return null;
    }

    private long chatWait(long chatId, long now) {
        Long wait = acquireChat.run(redis, ScriptOutputType.INTEGER, chatKeys(chatId), chatArgs(chatId, now));
        return wait;
    }

    private static String[] chatKeys(long chatId) {
        return new String[] {Keys.chatFlood(chatId), Keys.chatPause(chatId)};
    }

    private byte[][] chatArgs(long chatId, long now) {
        return new byte[][] {ascii(Long.toString(now)), ascii(Double.toString(limits.chatRefillPerSecond(chatId))),
                ascii(Integer.toString(limits.chatBurst(chatId)))};
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
