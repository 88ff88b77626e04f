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

    private static long commandsProcessed(String info) {
        return info.lines().filter(l -> l.startsWith("total_commands_processed:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(-1);
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
            long commandsBefore = commandsProcessed(stats.info("stats"));
            FloodDrain.Result result = drain.drain(messages, workers);
            double commandsPerMessage = (commandsProcessed(stats.info("stats")) - commandsBefore - 1.0)
                    / Math.max(1, result.delivered());
            System.out.println(result);
            System.out.printf(java.util.Locale.ROOT, "redis commands per message: %.2f%n", commandsPerMessage);
            System.out.printf(java.util.Locale.ROOT,
                    "{\"messages\":%d,\"delivered\":%d,\"seconds\":%.1f,\"per_s\":%.2f,\"share\":%.3f,\"sent429\":%d,"
                            + "\"failed\":%d,\"redis_per_message\":%.2f}%n", result.messages(), result.delivered(), result.took().toNanos() / 1e9,
                    result.perSecond(), result.shareOfConfigured(), result.tooManyRequests(), result.failures(),
                    commandsPerMessage);
        }
    }
}
