package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class UserHashTest {

    @Test
    void theSameUserReadsTheSameWithinOneProcess() {
        UserHash hash = new UserHash(new SecureRandom());

        assertThat(hash.of(123456789L)).isEqualTo(hash.of(123456789L)).matches("[0-9a-f]{12}");
        assertThat(hash.of(123456789L)).isNotEqualTo(hash.of(123456790L));
    }

    @Test
    void anotherProcessGivesTheSameUserAnotherPseudonym() {
        assertThat(new UserHash(new SecureRandom()).of(42)).isNotEqualTo(new UserHash(new SecureRandom()).of(42));
    }

    @Test
    void thePseudonymDoesNotContainTheId() {
        assertThat(new UserHash(new SecureRandom()).of(987654321L)).doesNotContain("987654321");
    }
}
