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
    void everyCoachingActionSurvivesARoundTripWithinSixtyFourAsciiBytes() {
        String longestId = Long.toString(Long.MAX_VALUE, 36);
        List<Action> all = List.of(new Action.PauseMenu(), new Action.PauseFor(10), new Action.PauseFor(20),
                new Action.PauseFor(60), new Action.PauseFor(120), new Action.PauseTonight(), new Action.PauseCustom(),
                new Action.PauseAt(1_795_000_000L), new Action.PauseAt(0), new Action.StartWait(),
                new Action.ReminderOp(longestId, Action.ReminderOp.Op.BACK), new Action.ReminderOp("a1", Action.ReminderOp.Op.MORE),
                new Action.ReminderOp("0", Action.ReminderOp.Op.CANCEL), new Action.ReminderOp("zz", Action.ReminderOp.Op.CANCEL_LISTED),
                new Action.SetZone("sha"), new Action.SetZone("utc"),
                new Action.CheckinAnswer(longestId, 0, 0), new Action.CheckinAnswer("k3", 2, 4),
                new Action.PracticeNext(1), new Action.PracticeNext(5), new Action.PracticeStop(),
                new Action.PracticeContinue(), new Action.PracticeRestart(),
                new Action.ShareMenu(), new Action.Share(true), new Action.Share(false), new Action.ShowCard());
        for (Action a : all) {
            String data = CallbackCodec.encode(a);
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
            assertThat(data).as(data).matches("[\\x21-\\x7e]+");
            assertThat(CallbackCodec.decode(data)).as(data).contains(a);
        }
        assertThat(CallbackCodec.encode(new Action.PauseFor(20))).isEqualTo("p:20");
        assertThat(CallbackCodec.encode(new Action.PauseTonight())).isEqualTo("p:t");
        assertThat(CallbackCodec.encode(new Action.ReminderOp("a1", Action.ReminderOp.Op.MORE))).isEqualTo("r:a1:m");
    }

    @Test
    void coachingActionsThatWouldNotDecodeBackAreRefusedWhenEncoding() {
        for (Action a : List.<Action>of(new Action.PauseFor(15), new Action.ReminderOp("A", Action.ReminderOp.Op.BACK),
                new Action.SetZone("Europe/Berlin"), new Action.CheckinAnswer("x", 3, 1), new Action.PracticeNext(10),
                new Action.PauseAt(-1))) {
            assertThatCode(() -> CallbackCodec.encode(a)).as(a.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void malformedOrForgedCoachingDataDecodesAsNothing() {
        for (String forged : List.of("p:", "p:15", "p:-10", "p:@", "p:@ZZ", "p:@" + "z".repeat(13), "r:", "r:a1", "r:a1:q",
                "r:A1:b", "r:" + "a".repeat(14) + ":b", "z:", "z:SHA", "z:europe/berlin", "w:", "w:a:3:1", "w:a:0:10",
                "w:a:0", "k:n:0", "k:n:10", "k:x", "pm ", "p:t:extra")) {
            assertThat(CallbackCodec.decode(forged)).as(forged).isEmpty();
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
        String alphabet = "q:lbfyn0123456789az-_ :prwzkmxtc@";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> CallbackCodec.decode(s.toString())).doesNotThrowAnyException();
        }
    }

    @Test
    void groupShareAnswersSurviveARoundTripWithTheGroupId() {
        for (Action.GroupShare.Choice c : Action.GroupShare.Choice.values()) {
            for (long group : List.of(-1L, -1001234567890L, Long.MIN_VALUE + 1)) {
                Action a = new Action.GroupShare(c, group);
                String data = CallbackCodec.encode(a);
                assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
                assertThat(CallbackCodec.decode(data)).contains(a);
            }
        }
    }

    @Test
    void forgedGroupShareDataDecodesAsNothing() {
        for (String forged : List.of("g:", "g:n", "g:n:", "g:y:-1", "g:n:1", "g:n:-0", "g:n:-01", "g:n:--1",
                "g:n:-99999999999999999999", "g:n:-9223372036854775809", "g:n:-1:x", "g:N:-1", "g:n:-1 ")) {
            assertThat(CallbackCodec.decode(forged)).as(forged).isEmpty();
        }
    }
}
