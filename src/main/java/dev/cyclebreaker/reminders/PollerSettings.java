package dev.cyclebreaker.reminders;

import java.time.Duration;

/**
 * @param maxInterval longest sleep between polls (jittered by ±20% so instances spread out)
 * @param lease how long a claimed reminder is ours before another instance may take it over
 * @param batch most reminders claimed at once, and most in flight at once
 * @param shutdownGrace how long stopping waits for handlers in flight before releasing their claims
 */
public record PollerSettings(Duration maxInterval, Duration lease, int batch, Duration shutdownGrace) {

    public PollerSettings {
        requirePositive("maxInterval", maxInterval);
        requirePositive("lease", lease);
        if (batch < 1) {
            throw new IllegalArgumentException("reminder poller batch must be at least 1, got " + batch);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("reminder poller shutdownGrace must not be negative, got " + shutdownGrace);
        }
        if (lease.compareTo(maxInterval) <= 0) {
            throw new IllegalArgumentException("reminder lease (" + lease + ") must be longer than maxInterval (" + maxInterval + ")");
        }
    }

    public static PollerSettings defaults() {
        return new PollerSettings(Duration.ofMillis(250), Duration.ofSeconds(60), 100, Duration.ofSeconds(5));
    }

    public PollerSettings withMaxInterval(Duration value) {
        return new PollerSettings(value, lease, batch, shutdownGrace);
    }

    public PollerSettings withLease(Duration value) {
        return new PollerSettings(maxInterval, value, batch, shutdownGrace);
    }

    public PollerSettings withBatch(int value) {
        return new PollerSettings(maxInterval, lease, value, shutdownGrace);
    }

    public PollerSettings withShutdownGrace(Duration value) {
        return new PollerSettings(maxInterval, lease, batch, value);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("reminder poller " + name + " must be positive, got " + value);
        }
    }
}
