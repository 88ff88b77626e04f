package dev.cyclebreaker.store;

import dev.cyclebreaker.conversation.TransientFailure;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;

/**
 * Sorts Redis failures the way the rest of the app needs them: a Redis that is unreachable, slow,
 * still loading its data or failing over may work in a moment ({@link TransientFailure}: the update
 * is processed again); anything else is a bug and stays as it is.
 */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> T call(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            // An error reply: a script or command bug, unless Redis says "not now".
            if (passing(e.getMessage())) {
                throw new TransientFailure("Redis busy for " + what, e);
            }
            throw e;
        } catch (RedisException e) {
            // Unreachable, timed out, interrupted, connection closed: may work in a moment.
            throw new TransientFailure("Redis unavailable for " + what + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static void run(String what, Runnable command) {
        call(what, () -> {
            command.run();
            return null;
        });
    }

    /** Error replies that say "not now" rather than "never". */
    static boolean passing(String message) {
        if (message == null) {
            return false;
        }
        for (String prefix : new String[] {"LOADING", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN", "READONLY"}) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
