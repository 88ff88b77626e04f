package dev.cyclebreaker.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {
    private static final QuietHours NIGHT = QuietHours.NIGHT;

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @ParameterizedTest(name = "{0} in {1} is quiet: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-10T22:59+08:00    | Asia/Shanghai    | false
            2026-03-10T23:00+08:00    | Asia/Shanghai    | true
            2026-03-11T00:00+08:00    | Asia/Shanghai    | true
            2026-03-11T07:59+08:00    | Asia/Shanghai    | true
            2026-03-11T07:59:59+08:00 | Asia/Shanghai    | true
            2026-03-11T08:00+08:00    | Asia/Shanghai    | false
            2026-03-11T12:00+08:00    | Asia/Shanghai    | false
            2026-03-29T03:30+02:00    | Europe/Berlin    | true
            2026-10-25T02:30+02:00    | Europe/Berlin    | true
            2026-10-25T02:30+01:00    | Europe/Berlin    | true
            2026-03-28T22:59+01:00    | Europe/Berlin    | false
            2026-03-08T07:59-04:00    | America/New_York | true
            2026-03-08T08:00-04:00    | America/New_York | false
            """)
    void quietIsFromElevenAtNightUntilEightInTheMorningLocalTime(String t, String zone, boolean quiet) {
        assertThat(NIGHT.isQuiet(at(t), ZoneId.of(zone))).isEqualTo(quiet);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-10T22:59+08:00 | Asia/Shanghai    | 2026-03-10T22:59+08:00
            2026-03-10T23:00+08:00 | Asia/Shanghai    | 2026-03-11T08:00+08:00
            2026-03-10T23:30+08:00 | Asia/Shanghai    | 2026-03-11T08:00+08:00
            2026-03-11T03:00+08:00 | Asia/Shanghai    | 2026-03-11T08:00+08:00
            2026-03-11T07:59+08:00 | Asia/Shanghai    | 2026-03-11T08:00+08:00
            2026-03-11T08:00+08:00 | Asia/Shanghai    | 2026-03-11T08:00+08:00
            2026-03-28T23:30+01:00 | Europe/Berlin    | 2026-03-29T08:00+02:00
            2026-10-25T02:30+01:00 | Europe/Berlin    | 2026-10-25T08:00+01:00
            2026-10-25T02:30+02:00 | Europe/Berlin    | 2026-10-25T08:00+01:00
            2026-03-08T01:59-05:00 | America/New_York | 2026-03-08T08:00-04:00
            2026-10-31T23:30-04:00 | America/New_York | 2026-11-01T08:00-05:00
            """)
    void nextAllowedIsTheNextEightOClockOnTheUsersWallClock(String t, String zone, String expected) {
        assertThat(NIGHT.nextAllowed(at(t), ZoneId.of(zone))).isEqualTo(at(expected));
    }

    @Test
    void theNightClocksGoForwardIsAnHourShorter() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant elevenPm = at("2026-03-28T23:00+01:00");

        assertThat(Duration.between(elevenPm, NIGHT.nextAllowed(elevenPm, berlin))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void theNightClocksGoBackIsAnHourLonger() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant elevenPm = at("2026-10-24T23:00+02:00");

        assertThat(Duration.between(elevenPm, NIGHT.nextAllowed(elevenPm, berlin))).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        ZoneId madrid = ZoneId.of("Europe/Madrid");

        assertThat(siesta.isQuiet(at("2026-06-01T12:59+02:00"), madrid)).isFalse();
        assertThat(siesta.isQuiet(at("2026-06-01T13:00+02:00"), madrid)).isTrue();
        assertThat(siesta.nextAllowed(at("2026-06-01T14:00+02:00"), madrid)).isEqualTo(at("2026-06-01T15:00+02:00"));
        assertThat(siesta.isQuiet(at("2026-06-01T23:30+02:00"), madrid)).isFalse();
    }

    @Test
    void anEmptyWindowIsRejected() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quiet hours start and end at the same time: 08:00");
    }
}
