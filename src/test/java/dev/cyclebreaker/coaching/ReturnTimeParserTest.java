package dev.cyclebreaker.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.coaching.Parsed.Absolute;
import dev.cyclebreaker.coaching.Parsed.Invalid;
import dev.cyclebreaker.coaching.Parsed.Reason;
import dev.cyclebreaker.coaching.Parsed.Relative;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnTimeParserTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Tuesday 10 March 2026, 20:00 in Shanghai. */
    private static final ZonedDateTime EVENING = ZonedDateTime.of(2026, 3, 10, 20, 0, 0, 0, SHANGHAI);

    private final ReturnTimeParser parser = new ReturnTimeParser();

    /**
     * Each row: what the user typed, when (with the offset in force, which settles the repeated hour when clocks
     * fall back), their zone or {@code -} for none, and the outcome: {@code in <duration> = <resolved time>},
     * {@code at <time>}, {@code IN_THE_PAST, next <suggestion>} or the reason it is invalid.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" at {1} in {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # --- durations, English ---
            20m                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            20 min               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            20 mins              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            20 Minutes           | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            "  20m  "            | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            in 20 minutes        | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            90 min               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1h                   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            1 h                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            1 hour               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            an hour              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            2 HOURS              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT2H = 2026-03-10T22:00+08:00
            1h30m                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1h 30m               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1h30                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1.5h                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1 hour 30 minutes    | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1 hour and 30 minutes| 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            half an hour         | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT30M = 2026-03-10T20:30+08:00
            7 days               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT168H = 2026-03-17T20:00+08:00
            # --- durations, Chinese ---
            20分钟               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            20分                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            ２０分钟             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            20 分钟后            | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            二十分钟             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT20M = 2026-03-10T20:20+08:00
            十五分钟             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT15M = 2026-03-10T20:15+08:00
            三十分钟             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT30M = 2026-03-10T20:30+08:00
            一刻钟               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT15M = 2026-03-10T20:15+08:00
            半小时               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT30M = 2026-03-10T20:30+08:00
            半个小时             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT30M = 2026-03-10T20:30+08:00
            1小时                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            一小时               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            两小时               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT2H = 2026-03-10T22:00+08:00
            1个小时              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H = 2026-03-10T21:00+08:00
            两个钟头             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT2H = 2026-03-10T22:00+08:00
            1小时30分钟          | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            一小时零五分钟       | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H5M = 2026-03-10T21:05+08:00
            一个半小时           | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            1小时半              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT1H30M = 2026-03-10T21:30+08:00
            2天                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | in PT48H = 2026-03-12T20:00+08:00
            # --- durations that are not usable ---
            0m                   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | ZERO
            0分钟                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | ZERO
            -5m                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | NEGATIVE
            －５分钟             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | NEGATIVE
            8 days               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | TOO_LONG
            169h                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | TOO_LONG
            99999999999999999m   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | TOO_LONG
            # --- wall-clock times, English ---
            21:40                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:40+08:00
            21：40               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:40+08:00
            ２１：４０           | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:40+08:00
            at 23:15             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T23:15+08:00
            9pm                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            9:30 pm              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:30+08:00
            9:30 P.M.            | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:30+08:00
            tomorrow 9:00        | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:00+08:00
            tomorrow 9am         | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:00+08:00
            Tomorrow at 9        | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:00+08:00
            tonight 21:00        | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            tonight 9            | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            midnight             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T00:00+08:00
            # --- wall-clock times, Chinese ---
            明天9点              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:00+08:00
            明天9点30            | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:30+08:00
            明天9:30             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:30+08:00
            明天上午9点          | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:00+08:00
            明天 九点半          | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T09:30+08:00
            明早8点              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T08:00+08:00
            今晚9点              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            晚上9点              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            今晚12点             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-11T00:00+08:00
            21点40               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:40+08:00
            21点40分             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:40+08:00
            二十一点             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | at 2026-03-10T21:00+08:00
            下午3点              | 2026-03-10T12:00+08:00 | Asia/Shanghai    | at 2026-03-10T15:00+08:00
            # --- times that have passed: the next occurrence is offered ---
            21:40                | 2026-03-10T22:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T21:40+08:00
            20:00                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T20:00+08:00
            下午3点              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T15:00+08:00
            9:05                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-10T21:05+08:00
            9点半                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-10T21:30+08:00
            09:05                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T09:05+08:00
            9:05                 | 2026-03-10T22:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T09:05+08:00
            12am                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | IN_THE_PAST, next 2026-03-11T00:00+08:00
            # --- no zone yet: durations still work ---
            21:40                | 2026-03-10T12:00Z      | -                | NEEDS_ZONE
            明天9点              | 2026-03-10T12:00Z      | -                | NEEDS_ZONE
            20m                  | 2026-03-10T12:00Z      | -                | in PT20M = 2026-03-10T12:20Z
            # --- not read at all ---
            ""                   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            hello                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            20                   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            9                    | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            1 20m                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            1.5m                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            1h1h                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            30m 1h               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            21.40                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            25:00                | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            9:5                  | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            9点5                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            13pm                 | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            -21:40               | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            tomorrow             | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            # regression: "and" once read as "an" + "d", one day
            and 20m              | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            am                   | 2026-03-10T20:00+08:00 | Asia/Shanghai    | UNPARSEABLE
            # --- Europe/Berlin: clocks go 02:00 -> 03:00 on 29 March, 03:00 -> 02:00 on 25 October 2026 ---
            tomorrow 2:30        | 2026-03-28T23:00+01:00 | Europe/Berlin    | at 2026-03-29T03:30+02:00
            20m                  | 2026-03-29T01:50+01:00 | Europe/Berlin    | in PT20M = 2026-03-29T03:10+02:00
            8:00                 | 2026-03-29T01:00+01:00 | Europe/Berlin    | at 2026-03-29T08:00+02:00
            tomorrow 2:30        | 2026-10-24T22:00+02:00 | Europe/Berlin    | at 2026-10-25T02:30+02:00
            20m                  | 2026-10-25T02:50+02:00 | Europe/Berlin    | in PT20M = 2026-10-25T02:10+01:00
            2:30                 | 2026-10-25T02:10+01:00 | Europe/Berlin    | at 2026-10-25T02:30+01:00
            2:30                 | 2026-10-25T02:40+02:00 | Europe/Berlin    | IN_THE_PAST, next 2026-10-25T14:30+01:00
            # --- America/New_York: 02:00 -> 03:00 on 8 March, 02:00 -> 01:00 on 1 November 2026 ---
            tomorrow 2:30am      | 2026-03-07T22:00-05:00 | America/New_York | at 2026-03-08T03:30-04:00
            明天2点30            | 2026-03-07T22:00-05:00 | America/New_York | at 2026-03-08T03:30-04:00
            20 min               | 2026-03-08T01:50-05:00 | America/New_York | in PT20M = 2026-03-08T03:10-04:00
            2:30                 | 2026-03-08T03:10-04:00 | America/New_York | IN_THE_PAST, next 2026-03-08T14:30-04:00
            1h                   | 2026-11-01T01:30-04:00 | America/New_York | in PT1H = 2026-11-01T01:30-05:00
            # --- Asia/Shanghai has no daylight saving: the same nights are ordinary ---
            tomorrow 2:30        | 2026-03-28T23:00+08:00 | Asia/Shanghai    | at 2026-03-29T02:30+08:00
            20m                  | 2026-03-29T01:50+08:00 | Asia/Shanghai    | in PT20M = 2026-03-29T02:10+08:00
            """)
    void readsWhatPeopleType(String input, String now, String zone, String expected) {
        Optional<ZoneId> userZone = zone.equals("-") ? Optional.empty() : Optional.of(ZoneId.of(zone));
        Instant at = OffsetDateTime.parse(now).toInstant();

        Parsed parsed = parser.parse(input, at, userZone);

        assertThat(describe(parsed, at, userZone.orElse(ZoneOffset.UTC))).isEqualTo(expected);
    }

    private static String describe(Parsed parsed, Instant now, ZoneId zone) {
        if (parsed instanceof Relative r) {
            return "in " + r.duration() + " = " + r.resolve(now).atZone(zone).toOffsetDateTime();
        }
        if (parsed instanceof Absolute a) {
            return "at " + a.at().toOffsetDateTime();
        }
        Invalid invalid = (Invalid) parsed;
        return invalid.suggestion()
                .map(next -> invalid.reason() + ", next " + next.toOffsetDateTime())
                .orElse(invalid.reason().name());
    }

    @Test
    void anAbsoluteTimeKeepsTheUsersZone() {
        Parsed parsed = parser.parse("21:40", EVENING);

        assertThat(parsed).isEqualTo(new Absolute(EVENING.withHour(21).withMinute(40)));
        assertThat(((Absolute) parsed).at().getZone()).isEqualTo(SHANGHAI);
    }

    @Test
    void inputOfSixtyFourCharactersIsStillRead() {
        String input = "20m" + " ".repeat(61);

        assertThat(input).hasSize(ReturnTimeParser.MAX_INPUT_LENGTH);
        assertThat(parser.parse(input, EVENING)).isEqualTo(new Relative(Duration.ofMinutes(20)));
    }

    @Test
    void inputOverSixtyFourCharactersIsNotRead() {
        String input = "20m" + " ".repeat(62);

        assertThat(parser.parse(input, EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));
    }

    @Test
    void pathologicalInputIsRejectedQuickly() {
        long start = System.nanoTime();

        assertThat(parser.parse("1".repeat(1_000_000), EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));
        assertThat(parser.parse("1h".repeat(32), EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));
        assertThat(parser.parse("1".repeat(64), EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));
        assertThat(parser.parse("一".repeat(64), EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void nullInputIsUnparseable() {
        assertThat(parser.parse(null, EVENING)).isEqualTo(Invalid.of(Reason.UNPARSEABLE));
    }

    @Test
    void aDurationIsExactElapsedTimeWhateverTheClocksDo() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant beforeSpringForward = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, berlin).toInstant();

        Parsed.Valid parsed = (Parsed.Valid) parser.parse("1h", beforeSpringForward, Optional.of(berlin));

        assertThat(Duration.between(beforeSpringForward, parsed.resolve(beforeSpringForward)))
                .isEqualTo(Duration.ofHours(1));
        assertThat(parsed.resolve(beforeSpringForward).atZone(berlin).toLocalTime()).hasToString("03:30");
    }

    @Test
    void aSuggestionComesOnlyWithInThePast() {
        assertThatThrownBy(() -> new Invalid(Reason.ZERO, Optional.of(EVENING)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invalid(Reason.IN_THE_PAST, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRelativeReturnPointMustBeWithinSevenDays() {
        assertThatThrownBy(() -> new Relative(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Relative(Duration.ofDays(7).plusMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Relative(Duration.ofDays(7)).duration()).isEqualTo(ReturnTimeParser.MAX_AHEAD);
    }
}
