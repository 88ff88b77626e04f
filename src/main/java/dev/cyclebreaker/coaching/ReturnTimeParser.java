package dev.cyclebreaker.coaching;

import dev.cyclebreaker.coaching.Parsed.Absolute;
import dev.cyclebreaker.coaching.Parsed.Invalid;
import dev.cyclebreaker.coaching.Parsed.Reason;
import dev.cyclebreaker.coaching.Parsed.Relative;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a /pause return point, English or Chinese: a duration ({@code 20 min}, {@code 一个半小时}) or a wall-clock
 * time ({@code 21:40}, {@code 明天9点}). Case, spaces and full-width characters ({@code ２０分钟}, {@code 21：40})
 * do not matter. Stateless and pure: {@code now} and the zone are arguments.
 *
 * <p>Zones and daylight saving: a duration is exact elapsed time and needs no zone. A wall-clock time resolves
 * in the user's zone by java.time's rules: a time in a spring-forward gap moves forward by the length of the gap
 * (02:30 on the night clocks jump from 02:00 to 03:00 becomes 03:30); a time that happens twice when clocks fall
 * back takes the earlier offset, or the later one if the earlier has already passed.
 *
 * <p>A time that has passed today is {@link Reason#IN_THE_PAST}, carrying its next occurrence for the bot to
 * offer: tomorrow at that time, or, for an hour 1-11 typed without am/pm or padding ({@code 9:30}, {@code 9点})
 * when that hour after noon is still ahead today, that one.
 */
public final class ReturnTimeParser {
    /** Longer input is not read at all, so nothing pathological reaches the grammars. */
    public static final int MAX_INPUT_LENGTH = 64;
    public static final Duration MAX_AHEAD = Duration.ofDays(7);

    /** For a user whose zone we know. */
    public Parsed parse(String input, ZonedDateTime now) {
        return parse(input, now.toInstant(), Optional.of(now.getZone()));
    }

    /** For any user; without a zone, wall-clock times come back as {@link Reason#NEEDS_ZONE}. */
    public Parsed parse(String input, Instant now, Optional<ZoneId> zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Invalid.of(Reason.UNPARSEABLE);
        }
        String s = InputText.compact(input);
        if (s == null || s.isEmpty()) {
            return Invalid.of(Reason.UNPARSEABLE);
        }
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        OptionalLong minutes = RelativeGrammar.minutes(s);
        if (minutes.isPresent()) {
            return relative(minutes.getAsLong(), negative);
        }
        if (negative) {
            return Invalid.of(Reason.UNPARSEABLE);
        }
        Optional<WallClockGrammar.WallTime> wall = WallClockGrammar.parse(s);
        if (wall.isEmpty()) {
            return Invalid.of(Reason.UNPARSEABLE);
        }
        if (zone.isEmpty()) {
            return Invalid.of(Reason.NEEDS_ZONE);
        }
        return absolute(wall.get(), now, zone.get());
    }

    /**
     * The wall-clock time in {@code input}, if it is one ({@code 21:40}, {@code 明天9点}); empty for durations and
     * anything unreadable. With {@link #resolve} this splits {@link #parse} for a user who must name a zone first.
     */
    public Optional<WallClock> wallClock(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String s = InputText.compact(input);
        if (s == null || s.isEmpty() || s.startsWith("-") || RelativeGrammar.minutes(s).isPresent()) {
            return Optional.empty();
        }
        return WallClockGrammar.parse(s).map(w -> new WallClock(w.time(), w.dayOffset(), w.couldBePm()));
    }

    /** {@code wall} in {@code zone} as seen at {@code now}: {@link Absolute}, or {@link Reason#IN_THE_PAST} with the next occurrence. */
    public Parsed resolve(WallClock wall, Instant now, ZoneId zone) {
        Objects.requireNonNull(wall, "wall");
        return absolute(new WallClockGrammar.WallTime(wall.time(), wall.dayOffset(), wall.couldBePm()),
                Objects.requireNonNull(now, "now"), Objects.requireNonNull(zone, "zone"));
    }

    private static Parsed relative(long minutes, boolean negative) {
        if (minutes == 0) {
            return Invalid.of(Reason.ZERO);
        }
        if (negative) {
            return Invalid.of(Reason.NEGATIVE);
        }
        if (minutes > MAX_AHEAD.toMinutes()) {
            return Invalid.of(Reason.TOO_LONG);
        }
        return new Relative(Duration.ofMinutes(minutes));
    }

    private static Parsed absolute(WallClockGrammar.WallTime wall, Instant now, ZoneId zone) {
        LocalDateTime nowLocal = LocalDateTime.ofInstant(now, zone);
        LocalDate day = nowLocal.toLocalDate().plusDays(wall.dayOffset());
        Optional<ZonedDateTime> asTyped = upcoming(day, wall.time(), zone, now, nowLocal);
        if (asTyped.isPresent()) {
            return new Absolute(asTyped.get());
        }
        Optional<ZonedDateTime> next = Optional.empty();
        if (wall.couldBePm()) {
            next = upcoming(day, wall.time().plusHours(12), zone, now, nowLocal);
        }
        // two days ahead only matters if a zone ever skips a whole calendar day (Pacific/Apia did in 2011)
        for (int extra = 1; next.isEmpty() && extra <= 2; extra++) {
            next = upcoming(day.plusDays(extra), wall.time(), zone, now, nowLocal);
        }
        return next.map(Invalid::inThePast).orElseGet(() -> Invalid.of(Reason.UNPARSEABLE));
    }

    /** That wall time on that day, if it is still ahead both on the wall clock and as an instant. */
    private static Optional<ZonedDateTime> upcoming(LocalDate day, LocalTime time, ZoneId zone, Instant now,
                                                    LocalDateTime nowLocal) {
        LocalDateTime typed = LocalDateTime.of(day, time);
        if (!typed.isAfter(nowLocal)) {
            // also catches a time in tonight's gap typed after the jump: 02:30 has passed at 03:10
            return Optional.empty();
        }
        ZonedDateTime at = ZonedDateTime.of(typed, zone);
        if (!at.toInstant().isAfter(now)) {
            // the clocks fell back and we are in the repeated hour: the second 01:30 is still ahead
            at = at.withLaterOffsetAtOverlap();
        }
        return at.toInstant().isAfter(now) ? Optional.of(at) : Optional.empty();
    }
}
