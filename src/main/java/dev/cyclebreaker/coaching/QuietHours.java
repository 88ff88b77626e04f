package dev.cyclebreaker.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The night window in which the bot sends nothing the user did not ask for: by default 23:00 (inclusive) to 08:00
 * (exclusive), local time in the user's zone. Pure: which reminders are subject to it is the caller's decision.
 * A return point the user set themselves ("I'll be back at 23:30") is always honoured and should not be passed
 * through here; nudges the bot schedules on its own are.
 *
 * <p>Daylight saving needs no special case: an instant is mapped to the local time the user sees, and the end of
 * the window is the next 08:00 on their wall clock, however long the night was (7 or 9 hours when clocks change).
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public static final QuietHours NIGHT = new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end at the same time: " + start);
        }
    }

    public boolean isQuiet(Instant t, ZoneId zone) {
        LocalTime local = LocalTime.ofInstant(t, zone);
        return wraps()
                ? !local.isBefore(start) || local.isBefore(end)
                : !local.isBefore(start) && local.isBefore(end);
    }

    /** {@code t} itself when it is not quiet, else the end of this quiet window on the user's wall clock. */
    public Instant nextAllowed(Instant t, ZoneId zone) {
        if (!isQuiet(t, zone)) {
            return t;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        boolean beforeMidnight = wraps() && !local.toLocalTime().isBefore(start);
        // if `end` itself falls in a gap, java.time moves it forward by the gap: still the first allowed moment
        return ZonedDateTime.of(local.toLocalDate().plusDays(beforeMidnight ? 1 : 0), end, zone).toInstant();
    }

    private boolean wraps() {
        return start.isAfter(end);
    }
}
