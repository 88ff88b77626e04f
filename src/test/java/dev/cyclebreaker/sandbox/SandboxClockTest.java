package dev.cyclebreaker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxClockTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void runsWithItsBaseClockInUtcUntilMovedAhead() {
        SandboxClock clock = SandboxClock.startingAt(Clock.fixed(T0, ZoneId.of("Asia/Shanghai")));

        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.skipped()).isZero();
    }

    @Test
    void skippingAheadAddsUpAndEveryZonedViewMovesToo() {
        SandboxClock clock = SandboxClock.startingAt(Clock.fixed(T0, ZoneOffset.UTC));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofMinutes(10));
        Instant now = clock.advance(Duration.ofHours(1));

        assertThat(now).isEqualTo(T0.plus(Duration.ofMinutes(70)));
        assertThat(clock.skipped()).isEqualTo(Duration.ofMinutes(70));
        assertThat(shanghai.instant()).isEqualTo(now);
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void timeNeverRunsBackwards() {
        SandboxClock clock = SandboxClock.startingAt(Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sandbox clock only moves ahead, not by PT-1S");
        assertThat(clock.instant()).isEqualTo(T0);
    }
}
