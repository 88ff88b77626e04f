package dev.cyclebreaker.store;

import dev.cyclebreaker.store.RedisServerProcess.Binary;
import dev.cyclebreaker.store.RedisServerProcess.Options;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for tests: one per test JVM (per binary), on a free loopback port, started
 * on first use and stopped when the test run ends. Never the developer's Redis on 6379.
 * Every test starts with an empty keyspace.
 *
 * <pre>{@code
 * class ReminderQueueIT {
 *     @RegisterExtension
 *     static final RedisTestServer redis = RedisTestServer.any();
 *
 *     @Test
 *     void aDueReminderIsClaimedOnce() {
 *         var queue = new RedisReminderQueue(redis.connection());   // shared, thread-safe
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #any()}: the system's redis-server if on PATH, else the embedded one. Use this.
 *   <li>{@link #system()} / {@link #embedded()}: a given binary (the system one skips the test
 *       class when redis-server is not installed).
 *   <li>{@link #connection()}: one shared connection; {@link #newConnection()}: a separate one,
 *       closed at the end of the run (or by you).
 *   <li>{@link #uri()}: {@code redis://127.0.0.1:<port>}, e.g. as {@code REDIS_URL} for an
 *       end-to-end test of the whole app.
 *   <li>{@link #flush()}: empties the keyspace; done before each test already.
 * </ul>
 * Test classes sharing a server must not run in parallel with each other.
 */
public final class RedisTestServer implements BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisTestServer.class);

    private final Binary binary;
    private volatile Running running;

    private RedisTestServer(Binary binary) {
        this.binary = binary;
    }

    public static RedisTestServer any() {
        return new RedisTestServer(Binary.AUTO);
    }

    public static RedisTestServer system() {
        return new RedisTestServer(Binary.SYSTEM);
    }

    public static RedisTestServer embedded() {
        return new RedisTestServer(Binary.EMBEDDED);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (binary == Binary.SYSTEM) {
            Assumptions.assumeTrue(RedisBinary.systemAvailable(), "no redis-server on PATH");
        }
        Binary concrete = binary == Binary.AUTO
                ? (RedisBinary.systemAvailable() ? Binary.SYSTEM : Binary.EMBEDDED)
                : binary;
        running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(concrete, Running::start, Running.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        flush();
    }

    public URI uri() {
        return running().server.uri();
    }

    public String binaryDescription() {
        return running().server.binaryDescription();
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return running().shared;
    }

    public StatefulRedisConnection<String, byte[]> newConnection() {
        return running().connections.connect();
    }

    public void flush() {
        running().shared.sync().flushall();
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("RedisTestServer is not started: register it with @RegisterExtension on a static field");
        }
        return current;
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test of this JVM. */
    private record Running(RedisServerProcess server, RedisConnections connections,
                           StatefulRedisConnection<String, byte[]> shared) implements AutoCloseable {

        static Running start(Binary binary) {
            RedisServerProcess server = RedisServerProcess.start(Options.ephemeral().withBinary(binary));
            try {
                RedisConnections connections = RedisConnections.open(server.uri().toString());
                return new Running(server, connections, connections.connect());
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
        }

        @Override
        public void close() {
            connections.close();
            server.stop();
        }
    }
}
