package dev.cyclebreaker.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.coaching.WallClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
    final SessionCodec codec = new SessionCodec();

    @Test
    void aSessionSurvivesARoundTrip() {
        Session s = new Session(Lang.ZH, Session.State.QUIZ, new Session.QuizRun("abcd1234", "k3", List.of(1, 5, 3)),
                new Session.Result("abcd1234", new Profile(62, 30, Pattern.PURSUER)));

        assertThat(codec.decode(codec.encode(s))).isEqualTo(s);
        assertThat(codec.decode(codec.encode(Session.NEW))).isEqualTo(Session.NEW);
    }

    @Test
    void dataOfAnotherSchemaOrGarbageStartsAFreshSession() {
        assertThat(codec.decode("{\"v\":99,\"st\":\"QUIZ\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode("{\"v\":1,\"st\":\"DANCING\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode(null)).isEqualTo(Session.NEW);
    }

    @Test
    void theStoredFormStaysSmallAndCarriesNoText() {
        Session s = Session.NEW.withQuiz(new Session.QuizRun("abcd1234", "k3", List.of(1, 2, 3, 4, 5, 1, 2, 3)));

        String json = new String(codec.encode(s), StandardCharsets.UTF_8);

        assertThat(json.length()).isLessThan(120);
        assertThat(json).contains("\"v\":2");
    }

    @Test
    void aSessionWrittenBeforeCoachingStillDecodes() {
        String v1 = "{\"v\":1,\"lang\":\"zh\",\"st\":\"QUIZ\",\"quiz\":{\"ver\":\"abcd1234\",\"run\":\"k3\",\"a\":[1,5,3]},"
                + "\"res\":{\"ver\":\"abcd1234\",\"p\":62,\"d\":30,\"pat\":\"PURSUER\"}}";

        Session s = codec.decode(v1.getBytes(StandardCharsets.UTF_8));

        assertThat(s).isEqualTo(new Session(Lang.ZH, Session.State.QUIZ, new Session.QuizRun("abcd1234", "k3", List.of(1, 5, 3)),
                new Session.Result("abcd1234", new Profile(62, 30, Pattern.PURSUER))));
        assertThat(s.zone()).isNull();
        assertThat(s.reminders()).isEmpty();
        assertThat(s.flow()).isNull();
        assertThat(s.practice()).isZero();
    }

    @Test
    void coachingStateSurvivesARoundTrip() {
        List<Session.Reminder> reminders = List.of(
                new Session.Reminder("k3x", Session.Reminder.Kind.RETURN, Instant.parse("2026-11-25T13:40:00Z"), 2, true),
                new Session.Reminder("k3y", Session.Reminder.Kind.WAIT_CHECKIN, Instant.parse("2026-11-25T12:05:00Z"), 0, false));
        WallClock pending = new WallClock(LocalTime.of(21, 40), 1, true);
        for (Session.Flow flow : List.of(new Session.Flow(Session.Flow.Kind.TIMEZONE, 0, null, pending),
                new Session.Flow(Session.Flow.Kind.CHECKIN, 2, "k3y", null), Session.Flow.of(Session.Flow.Kind.PRACTICE))) {
            Session s = new Session(null, Session.State.IDLE, null, null, ZoneId.of("Asia/Shanghai"), reminders, flow, 3);

            assertThat(codec.decode(codec.encode(s))).isEqualTo(s);
        }
        Session offset = Session.NEW.withZone(ZoneId.of("+08:00"));
        assertThat(codec.decode(codec.encode(offset))).isEqualTo(offset);
    }

    @Test
    void aStoredReminderCostsFewBytes() {
        Session one = Session.NEW.withReminders(List.of(
                new Session.Reminder("1a2b3c", Session.Reminder.Kind.RETURN, Instant.parse("2026-11-25T13:40:00Z"), 0, false)));

        int bytes = codec.encode(one).length - codec.encode(Session.NEW).length;

        assertThat(bytes).isLessThan(70);
    }

    @Test
    void anUnknownZoneOrReminderKindStartsAFreshSession() {
        assertThat(codec.decode("{\"v\":2,\"st\":\"IDLE\",\"tz\":\"Mars/Olympus\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Session.NEW);
        assertThat(codec.decode("{\"v\":2,\"st\":\"IDLE\",\"rem\":[{\"id\":\"a\",\"k\":\"NAG\",\"due\":1}]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
    }

    @Test
    void aPracticeStepOrCheckInQuestionThisBuildHasNoScreenForIsDroppedNotTheSession() {
        String json = "{\"v\":2,\"st\":\"IDLE\",\"tz\":\"Europe/Berlin\",\"pr\":9,\"flow\":{\"k\":\"CHECKIN\",\"n\":7,\"ref\":\"a\"}}";

        Session s = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(s).isEqualTo(Session.NEW.withZone(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aRememberedGroupSurvivesARoundTrip() {
        Session s = Session.NEW.withResult(new Session.Result("abcd1234", new Profile(62, 30, Pattern.PURSUER)))
                .withGroup(new Group(-1001234567890L, "Tom & Jerry \"fans\" 回"));

        assertThat(codec.decode(codec.encode(s))).isEqualTo(s);
    }

    @Test
    void aSessionWrittenBeforeGroupsStillDecodesWithoutAGroup() {
        String beforeGroups = "{\"v\":2,\"lang\":\"en\",\"st\":\"IDLE\",\"res\":{\"ver\":\"abcd1234\",\"p\":62,\"d\":30,"
                + "\"pat\":\"PURSUER\"},\"tz\":\"Asia/Shanghai\",\"fr\":\"DISTANCER\"}";

        Session s = codec.decode(beforeGroups.getBytes(StandardCharsets.UTF_8));

        assertThat(s.group()).isNull();
        assertThat(s.friend()).isEqualTo(Pattern.DISTANCER);
        assertThat(s.result().profile()).isEqualTo(new Profile(62, 30, Pattern.PURSUER));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aStoredGroupThatIsNotAGroupIsDroppedNotTheSession() {
        String odd = "{\"v\":2,\"st\":\"IDLE\",\"lang\":\"zh\",\"grp\":{\"id\":42,\"t\":\"x\"}}";

        Session s = codec.decode(odd.getBytes(StandardCharsets.UTF_8));

        assertThat(s).isEqualTo(Session.NEW.withLang(Lang.ZH));
    }
}
