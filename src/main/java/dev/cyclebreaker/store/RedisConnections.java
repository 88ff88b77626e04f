package dev.cyclebreaker.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lettuce client for one {@code redis://} or {@code rediss://} URL. Connections are thread-safe:
 * the app shares one. Keys are UTF-8 strings, values raw bytes. {@link #close} closes every
 * connection it opened, then the client's threads.
 */
public final class RedisConnections implements AutoCloseable {

    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final List<StatefulRedisConnection<String, byte[]>> opened = new CopyOnWriteArrayList<>();

    private RedisConnections(RedisClient client) {
        this.client = client;
    }

    /** @throws IllegalArgumentException with one exact line (password hidden) when the URL is not a Redis URL */
    public static RedisConnections open(String url) {
        RedisClient client = RedisClient.create(parse(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(10_000) // while reconnecting: fail fast instead of buffering without bound
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .build());
        return new RedisConnections(client);
    }

    public StatefulRedisConnection<String, byte[]> connect() {
        StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
        opened.add(connection);
        return connection;
    }

    @Override
    public void close() {
        opened.stream().filter(StatefulRedisConnection::isOpen).forEach(StatefulRedisConnection::close);
        opened.clear();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    static RedisURI parse(String url) {
        if (url == null || !(url.startsWith("redis://") || url.startsWith("rediss://"))) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://, got: " + redact(url));
        }
        try {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(COMMAND_TIMEOUT);
            return uri;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("REDIS_URL is not a valid Redis URL: " + redact(url), e);
        }
    }

    /** Never print credentials: redis://user:secret@host becomes redis://***@host. */
    static String redact(String url) {
        if (url == null) {
            return "(unset)";
        }
        return url.replaceFirst("^([a-z]+://)[^@/]*@", "$1***@");
    }
}
