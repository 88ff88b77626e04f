package dev.cyclebreaker.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's time: a base clock plus an offset that only grows, so a person can skip ahead
 * ("in 20 minutes") to see reminders fire without waiting. Thread-safe; time never runs backwards.
 */
public final class SandboxClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> skipped;

    private SandboxClock(Clock base, AtomicReference<Duration> skipped) {
        this.base = base;
        this.skipped = skipped;
    }

    /** Runs with {@code base} (UTC) until {@link #advance} moves it ahead. */
    public static SandboxClock startingAt(Clock base) {
        return new SandboxClock(base.withZone(ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock ahead; every view of it ({@link #withZone}) moves too. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves ahead, not by " + by);
        }
        skipped.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far ahead of the base clock this one runs. */
    public Duration skipped() {
        return skipped.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skipped.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new SandboxClock(base.withZone(zone), skipped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SandboxClock other && base.equals(other.base) && skipped == other.skipped;
    }

    @Override
    public int hashCode() {
        return base.hashCode() ^ System.identityHashCode(skipped);
    }

    @Override
    public String toString() {
        return "SandboxClock[" + base + " + " + skipped.get() + "]";
    }
}
