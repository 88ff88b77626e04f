package dev.cyclebreaker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real redis-server running as a child process on 127.0.0.1: the app's default when no
 * {@code REDIS_URL} is given, and the server the integration tests talk to. With a data folder
 * it keeps an append-only file (fsync every second) so sessions survive restarts.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start(Options.persistentIn(Path.of("data/redis")))) {
 *     log.info("Redis: {} at {}", redis.binaryDescription(), redis.uri());
 * }
 * }</pre>
 */
public final class RedisServerProcess implements AutoCloseable {

    /** Which executable to run. AUTO: the system's redis-server if on PATH, else the embedded one. */
    public enum Binary { SYSTEM, EMBEDDED, AUTO }

    /**
     * @param port 0 picks a free loopback port
     * @param dataDir null keeps nothing on disk; otherwise the append-only file lives there
     */
    public record Options(int port, Path dataDir, Binary binary, Duration startTimeout) {
        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("redis port must be 0..65535, got " + port);
            }
            if (binary == null) {
                throw new IllegalArgumentException("redis binary choice must not be null");
            }
            if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("redis start timeout must be positive, got " + startTimeout);
            }
        }

        public static Options ephemeral() {
            return new Options(0, null, Binary.AUTO, Duration.ofSeconds(30));
        }

        public static Options persistentIn(Path dataDir) {
            return ephemeral().withDataDir(dataDir);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, dataDir, binary, startTimeout);
        }

        public Options withDataDir(Path newDataDir) {
            return new Options(port, newDataDir, binary, startTimeout);
        }

        public Options withBinary(Binary newBinary) {
            return new Options(port, dataDir, newBinary, startTimeout);
        }

        public Options withStartTimeout(Duration newStartTimeout) {
            return new Options(port, dataDir, binary, newStartTimeout);
        }
    }

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);

    private final Process process;
    private final int port;
    private final RedisBinary binary;
    private final Path dataDir;
    private final DataDirGuard guard;
    private final ProcessOutput output;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RedisServerProcess(Process process, int port, RedisBinary binary, Path dataDir, DataDirGuard guard, ProcessOutput output) {
        this.process = process;
        this.port = port;
        this.binary = binary;
        this.dataDir = dataDir;
        this.guard = guard;
        this.output = output;
        this.shutdownHook = new Thread(this::stop, "redis-server-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the server and returns once it answers PING; throws with the server's last log lines if it cannot. */
    public static RedisServerProcess start(Options options) {
        RedisBinary binary = RedisBinary.resolve(options.binary());
        Path dataDir = options.dataDir() == null ? null : options.dataDir().toAbsolutePath();
        DataDirGuard guard = dataDir == null ? null : DataDirGuard.acquire(dataDir, STOP_TIMEOUT);
        try {
            if (dataDir != null) {
                refuseDowngrade(dataDir, binary);
            }
            for (int attempt = 1; ; attempt++) {
                int port = options.port() == 0 ? freeLoopbackPort() : requireFree(options.port());
                Process process = launch(binary, port, dataDir);
                ProcessOutput output = ProcessOutput.follow(process, port);
                if (guard != null) {
                    guard.recordPid(process.pid());
                }
                if (awaitReady(process, port, options.startTimeout())) {
                    return new RedisServerProcess(process, port, binary, dataDir, guard, output);
                }
                terminate(process.toHandle(), STOP_TIMEOUT);
                output.awaitEnd();
                boolean lostPortRace = options.port() == 0 && output.mentions("Address already in use");
                if (!lostPortRace || attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("redis-server (" + binary.describe() + ") did not answer PING on 127.0.0.1:"
                            + port + " within " + options.startTimeout().toSeconds() + "s; its last output:\n" + output.tail());
                }
            }
        } catch (RuntimeException e) {
            if (guard != null) {
                guard.release();
            }
            throw e;
        }
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** For the startup log line, e.g. "system redis-server 7.0.15". */
    public String binaryDescription() {
        return binary.describe();
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (redis flushes its append-only file and exits), then waits; kills it if it hangs. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook, or the JVM is exiting anyway
        }
        terminate(process.toHandle(), STOP_TIMEOUT);
        output.awaitEnd();
        if (guard != null) {
            guard.release();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void terminate(ProcessHandle process, Duration timeout) {
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("redis-server pid {} ignored SIGTERM for {}s: killing it", process.pid(), timeout.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for redis-server pid " + process.pid() + " to exit failed", e);
        }
    }

    private static Process launch(RedisBinary binary, int port, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(binary.path().toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--protected-mode", "yes",
                "--daemonize", "no",
                "--save", ""));
        if (dataDir == null) {
            command.addAll(List.of("--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir")));
        } else {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec", "--dir", dataDir.toString()));
        }
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary.path(), e);
        }
    }

    /** Polls until our own process answers (not some other server that already held the port). */
    private static boolean awaitReady(Process process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (RedisProbe.readyServerPid(port).filter(pid -> pid == process.pid()).isPresent()) {
                return true;
            }
            try {
                process.waitFor(20, TimeUnit.MILLISECONDS); // returns at once if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** redis-server 7 keeps a multi-part AOF in appendonlydir/ that 6.x cannot read: it would start empty. */
    private static void refuseDowngrade(Path dataDir, RedisBinary binary) {
        if (binary.majorVersion() < 7 && Files.isDirectory(dataDir.resolve("appendonlydir"))) {
            throw new IllegalStateException("redis data folder " + dataDir + " was written by redis-server 7 or later; "
                    + binary.describe() + " cannot read it: install redis-server 7+ or choose another folder");
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use: choose another REDIS port or 0", e);
        }
    }
}
