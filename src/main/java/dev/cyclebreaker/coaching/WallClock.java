package dev.cyclebreaker.coaching;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A wall-clock return point as read, before any zone: {@code time} on the day {@code dayOffset} days from today.
 * The bot keeps this (never the typed text) while it asks a new user for their zone, then resolves it with
 * {@link ReturnTimeParser#resolve}. {@code couldBePm}: see {@link ReturnTimeParser}.
 */
public record WallClock(LocalTime time, int dayOffset, boolean couldBePm) {
    public WallClock {
        Objects.requireNonNull(time, "time");
        if (dayOffset < 0 || dayOffset > 2) {
            throw new IllegalArgumentException("a wall-clock return point lies 0-2 days ahead: " + dayOffset);
        }
    }
}
