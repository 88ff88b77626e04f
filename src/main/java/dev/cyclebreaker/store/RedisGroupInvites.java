package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.Group;
import dev.cyclebreaker.conversation.GroupInvites;
import dev.cyclebreaker.sharing.ShareTokens;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Group invites in Redis, each command on one key, so nothing spans two Cluster slots:
 * <ul>
 *   <li>{@code cb:{g:<groupId>}:group}, a hash: {@code t} the title, {@code n} a random generation set when the
 *       record is created; it lives {@link #GROUP_TTL} after the last invite and is deleted when the bot leaves.
 *   <li>{@code cb:{gi:<token>}:invite}, a string {@code <groupId>:<generation>} that expires after {@link #INVITE_TTL}.
 * </ul>
 * An invite is valid only while its group's record exists with the same generation: forgetting the group voids
 * every invite to it, and one made before the bot was removed stays void after it is added again.
 */
public final class RedisGroupInvites implements GroupInvites {
    public static final Duration INVITE_TTL = Duration.ofDays(7);
    public static final Duration GROUP_TTL = Duration.ofDays(90);

    private final RedisCommands<String, byte[]> redis;
    private final ShareTokens tokens;
    private final Duration inviteTtl;
    private final LuaScript rememberGroup = LuaScript.load("rememberGroup-1");

    public RedisGroupInvites(StatefulRedisConnection<String, byte[]> connection, ShareTokens tokens, Duration inviteTtl) {
        if (inviteTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("invite ttl must be at least one second, got " + inviteTtl);
        }
        this.redis = connection.sync();
        this.tokens = tokens;
        this.inviteTtl = inviteTtl;
    }

    @Override
    public String invite(Group group) {
        byte[] generation = RedisCalls.call("remembering a group", () -> rememberGroup.run(redis, ScriptOutputType.VALUE,
                new String[] {Keys.group(group.id())}, bytes(group.title()), bytes(tokens.next()),
                bytes(Long.toString(GROUP_TTL.toSeconds()))));
        String token = tokens.next();
        byte[] value = bytes(group.id() + ":" + text(generation));
        RedisCalls.run("storing a group invite", () -> redis.setex(Keys.groupInvite(token), inviteTtl.toSeconds(), value));
        return token;
    }

    @Override
    public Optional<Group> find(String token) {
        if (!ShareTokens.isWellFormed(token)) {
            return Optional.empty(); // forged or mangled: no lookup at all
        }
        byte[] invite = RedisCalls.call("resolving a group invite", () -> redis.get(Keys.groupInvite(token)));
        if (invite == null) {
            return Optional.empty();
        }
        String value = text(invite);
        int colon = value.indexOf(':');
        long groupId;
        try {
            groupId = Long.parseLong(value.substring(0, colon));
        } catch (RuntimeException e) {
            return Optional.empty(); // a record this build cannot read is as good as gone
        }
        if (groupId >= 0) {
            return Optional.empty();
        }
        List<io.lettuce.core.KeyValue<String, byte[]>> record = RedisCalls.call("loading a group",
                () -> redis.hmget(Keys.group(groupId), "t", "n"));
        if (record.size() != 2 || !record.get(0).hasValue() || !record.get(1).hasValue()
                || !text(record.get(1).getValue()).equals(value.substring(colon + 1))) {
            return Optional.empty();
        }
        return Optional.of(new Group(groupId, text(record.get(0).getValue())));
    }

    @Override
    public boolean isKnown(long groupId) {
        return groupId < 0 && RedisCalls.call("checking a group", () -> redis.exists(Keys.group(groupId))) > 0;
    }

    @Override
    public void forget(long groupId) {
        RedisCalls.run("forgetting a group", () -> redis.del(Keys.group(groupId)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }
}
