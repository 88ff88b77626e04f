package dev.cyclebreaker.coaching;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/** What {@link ReturnTimeParser} made of the user's input: a duration, a wall-clock time, or why neither. */
public sealed interface Parsed {

    /** A usable return point. */
    sealed interface Valid extends Parsed {
        /** The instant to remind at, for input parsed at {@code now}. */
        Instant resolve(Instant now);
    }

    /** "20 min", "1小时": exact elapsed time, so 20 minutes across a DST change are 20 real minutes. */
    record Relative(Duration duration) implements Valid {
        public Relative {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero() || duration.compareTo(ReturnTimeParser.MAX_AHEAD) > 0) {
                throw new IllegalArgumentException("a relative return point lies in (0, 7 days]: " + duration);
            }
        }

        @Override
        public Instant resolve(Instant now) {
            return now.plus(duration);
        }
    }

    /**
     * "21:40", "明天9点": already resolved in the user's zone against the {@code now} it was parsed at, so
     * {@link #resolve} ignores its argument. {@code at} may differ from what was typed when the typed time fell
     * in a spring-forward gap (see {@link ReturnTimeParser}); show the user {@code at}, not their input.
     */
    record Absolute(ZonedDateTime at) implements Valid {
        public Absolute {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Instant resolve(Instant now) {
            return at.toInstant();
        }
    }

    /** Not usable as it stands; for {@link Reason#IN_THE_PAST} the next occurrence is offered as a suggestion. */
    record Invalid(Reason reason, Optional<ZonedDateTime> suggestion) implements Parsed {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(suggestion, "suggestion");
            if (suggestion.isPresent() != (reason == Reason.IN_THE_PAST)) {
                throw new IllegalArgumentException("a suggestion comes with IN_THE_PAST and only with it: " + reason);
            }
        }

        static Invalid of(Reason reason) {
            return new Invalid(reason, Optional.empty());
        }

        static Invalid inThePast(ZonedDateTime next) {
            return new Invalid(Reason.IN_THE_PAST, Optional.of(next));
        }
    }

    enum Reason {
        /** Not a duration or time we read; also anything over 64 characters. */
        UNPARSEABLE,
        /** "0m". */
        ZERO,
        /** "-5m". */
        NEGATIVE,
        /** More than seven days ahead. */
        TOO_LONG,
        /** A wall-clock time, but the user has not told us their zone yet; durations need none. */
        NEEDS_ZONE,
        /** A wall-clock time that has passed today; the suggestion is its next occurrence. */
        IN_THE_PAST
    }
}
