package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FloodLimitsTest {

    @Test
    void theDefaultsFollowTelegramsGuidance() {
        FloodLimits limits = FloodLimits.telegram();

        assertThat(limits.chatRefillPerSecond(42)).isEqualTo(1.0);
        assertThat(limits.chatBurst(42)).as("one less than Telegram's 3, spare for jitter").isEqualTo(2);
        assertThat(limits.globalBurst()).isEqualTo(2);
        assertThat(limits.globalPerSecond() + limits.globalBurst()).as("no second holds more than 30").isEqualTo(30);
    }

    @Test
    void aGroupRefillsSoThatNoMinuteHoldsMoreThanTwentyEvenAfterABurst() {
        FloodLimits limits = FloodLimits.telegram();

        double perMinute = limits.chatRefillPerSecond(-1001) * 60;

        assertThat(limits.chatBurst(-1001)).isEqualTo(3);
        assertThat(perMinute + limits.chatBurst(-1001)).isCloseTo(20, within(1e-9));
    }

    @Test
    void anotherGlobalRateScalesTheGlobalBurst() {
        FloodLimits limits = FloodLimits.telegram(300);

        assertThat(limits.globalBurst()).isEqualTo(20);
        assertThat(limits.globalPerSecond()).isEqualTo(280);
        assertThat(FloodLimits.telegram(1).globalBurst()).isEqualTo(1);
        assertThat(FloodLimits.telegram(1).globalPerSecond()).isEqualTo(0.5);
    }

    @Test
    void theGlobalRateIsReadFromItsSettingOrDefaultsToThirty() {
        assertThat(FloodLimits.globalRate(null)).isEqualTo(30);
        assertThat(FloodLimits.globalRate(" ")).isEqualTo(30);
        assertThat(FloodLimits.globalRate("25.5")).isEqualTo(25.5);
    }

    @Test
    void aGlobalRateThatIsNotAPositiveNumberIsRefusedInOneLine() {
        assertThatThrownBy(() -> FloodLimits.globalRate("fast"))
                .hasMessage("TELEGRAM_GLOBAL_RATE must be a positive number of messages a second, got: fast");
        assertThatThrownBy(() -> FloodLimits.globalRate("0"))
                .hasMessage("TELEGRAM_GLOBAL_RATE must be a positive number of messages a second, got: 0");
    }

    @Test
    void limitsThatCannotWorkAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new FloodLimits(1, 0, 20, 3, 30, 10))
                .hasMessage("flood limit perChatBurst must be positive, got 0");
        assertThatThrownBy(() -> new FloodLimits(1, 3, 20, 3, Double.NaN, 10))
                .hasMessage("flood limit globalPerSecond must be positive, got NaN");
        assertThatThrownBy(() -> new FloodLimits(1, 3, 20, 20, 30, 10))
                .hasMessage("flood limit groupBurst must be less than groupPerMinute (20), got 20");
    }
}
