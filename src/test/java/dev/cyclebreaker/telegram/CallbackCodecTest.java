package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cyclebreaker.conversation.Action;
import dev.cyclebreaker.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallbackCodecTest {

    @Test
    void everyActionSurvivesARoundTripWithinSixtyFourBytes() {
        List<Action> all = List.of(new Action.StartQuiz(), new Action.ContinueQuiz(), new Action.RestartQuiz(),
                new Action.ShowPlaybook(), new Action.ShowProfile(), new Action.ConfirmForget(), new Action.CancelForget(),
                new Action.SetLang(Lang.EN), new Action.SetLang(Lang.ZH),
                new Action.Answer(Long.toString(Long.MAX_VALUE, 36), 999, 5), new Action.Back("abc", 3));
        for (Action a : all) {
            String data = CallbackCodec.encode(a);
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            assertThat(CallbackCodec.decode(data)).contains(a);
        }
    }

    @Test
    void malformedOrForgedDataDecodesAsNothing() {
        for (String forged : List.of("", "q", "q:", "q:abc:1", "q:abc:1:0", "q:ABC:1:3", "q:abc:-1:3", "q:abc:1:6x",
                "l:fr", "l:", "f:maybe", "s ", "pb\n", "q:abc:1234:3", "x".repeat(65), "q:a:1:3:extra")) {
            assertThat(CallbackCodec.decode(forged)).as(forged).isEmpty();
        }
        assertThat(CallbackCodec.decode(null)).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            String data = new String(bytes, StandardCharsets.UTF_8);
            assertThatCode(() -> CallbackCodec.decode(data)).doesNotThrowAnyException();
        }
    }

    @Test
    void randomTextsShapedLikeOursNeverThrow() {
        Random random = new Random(2);
        String alphabet = "q:lbfyn0123456789az-_ :";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> CallbackCodec.decode(s.toString())).doesNotThrowAnyException();
        }
    }
}
