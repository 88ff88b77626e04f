package dev.cyclebreaker.store;

import dev.cyclebreaker.telegram.UpdateReceipts;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Receipts in one hash, {@code cb:{updates}:received}: field the update id, value its JSON. A write
 * pipelines HDEL (the finished), HSET (the new) and EXPIRE, so it costs one round trip. The hash
 * expires {@link #TTL} after the last write: a bot that stopped polling for good leaves no text
 * behind for long, and one that restarts within that time finds what it had not finished.
 */
public final class RedisUpdateReceipts implements UpdateReceipts {
    public static final Duration TTL = Duration.ofDays(1);

    private final RedisCommands<String, byte[]> redis;
    private final RedisAsyncCommands<String, byte[]> async;

    /** @param connection shared and thread-safe; not closed here */
    public RedisUpdateReceipts(StatefulRedisConnection<String, byte[]> connection) {
        this.redis = connection.sync();
        this.async = connection.async();
    }

    @Override
    public void record(SortedMap<Integer, byte[]> received, Collection<Integer> finished) {
        if (received.isEmpty() && finished.isEmpty()) {
            return;
        }
        String key = Keys.receivedUpdates();
        RedisCalls.run("recording received updates", () -> {
            List<RedisFuture<?>> replies = new ArrayList<>(3);
            if (!finished.isEmpty()) {
                replies.add(async.hdel(key, finished.stream().map(String::valueOf).toArray(String[]::new)));
            }
            if (!received.isEmpty()) {
                Map<String, byte[]> fields = new HashMap<>(received.size() * 2);
                received.forEach((id, json) -> fields.put(Integer.toString(id), json));
                replies.add(async.hset(key, fields));
                replies.add(async.expire(key, TTL.toSeconds()));
            }
            if (!LettuceFutures.awaitAll(RedisConnections.COMMAND_TIMEOUT.multipliedBy(2),
                    replies.toArray(RedisFuture[]::new))) {
                throw new RedisCommandTimeoutException("no answer to recording received updates");
            }
        });
    }

    @Override
    public SortedMap<Integer, byte[]> unfinished() {
        Map<String, byte[]> all = RedisCalls.call("loading unfinished updates", () -> redis.hgetall(Keys.receivedUpdates()));
        SortedMap<Integer, byte[]> byId = new TreeMap<>();
        all.forEach((field, json) -> {
            try {
                byId.put(Integer.parseInt(field), json);
            } catch (NumberFormatException e) {
                // not ours: leave it
            }
        });
        return byId;
    }
}
