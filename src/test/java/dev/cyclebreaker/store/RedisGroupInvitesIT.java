package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Group;
import dev.cyclebreaker.sharing.ShareTokens;
import io.lettuce.core.cluster.SlotHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisGroupInvitesIT {
    private static final AtomicLong GROUPS = new AtomicLong(-1_000_000_000_000L - System.nanoTime() % 1000 * 1000);

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private final RedisGroupInvites invites = new RedisGroupInvites(redis.connection(),
            new ShareTokens(new SecureRandom()), RedisGroupInvites.INVITE_TTL);

    @Test
    void anInviteIsFoundByItsTokenWithTheGroupsTitle() {
        Group g = new Group(GROUPS.decrementAndGet(), "Tom & Jerry 汤姆");

        String token = invites.invite(g);

        assertThat(ShareTokens.isWellFormed(token)).isTrue();
        assertThat(("g_" + token)).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(invites.find(token)).contains(g);
        assertThat(invites.isKnown(g.id())).isTrue();
    }

    @Test
    void anInviteExpiresAfterSevenDaysAndTheGroupLivesLonger() {
        Group g = new Group(GROUPS.decrementAndGet(), "G");
        String token = invites.invite(g);

        assertThat(redis.connection().sync().ttl(Keys.groupInvite(token)))
                .isBetween(Duration.ofDays(7).toSeconds() - 5, Duration.ofDays(7).toSeconds());
        assertThat(redis.connection().sync().ttl(Keys.group(g.id()))).isGreaterThan(Duration.ofDays(7).toSeconds());
        redis.connection().sync().del(Keys.groupInvite(token)); // what expiry does

        assertThat(invites.find(token)).isEmpty();
    }

    @Test
    void forgettingAGroupVoidsEveryInviteToItEvenAfterTheBotIsAddedAgain() {
        Group g = new Group(GROUPS.decrementAndGet(), "G");
        String first = invites.invite(g);
        String second = invites.invite(new Group(g.id(), "G renamed"));
        assertThat(invites.find(first)).contains(new Group(g.id(), "G renamed"));

        invites.forget(g.id());

        assertThat(invites.find(first)).isEmpty();
        assertThat(invites.find(second)).isEmpty();
        assertThat(invites.isKnown(g.id())).isFalse();
        String afterReturn = invites.invite(g);
        assertThat(invites.find(afterReturn)).contains(g);
        assertThat(invites.find(first)).isEmpty();
    }

    @Test
    void unknownMalformedAndForgedTokensFindNothing() {
        assertThat(invites.find("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(invites.find("short")).isEmpty();
        assertThat(invites.find("*".repeat(22))).isEmpty();
        assertThat(invites.find("")).isEmpty();
        assertThat(invites.find(null)).isEmpty();
        String token = "AAAAAAAAAAAAAAAAAAAAAQ";
        redis.connection().sync().set(Keys.groupInvite(token), "not a group".getBytes());
        assertThat(invites.find(token)).isEmpty();
    }

    @Test
    void forgettingAnUnknownGroupDoesNothing() {
        invites.forget(GROUPS.decrementAndGet());

        assertThat(invites.isKnown(GROUPS.get())).isFalse();
    }

    @Test
    void eachKeyIsItsOwnHashTagSoEveryCommandStaysInOneSlot() {
        assertThat(Keys.group(-42)).isEqualTo("cb:{g:-42}:group");
        assertThat(Keys.groupInvite("tok")).isEqualTo("cb:{gi:tok}:invite");
        assertThat(SlotHash.getSlot(Keys.group(-42))).isEqualTo(SlotHash.getSlot("g:-42"));
    }
}
