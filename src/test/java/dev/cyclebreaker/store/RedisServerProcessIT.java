package dev.cyclebreaker.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.store.RedisServerProcess.Binary;
import dev.cyclebreaker.store.RedisServerProcess.Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RedisServerProcessIT {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(names = {"SYSTEM", "EMBEDDED"})
    void aStartedServerAnswersPingAndNamesItsBinary(Binary binary) {
        assumeAvailable(binary);
        try (RedisServerProcess redis = RedisServerProcess.start(Options.ephemeral().withBinary(binary))) {
            assertThat(RedisProbe.readyServerPid(redis.port())).contains(redis.pid());
            assertThat(redis.uri()).hasToString("redis://127.0.0.1:" + redis.port());
            assertThat(redis.binaryDescription()).matches((binary == Binary.SYSTEM ? "system" : "embedded") + " redis-server \\d+\\.\\d+\\.\\d+");
            assertThat(redis.dataDir()).isEmpty();
        }
    }

    @Test
    void stopFreesThePort() throws IOException {
        RedisServerProcess redis = RedisServerProcess.start(Options.ephemeral());

        redis.stop();

        assertThat(redis.isAlive()).isFalse();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), redis.port()));
        }
    }

    @Test
    void stoppingTwiceIsHarmless() {
        RedisServerProcess redis = RedisServerProcess.start(Options.ephemeral());

        redis.stop();
        redis.close();

        assertThat(redis.isAlive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"SYSTEM", "EMBEDDED"})
    void aCommittedSessionSurvivesARestartOfTheServer(Binary binary) {
        assumeAvailable(binary);
        Options options = Options.persistentIn(dataDir).withBinary(binary);
        try (RedisServerProcess redis = RedisServerProcess.start(options);
             RedisConnections connections = RedisConnections.open(redis.uri().toString())) {
            new RedisSessionStore(connections.connect()).commit(5, 0, 9, "kept".getBytes(UTF_8));
        }

        try (RedisServerProcess redis = RedisServerProcess.start(options);
             RedisConnections connections = RedisConnections.open(redis.uri().toString())) {
            SessionStore.Stored stored = new RedisSessionStore(connections.connect()).load(5).orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.lastUpdateId()).isEqualTo(9);
            assertThat(new String(stored.data(), UTF_8)).isEqualTo("kept");
        }
    }

    @Test
    void theDataFolderHoldsThePidOfItsServerWhileItRuns() throws IOException {
        Path pidFile = dataDir.resolve(DataDirGuard.PID_FILE);
        try (RedisServerProcess redis = RedisServerProcess.start(Options.persistentIn(dataDir))) {
            assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(redis.pid()));
        }
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aServerOrphanedByACrashedRunIsStoppedBeforeANewOneStarts() throws IOException {
        Process orphan = startOrphanOn(dataDir);
        Files.writeString(dataDir.resolve(DataDirGuard.PID_FILE), orphan.pid() + "\n");

        try (RedisServerProcess redis = RedisServerProcess.start(Options.persistentIn(dataDir))) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(redis.isAlive()).isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aStalePidfileNamingAnotherProgramLeavesThatProgramAlone() throws IOException {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        Files.writeString(dataDir.resolve(DataDirGuard.PID_FILE), bystander.pid() + "\n");

        try (RedisServerProcess redis = RedisServerProcess.start(Options.persistentIn(dataDir))) {
            assertThat(bystander.isAlive()).isTrue();
            assertThat(redis.isAlive()).isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    @Test
    void aStalePidfileOfADeadProcessIsReplaced() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dataDir.resolve(DataDirGuard.PID_FILE), gone.pid() + "\n");

        try (RedisServerProcess redis = RedisServerProcess.start(Options.persistentIn(dataDir))) {
            assertThat(Files.readString(dataDir.resolve(DataDirGuard.PID_FILE)).strip()).isEqualTo(Long.toString(redis.pid()));
        }
    }

    @Test
    void aDataFolderInUseByARunningServerIsRefused() {
        try (RedisServerProcess first = RedisServerProcess.start(Options.persistentIn(dataDir))) {
            assertThatThrownBy(() -> RedisServerProcess.start(Options.persistentIn(dataDir)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running redis-server owner");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void aBusyFixedPortIsRefusedWithAnExactMessage() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> RedisServerProcess.start(Options.ephemeral().withPort(busy.getLocalPort())))
                    .hasMessage("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use: choose another REDIS port or 0");
        }
    }

    @Test
    void anEmbeddedSixServerRefusesADataFolderWrittenBySeven() throws IOException {
        Files.createDirectories(dataDir.resolve("appendonlydir"));

        assertThatThrownBy(() -> RedisServerProcess.start(Options.persistentIn(dataDir).withBinary(Binary.EMBEDDED)))
                .hasMessageContaining("was written by redis-server 7 or later");
        assertThat(dataDir.resolve(DataDirGuard.PID_FILE)).doesNotExist();
    }

    /** A redis-server on the folder's AOF whose owner died: what a kill -9 of the app leaves behind. */
    private static Process startOrphanOn(Path dir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RedisBinary binary = RedisBinary.resolve(Binary.AUTO);
        Process orphan = new ProcessBuilder(List.of(binary.path().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", dir.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        awaitTrue(() -> RedisProbe.readyServerPid(port).equals(Optional.of(orphan.pid())), Duration.ofSeconds(10));
        return orphan;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.onSpinWait();
        }
    }

    private static void assumeAvailable(Binary binary) {
        if (binary == Binary.SYSTEM) {
            Assumptions.assumeTrue(RedisBinary.systemAvailable(), "no redis-server on PATH");
        }
    }
}
