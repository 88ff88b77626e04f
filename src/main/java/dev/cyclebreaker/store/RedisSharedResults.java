package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.SharedResult;
import dev.cyclebreaker.conversation.SharedResults;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.sharing.ShareTokens;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Result links in Redis: a small hash per token ({@code p}, {@code d}, {@code pat}, {@code ver} and,
 * only when the sharer chose it, {@code n}) that expires after {@link #DEFAULT_TTL}, and the user's
 * set of tokens under their own hash tag, so /forget finds and deletes them. The index is written
 * first: a crash in between leaves an indexed token with no link, never a link /forget cannot find.
 */
public final class RedisSharedResults implements SharedResults {
    public static final Duration DEFAULT_TTL = Duration.ofDays(90);

    private final RedisCommands<String, byte[]> redis;
    private final ShareTokens tokens;
    private final Duration ttl;

    public RedisSharedResults(StatefulRedisConnection<String, byte[]> connection, ShareTokens tokens, Duration ttl) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("share ttl must be at least one second, got " + ttl);
        }
        this.redis = connection.sync();
        this.tokens = tokens;
        this.ttl = ttl;
    }

    @Override
    public String publish(long userId, SharedResult result) {
        String token = tokens.next();
        String index = Keys.shares(userId);
        RedisCalls.run("indexing a result link", () -> {
            redis.sadd(index, bytes(token));
            // the index lives as long as its longest-lived link, and the session outlives both
            redis.expire(index, ttl.toSeconds());
        });
        Map<String, byte[]> fields = new HashMap<>();
        fields.put("p", bytes(Integer.toString(result.profile().pursuit())));
        fields.put("d", bytes(Integer.toString(result.profile().distance())));
        fields.put("pat", bytes(result.profile().pattern().name()));
        fields.put("ver", bytes(result.quizVersion()));
        if (result.sharerName() != null) {
            fields.put("n", bytes(result.sharerName()));
        }
        String key = Keys.share(token);
        RedisCalls.run("publishing a result link", () -> {
            redis.hset(key, fields);
            redis.expire(key, ttl.toSeconds());
        });
        return token;
    }

    @Override
    public String inlineLink(long userId, SharedResult result) {
        String key = Keys.inlineShare(userId);
        byte[] known = RedisCalls.call("loading the inline link", () -> redis.get(key));
        if (known != null) {
            String token = text(known);
            if (find(token).filter(result::equals).isPresent()) {
                return token;
            }
        }
        // Two instances racing here make two links, both indexed: harmless, so no lock.
        String token = publish(userId, result);
        RedisCalls.run("remembering the inline link", () -> redis.setex(key, ttl.toSeconds() / 2, bytes(token)));
        return token;
    }

    @Override
    public Optional<SharedResult> find(String token) {
        if (!ShareTokens.isWellFormed(token)) {
            return Optional.empty(); // forged or mangled: no lookup at all
        }
        Map<String, byte[]> h = RedisCalls.call("resolving a result link", () -> redis.hgetall(Keys.share(token)));
        if (h == null || !h.containsKey("pat")) {
            return Optional.empty();
        }
        try {
            Pattern pattern = Arrays.stream(Pattern.values()).filter(p -> p.name().equals(text(h.get("pat"))))
                    .findFirst().orElse(null);
            if (pattern == null) {
                return Optional.empty();
            }
            Profile profile = new Profile(Integer.parseInt(text(h.get("p"))), Integer.parseInt(text(h.get("d"))), pattern);
            return Optional.of(new SharedResult(profile, text(h.get("ver")), h.containsKey("n") ? text(h.get("n")) : null));
        } catch (RuntimeException e) {
            return Optional.empty(); // a record this build cannot read is as good as gone
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }
}
