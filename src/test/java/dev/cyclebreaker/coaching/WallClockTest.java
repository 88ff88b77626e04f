package dev.cyclebreaker.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Splitting a clock time from its zone: what the bot keeps while it asks a new user for their zone. */
class WallClockTest {
    final ReturnTimeParser parser = new ReturnTimeParser();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aClockTimeIsKeptAsTimeDayAndWhetherItCouldBeAfterNoon() {
        assertThat(parser.wallClock("21:40")).contains(new WallClock(LocalTime.of(21, 40), 0, false));
        assertThat(parser.wallClock("tomorrow 9:00")).contains(new WallClock(LocalTime.of(9, 0), 1, true));
        assertThat(parser.wallClock("明天9点")).contains(new WallClock(LocalTime.of(9, 0), 1, true));
        assertThat(parser.wallClock("20m")).isEmpty();
        assertThat(parser.wallClock("-21:40")).isEmpty();
        assertThat(parser.wallClock("banana")).isEmpty();
        assertThat(parser.wallClock(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21:40", "9:30", "09:30", "tomorrow 9:00", "明天9点", "今晚9点", "midnight", "noon"})
    void resolvingLaterInTheZoneGivesWhatParsingWithTheZoneGives(String input) {
        for (String zone : new String[] {"Asia/Shanghai", "Europe/Berlin", "America/New_York"}) {
            ZoneId z = ZoneId.of(zone);

            assertThat(parser.resolve(parser.wallClock(input).orElseThrow(), NOW, z))
                    .as(input + " in " + zone).isEqualTo(parser.parse(input, NOW, Optional.of(z)));
        }
    }
}
