package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.SharedResult;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.sharing.ShareTokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSharedResultsIT {
    private static final AtomicLong USERS = new AtomicLong(7_000_000 + System.nanoTime() % 1000 * 1000);

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private final RedisSharedResults shares = new RedisSharedResults(redis.connection(),
            new ShareTokens(new SecureRandom()), Duration.ofDays(90));
    private final SharedResult ann = new SharedResult(new Profile(81, 22, Pattern.PURSUER), "v1", "Ann 安");

    @Test
    void aPublishedResultIsFoundByItsTokenWithItsName() {
        String token = shares.publish(USERS.incrementAndGet(), ann);

        assertThat(ShareTokens.isWellFormed(token)).isTrue();
        assertThat(shares.find(token)).contains(ann);
    }

    @Test
    void anAnonymousResultHasNoName() {
        SharedResult anonymous = new SharedResult(new Profile(5, 95, Pattern.DISTANCER), "v1", null);

        assertThat(shares.find(shares.publish(USERS.incrementAndGet(), anonymous)).orElseThrow().sharerName()).isNull();
    }

    @Test
    void unknownMalformedAndForgedTokensFindNothing() {
        assertThat(shares.find("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(shares.find("short")).isEmpty();
        assertThat(shares.find("*".repeat(22))).isEmpty();
        assertThat(shares.find("AAAAAAAAAAAAAAAAAAAAA}")).isEmpty();
        assertThat(shares.find("")).isEmpty();
    }

    @Test
    void aLinkExpiresAndIsIndexedUnderTheUser() {
        long user = USERS.incrementAndGet();
        String token = shares.publish(user, ann);

        assertThat(redis.connection().sync().ttl(Keys.share(token))).isBetween(Duration.ofDays(89).toSeconds(), Duration.ofDays(90).toSeconds());
        assertThat(redis.connection().sync().smembers(Keys.shares(user))).hasSize(1);
        redis.connection().sync().del(Keys.share(token)); // what expiry does

        assertThat(shares.find(token)).isEmpty();
    }

    @Test
    void erasingTheUserDeletesEveryLinkAndTheIndex() {
        long user = USERS.incrementAndGet();
        String one = shares.publish(user, ann);
        String two = shares.publish(user, ann);
        String someoneElses = shares.publish(USERS.incrementAndGet(), ann);

        new RedisSessionStore(redis.connection()).erase(user);

        assertThat(shares.find(one)).isEmpty();
        assertThat(shares.find(two)).isEmpty();
        assertThat(shares.find(someoneElses)).isPresent();
        assertThat(redis.connection().sync().exists(Keys.allOf(user).toArray(String[]::new))).isZero();
    }

    @Test
    void aRecordThisBuildCannotReadIsAsGoodAsGone() {
        String token = shares.publish(USERS.incrementAndGet(), ann);
        redis.connection().sync().hset(Keys.share(token), "pat", "SOMETHING_NEW".getBytes());

        assertThat(shares.find(token)).isEqualTo(Optional.empty());
    }
}
