package dev.cyclebreaker.bench;

import dev.cyclebreaker.sandbox.FloodSettings;
import dev.cyclebreaker.store.RedisConnections;
import dev.cyclebreaker.store.RedisServerProcess;
import dev.cyclebreaker.telegram.ChatStatusListener;
import dev.cyclebreaker.telegram.FloodLimits;

/**
 * Drains a burst at the global rate against a fake Bot API that answers 429 as Telegram does
 * (1/s per chat with a burst of 3, 30/s overall with a burst of 30). Run by {@code bench/flood.sh}.
 *
 * <pre>FloodBench [messages=10000] [chats=1000] [workers=32] [globalRate=30]</pre>
 */
public final class FloodBench {

    private FloodBench() {
    }

    /**
     * Calls the gate made: every one is a script (commands inside scripts count apart). Pipelined
     * pairs count twice though they share one round trip.
     */
    private static long scriptCalls(String commandStats) {
        return calls(commandStats, "evalsha") + calls(commandStats, "eval");
    }

    /** {@code cmdstat_evalsha:calls=12,usec=...}; 0 when the command was not called. */
    private static long calls(String commandStats, String command) {
        String prefix = "cmdstat_" + command + ":calls=";
        return commandStats.lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length(), l.indexOf(',')))).findFirst().orElse(0);
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : FloodLimits.DEFAULT_GLOBAL_PER_SECOND;
        FloodSettings telegram = new FloodSettings(true, 1, 3, rate, (int) Math.ceil(rate));
        try (RedisServerProcess redis = RedisServerProcess.start(RedisServerProcess.Options.ephemeral());
                RedisConnections connections = RedisConnections.open(redis.uri().toString());
                FloodDrain drain = new FloodDrain(connections.connect(), telegram, FloodLimits.telegram(rate), chats,
                        ChatStatusListener.NONE)) {
            System.out.printf("draining %d messages to %d chats with %d workers at %.0f/s (%s)%n", messages, chats,
                    workers, rate, redis.binaryDescription());
            var stats = connections.connect().sync();
            stats.configResetstat();
            FloodDrain.Result result = drain.drain(messages, workers);
            String commandStats = stats.info("commandstats");
            double commandsPerMessage = (double) scriptCalls(commandStats) / Math.max(1, result.delivered());
            System.out.println(result);
            System.out.printf(java.util.Locale.ROOT, "redis script calls per message: %.2f (evalsha %d, eval %d)%n",
                    commandsPerMessage, calls(commandStats, "evalsha"), calls(commandStats, "eval"));
            System.out.printf(java.util.Locale.ROOT,
                    "{\"messages\":%d,\"delivered\":%d,\"seconds\":%.1f,\"per_s\":%.2f,\"share\":%.3f,\"sent429\":%d,"
                            + "\"failed\":%d,\"redis_scripts_per_message\":%.2f}%n", result.messages(), result.delivered(), result.took().toNanos() / 1e9,
                    result.perSecond(), result.shareOfConfigured(), result.tooManyRequests(), result.failures(),
                    commandsPerMessage);
        }
    }
}
