package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.store.RedisServerProcess.Binary;
import dev.cyclebreaker.store.RedisServerProcess.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerProcessOptionsTest {

    @Test
    void theDefaultsPickAFreePortKeepNothingOnDiskAndPreferTheSystemBinary() {
        assertThat(Options.ephemeral()).isEqualTo(new Options(0, null, Binary.AUTO, Duration.ofSeconds(30)));
    }

    @Test
    void aPortOutsideTheTcpRangeIsRejected() {
        assertThatThrownBy(() -> Options.ephemeral().withPort(70_000))
                .hasMessage("redis port must be 0..65535, got 70000");
    }

    @Test
    void aZeroStartTimeoutIsRejected() {
        assertThatThrownBy(() -> Options.ephemeral().withStartTimeout(Duration.ZERO))
                .hasMessage("redis start timeout must be positive, got PT0S");
    }

    @Test
    void theSystemBinaryIsFoundOnlyWhenPathHoldsAnExecutableRedisServer(@TempDir Path dir) throws Exception {
        assertThat(RedisBinary.onPath("")).isEmpty();
        assertThat(RedisBinary.onPath(dir.toString())).isEmpty();

        Path binary = Files.createFile(dir.resolve("redis-server"));
        assertThat(RedisBinary.onPath(dir.toString())).isEmpty();
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        assertThat(RedisBinary.onPath("/nowhere" + java.io.File.pathSeparator + dir)).contains(binary);
    }
}
