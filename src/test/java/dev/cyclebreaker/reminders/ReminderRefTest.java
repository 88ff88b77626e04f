package dev.cyclebreaker.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReminderRefTest {

    @Test
    void aReferenceIsEncodedAsUserIdColonId() {
        assertThat(new ReminderRef(123456789L, "k3x").encoded()).isEqualTo("123456789:k3x");
    }

    @Test
    void anEncodedReferenceDecodesToTheSameReference() {
        ReminderRef ref = new ReminderRef(-100123L, "3w5e11264sgsf");

        assertThat(ReminderRef.decode(ref.encoded())).isEqualTo(ref);
    }

    @Test
    void theLongestIdHoldsAnyLongInBase36() {
        String id = Long.toUnsignedString(-1L, 36);

        assertThat(new ReminderRef(1, id).id()).hasSize(13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC", "a:b", "a-b", "12345678901234", "ü"})
    void anIdOutsideLowerCaseBase36OrLongerThanThirteenIsRefused(String id) {
        assertThatThrownBy(() -> new ReminderRef(1, id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reminder id must match [0-9a-z]{1,13}, got: " + id);
    }

    @Test
    void aMissingIdIsRefused() {
        assertThatThrownBy(() -> new ReminderRef(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", ":abc", "x:abc", "12:", "12:A"})
    void textThatIsNotAMemberIsRefusedWhenDecoding(String text) {
        assertThatThrownBy(() -> ReminderRef.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
