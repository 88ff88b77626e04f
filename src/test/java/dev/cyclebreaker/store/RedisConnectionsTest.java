package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisConnectionsTest {

    @Test
    void aUrlThatIsNotRedisIsRejectedWithOneExactLine() {
        assertThatThrownBy(() -> RedisConnections.open("http://localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("REDIS_URL must start with redis:// or rediss://, got: http://localhost:6379");
    }

    @Test
    void theRejectionNeverPrintsThePassword() {
        assertThatThrownBy(() -> RedisConnections.open("tcp://user:s3cret@host:6379"))
                .hasMessage("REDIS_URL must start with redis:// or rediss://, got: tcp://***@host:6379");
    }

    @Test
    void aPasswordOnlyUrlIsRedactedToo() {
        assertThat(RedisConnections.redact("redis://s3cret@host:6379/0")).isEqualTo("redis://***@host:6379/0");
    }

    @Test
    void commandsTimeOutAfterFiveSeconds() {
        assertThat(RedisConnections.parse("rediss://host:6380").getTimeout()).isEqualTo(RedisConnections.COMMAND_TIMEOUT);
    }
}
