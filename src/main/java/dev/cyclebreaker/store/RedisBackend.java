package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.reminders.DueReminders;
import dev.cyclebreaker.telegram.FloodGate;
import dev.cyclebreaker.telegram.FloodLimits;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Redis the app runs on: the one {@code REDIS_URL} names, or, with it unset, a local
 * redis-server child process with append-only persistence under the data folder. Either way it
 * is checked with PING before the app goes on, and the features' stores are built on one shared
 * connection. {@link #close} closes the connection, then stops the child process if we started it.
 */
public final class RedisBackend implements AutoCloseable {

    private final RedisServerProcess embedded;
    private final RedisConnections connections;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final String description;

    private RedisBackend(RedisServerProcess embedded, RedisConnections connections,
            StatefulRedisConnection<String, byte[]> connection, String description) {
        this.embedded = embedded;
        this.connections = connections;
        this.connection = connection;
        this.description = description;
    }

    /**
     * @param url an external Redis, or null for the embedded one
     * @param dataDir the app's data folder; the embedded server keeps its files in {@code redis/} under it
     * @throws IllegalStateException with one line saying what is wrong (no password in it)
     */
    public static RedisBackend start(URI url, Path dataDir) {
        if (url != null) {
            return connect(null, url.toString(), RedisConnections.redact(url.toString()));
        }
        Path folder = dataDir.resolve("redis");
        RedisServerProcess server;
        try {
            server = RedisServerProcess.start(RedisServerProcess.Options.persistentIn(folder));
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded Redis could not start in " + folder + ": " + firstLine(e.getMessage()), e);
        }
        try {
            return connect(server, server.uri().toString(), "embedded " + server.binaryDescription() + " on "
                    + server.uri().getHost() + ":" + server.port() + ", append-only files in " + folder);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    private static RedisBackend connect(RedisServerProcess embedded, String url, String description) {
        RedisConnections connections = RedisConnections.open(url);
        try {
            StatefulRedisConnection<String, byte[]> connection = connections.connect();
            connection.sync().ping();
            return new RedisBackend(embedded, connections, connection, description);
        } catch (RuntimeException e) {
            connections.close();
            throw new IllegalStateException("Redis at " + RedisConnections.redact(url) + " is not reachable: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Sessions whose commits take the private chat's first flood token from {@code gate} (one of {@link #floodGate}). */
    public SessionStore sessionStore(FloodGate gate) {
        return new RedisSessionStore(connection, RedisSessionStore.DEFAULT_TTL, (RedisFloodGate) gate);
    }

    public dev.cyclebreaker.conversation.SharedResults sharedResults(dev.cyclebreaker.sharing.ShareTokens tokens) {
        return new RedisSharedResults(connection, tokens, RedisSharedResults.DEFAULT_TTL);
    }

    public dev.cyclebreaker.conversation.GroupInvites groupInvites(dev.cyclebreaker.sharing.ShareTokens tokens) {
        return new RedisGroupInvites(connection, tokens, RedisGroupInvites.INVITE_TTL);
    }

    public DueReminders dueReminders() {
        return new RedisDueReminders(connection);
    }

    public dev.cyclebreaker.telegram.UpdateReceipts updateReceipts() {
        return new RedisUpdateReceipts(connection);
    }

    public FloodGate floodGate(FloodLimits limits, Clock clock) {
        return new RedisFloodGate(connection, limits, clock);
    }

    /**
     * Whether Redis answers PING within {@code timeout}: the readiness check. Never throws and never
     * waits longer, whatever the connection is doing (reconnecting after Redis went away, say).
     */
    public boolean ping(java.time.Duration timeout) {
        try {
            return "PONG".equals(connection.async().ping().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** For the startup line: where the data lives, never a password. */
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
