package dev.cyclebreaker.bench;

import dev.cyclebreaker.reminders.PollerSettings;
import dev.cyclebreaker.reminders.ReminderPoller;
import dev.cyclebreaker.reminders.ReminderRef;
import dev.cyclebreaker.store.RedisConnections;
import dev.cyclebreaker.store.RedisDueReminders;
import dev.cyclebreaker.store.RedisServerProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Figures for the reminder due index, not a test: (1) bytes of Redis memory per pending reminder
 * with a million of them, (2) due-to-handler latency through a real {@link ReminderPoller} while
 * that million stays pending, for a steady stream and for a burst due at one instant. Starts its own redis-server; run through {@code bench/reminders.sh}.
 *
 * <p>Arguments (all optional): pending count, stream count, stream rate per second.
 */
public final class ReminderBench {

    private static final long FIRST_USER = 5_000_000_000L; // ten digits, like today's Telegram ids
    private static final int LOADERS = 8;
    private static final int BURST = 5_000;

    public static void main(String[] args) throws Exception {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int stream = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int ratePerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 500;

        try (RedisServerProcess server = RedisServerProcess.start(RedisServerProcess.Options.ephemeral());
             RedisConnections connections = RedisConnections.open(server.uri().toString())) {
            var admin = connections.connect();
            RedisDueReminders index = new RedisDueReminders(connections.connect());

            long before = usedMemory(admin.sync().info("memory"));
            long loadStarted = System.nanoTime();
            load(index, pending);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            long after = usedMemory(admin.sync().info("memory"));
            if (index.pendingCount() != pending) {
                throw new IllegalStateException("loaded " + index.pendingCount() + " of " + pending);
            }
            double bytesPerPending = (after - before) / (double) pending;

            long[] latencyMicros = streamThroughPoller(connections, index, stream, ratePerSecond);
            Arrays.sort(latencyMicros);
            long[] burstMicros = burstThroughPoller(connections, index, BURST);
            Arrays.sort(burstMicros);

            System.out.printf("reminders bench: %s; pending=%d bytes/pending=%.1f (used_memory +%d B, load %.1fs, %.0f/s); "
                            + "stream n=%d at %d/s due 1s ahead: due->handler p50=%.1fms p99=%.1fms max=%.1fms "
                            + "burst n=%d due at one instant: p50=%.1fms p99=%.1fms max=%.1fms "
                            + "(poller maxInterval=250ms batch=100, %d shards, %d cores)%n",
                    server.binaryDescription(), pending, bytesPerPending, after - before, loadSeconds, pending / loadSeconds,
                    latencyMicros.length, ratePerSecond, percentile(latencyMicros, 50), percentile(latencyMicros, 99),
                    latencyMicros[latencyMicros.length - 1] / 1000.0,
                    burstMicros.length, percentile(burstMicros, 50), percentile(burstMicros, 99),
                    burstMicros[burstMicros.length - 1] / 1000.0, RedisDueReminders.DEFAULT_SHARDS,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Several threads on one shared connection: Lettuce pipelines their commands. */
    private static void load(RedisDueReminders index, int count) throws Exception {
        Instant base = Instant.now().plus(Duration.ofDays(1));
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < LOADERS; t++) {
                int part = t;
                parts.add(loaders.submit(() -> {
                    for (int i = part; i < count; i += LOADERS) {
                        // Ids like a base-36 creation time in millis (8 characters), dues over 30 days.
                        String id = Long.toString(1_764_000_000_000L + i, 36);
                        index.schedule(new ReminderRef(FIRST_USER + i, id), base.plusSeconds((i * 2_591L) % 2_592_000L));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            loaders.shutdown();
        }
    }

    private static long[] streamThroughPoller(RedisConnections connections, RedisDueReminders index, int count, int ratePerSecond)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        ReminderPoller poller = new ReminderPoller(new RedisDueReminders(connections.connect()),
                (ref, due) -> latencies.add(Duration.between(due, Instant.now()).toNanos() / 1000),
                Clock.systemUTC(), handlers, PollerSettings.defaults());
        poller.start();
        try {
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long at = start + i * intervalNanos;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the producer, not waiting for a result
                }
                index.schedule(new ReminderRef(1_000 + i, "s" + i), Instant.now().plusSeconds(1));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (latencies.size() < count && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            poller.stop();
            handlers.shutdown();
        }
        if (latencies.size() < count) {
            throw new IllegalStateException("only " + latencies.size() + " of " + count + " streamed reminders fired within 30 s");
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** Everyone's 9:00 reminder: many due at the same millisecond, so claim throughput decides. */
    private static long[] burstThroughPoller(RedisConnections connections, RedisDueReminders index, int count)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        Instant due = Instant.now().plusSeconds(3);
        for (int i = 0; i < count; i++) {
            index.schedule(new ReminderRef(2_000_000 + i, "b"), due);
        }
        if (Instant.now().isAfter(due)) {
            throw new IllegalStateException("scheduling the burst took longer than its 3 s lead");
        }
        ReminderPoller poller = new ReminderPoller(new RedisDueReminders(connections.connect()),
                (ref, at) -> latencies.add(Duration.between(at, Instant.now()).toNanos() / 1000),
                Clock.systemUTC(), handlers, PollerSettings.defaults());
        poller.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (latencies.size() < count && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            poller.stop();
            handlers.shutdown();
        }
        if (latencies.size() < count) {
            throw new IllegalStateException("only " + latencies.size() + " of " + count + " burst reminders fired within 30 s");
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static double percentile(long[] sortedMicros, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, rank)] / 1000.0;
    }

    private static long usedMemory(String info) {
        return info.lines().filter(line -> line.startsWith("used_memory:")).findFirst()
                .map(line -> Long.parseLong(line.substring("used_memory:".length()).trim()))
                .orElseThrow(() -> new IllegalStateException("INFO memory has no used_memory"));
    }
}
