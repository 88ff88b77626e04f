package dev.cyclebreaker.store;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lua script from {@code classpath:redis/<name>.lua}, where the name ends with the script's
 * key count ({@code commitSession-1}). Runs by SHA1 and falls back to sending the source when the
 * server does not know it (after a restart, failover or SCRIPT FLUSH); EVAL caches it again.
 */
final class LuaScript {

    private final String name;
    private final byte[] source;
    private final String sha1;
    private final int keyCount;

    private LuaScript(String name, byte[] source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1Hex(source);
        this.keyCount = keyCountOf(name);
    }

    static LuaScript load(String name) {
        String resource = "redis/" + name + ".lua";
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not found on the classpath: " + resource);
            }
            return new LuaScript(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @SafeVarargs
    final <K, V, T> T run(RedisScriptingCommands<K, V> redis, ScriptOutputType type, K[] keys, V... args) {
        if (keys.length != keyCount) {
            throw new IllegalArgumentException(name + " takes " + keyCount + " keys, got " + keys.length);
        }
        try {
            return redis.evalsha(sha1, type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, type, keys, args);
        }
    }

    /**
     * Sends the script without waiting for its answer, so that scripts on different keys (even
     * different Cluster slots) share one round trip; {@link #await} collects the answer.
     */
    @SafeVarargs
    final <K, V, T> RedisFuture<T> start(RedisScriptingAsyncCommands<K, V> redis, ScriptOutputType type, K[] keys,
            V... args) {
        if (keys.length != keyCount) {
            throw new IllegalArgumentException(name + " takes " + keyCount + " keys, got " + keys.length);
        }
        return redis.evalsha(sha1, type, keys, args);
    }

    /** The answer to {@link #start}; when the server did not know the script, runs it again by source. */
    @SafeVarargs
    final <K, V, T> T await(RedisFuture<T> started, RedisScriptingCommands<K, V> redis, ScriptOutputType type,
            K[] keys, V... args) {
        try {
            return started.get(2 * RedisConnections.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RedisNoScriptException) {
                return redis.eval(source, type, keys, args);
            }
            if (e.getCause() instanceof RedisException r) {
                throw r;
            }
            throw new RedisException(name + " failed", e.getCause());
        } catch (TimeoutException e) {
            started.cancel(true);
            throw new RedisCommandTimeoutException(name + " got no answer within "
                    + 2 * RedisConnections.COMMAND_TIMEOUT.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisCommandInterruptedException(e);
        }
    }

    String name() {
        return name;
    }

    String sha1() {
        return sha1;
    }

    int keyCount() {
        return keyCount;
    }

    String source() {
        return new String(source, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int keyCountOf(String name) {
        int dash = name.lastIndexOf('-');
        try {
            return Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Lua script name must end with its key count, like commitSession-1: " + name);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }
}
