package dev.cyclebreaker.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Tuesday 10 March 2026, 20:00 in Shanghai. */
    private static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 20, 0, 0, 0, SHANGHAI).toInstant();

    private static Instant local(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    @Test
    void aTimeTodayIsJustTheTime() {
        assertThat(TimeFormat.wallTime(local(10, 21, 40), SHANGHAI, NOW, Lang.EN)).isEqualTo("21:40");
        assertThat(TimeFormat.wallTime(local(10, 21, 40), SHANGHAI, NOW, Lang.ZH)).isEqualTo("21:40");
    }

    @Test
    void aTimeTomorrowSaysTomorrowInTheUsersLanguage() {
        assertThat(TimeFormat.wallTime(local(11, 9, 0), SHANGHAI, NOW, Lang.EN)).isEqualTo("tomorrow 09:00");
        assertThat(TimeFormat.wallTime(local(11, 9, 0), SHANGHAI, NOW, Lang.ZH)).isEqualTo("明天 09:00");
    }

    @Test
    void aTimeFurtherOutCarriesItsDate() {
        assertThat(TimeFormat.wallTime(local(13, 9, 0), SHANGHAI, NOW, Lang.EN)).isEqualTo("Fri 13 Mar 09:00");
        assertThat(TimeFormat.wallTime(local(13, 9, 0), SHANGHAI, NOW, Lang.ZH)).isEqualTo("3月13日 周五 09:00");
    }

    @Test
    void theWallTimeIsTheUsersNotTheServers() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(TimeFormat.wallTime(local(10, 21, 40), berlin, NOW, Lang.EN)).isEqualTo("14:40");
    }

    @Test
    void tgTimeCarriesTheInstantAndTheLocalTextAsFallback() {
        assertThat(TimeFormat.tgTime(local(10, 21, 40), SHANGHAI, NOW, Lang.EN))
                .isEqualTo("<tg-time unix=\"1773150000\" format=\"t\">21:40</tg-time>");
    }

    @Test
    void tgTimeOnAnotherDayAsksForTheDateToo() {
        assertThat(TimeFormat.tgTime(local(13, 9, 0), SHANGHAI, NOW, Lang.ZH))
                .isEqualTo("<tg-time unix=\"1773363600\" format=\"dt\">3月13日 周五 09:00</tg-time>");
    }
}
