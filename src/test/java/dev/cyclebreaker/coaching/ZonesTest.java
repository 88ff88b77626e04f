package dev.cyclebreaker.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZonesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Asia/Shanghai      | Asia/Shanghai
            asia/shanghai      | Asia/Shanghai
            " Europe/Berlin "  | Europe/Berlin
            america/new york   | America/New_York
            UTC                | Z
            utc                | Z
            GMT                | Z
            utc+8              | +08:00
            UTC +8             | +08:00
            ＵＴＣ＋８         | +08:00
            UTC+05:30          | +05:30
            GMT-3              | -03:00
            +8                 | +08:00
            -0330              | -03:30
            UTC+14             | +14:00
            UTC-12             | -12:00
            东八区             | +08:00
            西五区             | -05:00
            北京               | Asia/Shanghai
            上海               | Asia/Shanghai
            北京时间           | Asia/Shanghai
            Shanghai           | Asia/Shanghai
            BEIJING            | Asia/Shanghai
            Hong Kong          | Asia/Hong_Kong
            hong_kong          | Asia/Hong_Kong
            香港               | Asia/Hong_Kong
            Taipei             | Asia/Taipei
            台北               | Asia/Taipei
            Singapore          | Asia/Singapore
            tokyo              | Asia/Tokyo
            东京               | Asia/Tokyo
            London             | Europe/London
            berlin             | Europe/Berlin
            Paris              | Europe/Paris
            New York           | America/New_York
            new-york           | America/New_York
            纽约               | America/New_York
            Los Angeles        | America/Los_Angeles
            洛杉矶             | America/Los_Angeles
            Chicago            | America/Chicago
            Sydney             | Australia/Sydney
            悉尼               | Australia/Sydney
            Kolkata            | Asia/Kolkata
            buenos aires       | America/Argentina/Buenos_Aires
            """)
    void readsZoneNamesCitiesAndOffsets(String input, String expected) {
        assertThat(Zones.parse(input)).contains(ZoneId.of(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"", "   ", "Mars/Olympus", "Atlantis", "utc+15", "UTC-13", "+8:20", "8", "UTC+", "+",
            "东十三区", "东八", "CST", "Etc", "asia/", "utc+8 please", "北京北京"})
    void rejectsWhatItDoesNotKnow(String input) {
        assertThat(Zones.parse(input)).isEmpty();
    }

    @Test
    void rejectsNullAndOverlongInputWithoutThrowing() {
        assertThat(Zones.parse(null)).isEmpty();
        assertThat(Zones.parse("Asia/Shanghai" + " ".repeat(60))).isEmpty();
    }

    @Test
    void anOffsetIsAFixedOffsetAndACityIsARegion() {
        assertThat(Zones.parse("utc+8")).contains(ZoneOffset.ofHours(8));
        assertThat(Zones.parse("Berlin").map(z -> z.getRules().isFixedOffset())).contains(false);
    }

    @Test
    void commonChoicesAreEightDistinctZonesWithShortIdsAndBothLabels() {
        assertThat(Zones.common()).hasSize(8);
        assertThat(Zones.common()).extracting(Zones.Choice::id).doesNotHaveDuplicates()
                .allMatch(id -> id.length() <= 8);
        assertThat(Zones.common()).extracting(Zones.Choice::zone).doesNotHaveDuplicates();
        assertThat(Zones.common()).allSatisfy(c -> {
            assertThat(c.label(Lang.EN)).isNotBlank();
            assertThat(c.label(Lang.ZH)).isNotBlank();
        });
    }

    @Test
    void aChoiceIsFoundByItsId() {
        assertThat(Zones.choice("ber").map(Zones.Choice::zone)).contains(ZoneId.of("Europe/Berlin"));
        assertThat(Zones.choice("ber").map(c -> c.label(Lang.ZH))).contains("柏林");
        assertThat(Zones.choice("nope")).isEqualTo(Optional.empty());
    }
}
