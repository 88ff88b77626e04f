package dev.cyclebreaker.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Action.ReminderOp;
import dev.cyclebreaker.conversation.Action.ReminderOp.Op;
import dev.cyclebreaker.conversation.Effect.AnswerButton;
import dev.cyclebreaker.conversation.Effect.CancelReminder;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.EraseUser;
import dev.cyclebreaker.conversation.Effect.ScheduleReminder;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.conversation.Session.Flow;
import dev.cyclebreaker.conversation.Session.Reminder;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.sandbox.HtmlParseException;
import dev.cyclebreaker.sandbox.TelegramHtml;
import dev.cyclebreaker.telegram.CallbackCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coaching conversation: /pause, return reminders, /wait, /practice, /reminders, /timezone. */
class CoachingTest {
    static final Texts TEXTS = EngineTest.TEXTS;
    static final QuizDefinition QUIZ = EngineTest.QUIZ;
    static final long USER = 42;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 20:00 in Shanghai. */
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    final Engine engine = new Engine(QUIZ, TEXTS);
    final SessionCodec codec = new SessionCodec();
    long nextUpdate = 5000;
    Instant now = START;

    // --- a user who blocked the bot ---

    @Test
    void aUserWhoBlockedTheBotLosesTheirPendingRemindersAndHearsNothing() {
        Session s = engine.handle(Session.NEW, command("pause", "20m", "en")).session();
        String id = s.reminders().get(0).id();

        Transition t = engine.handle(s, new Event.Blocked(new Origin(0, USER, USER, null, now)));

        assertThat(t.effects()).containsExactly(new CancelReminder(USER, id));
        assertThat(t.session().reminders()).isEmpty();
        assertThat(t.session().withReminders(s.reminders())).isEqualTo(s);
    }

    // --- /pause ---

    @Test
    void pauseTwentyMinutesSchedulesAReminderAtTheEventTimePlusTwentyAndConfirmsWithACopyButton() {
        Transition t = engine.handle(Session.NEW, command("pause", "20m", "en"));

        ScheduleReminder schedule = single(t, ScheduleReminder.class);
        assertThat(schedule.userId()).isEqualTo(USER);
        assertThat(schedule.due()).isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThat(schedule.userSet()).isTrue();
        assertThat(t.session().reminders()).containsExactly(
                new Reminder(schedule.reminderId(), Reminder.Kind.RETURN, schedule.due(), 0, false));
        Message m = single(t, Send.class).message();
        String signal = TEXTS.t(Lang.EN, "phrase.signal.for", "duration", "20 minutes");
        assertThat(m.html()).contains(TEXTS.t(Lang.EN, "pause.when.in", "duration", "20 minutes")).contains(signal);
        assertThat(copies(m)).containsExactly(signal);
    }

    @Test
    void withAKnownZoneTheConfirmationShowsTheTimeAsTgTimeWithTheZoneAndCopiesTheWallTime() {
        Session s = Session.NEW.withZone(SHANGHAI);

        Transition t = engine.handle(s, command("pause", "20m", "en"));

        Message m = single(t, Send.class).message();
        long unix = START.plus(Duration.ofMinutes(20)).getEpochSecond();
        assertThat(m.html()).contains("<tg-time unix=\"" + unix + "\" format=\"t\">20:20</tg-time> (Asia/Shanghai)");
        assertThat(copies(m)).containsExactly("I need 20 minutes, but I heard you. I'll come back to this at 20:20.");
    }

    @Test
    void theMenuOffersFourDurationsTonightAndCustom() {
        Transition t = engine.handle(Session.NEW, command("pause", "", "en"));

        assertThat(actions(single(t, Send.class).message())).containsExactly(new Action.PauseFor(10),
                new Action.PauseFor(20), new Action.PauseFor(60), new Action.PauseFor(120),
                new Action.PauseTonight(), new Action.PauseCustom());
        assertThat(t.session()).isEqualTo(Session.NEW);
    }

    @Test
    void aMenuButtonEditsTheMenuIntoTheConfirmationAndADoubleTapMakesOneReminder() {
        Transition once = engine.handle(Session.NEW, press(new Action.PauseFor(60)));
        Transition twice = engine.handle(once.session(), press(new Action.PauseFor(60)));

        assertThat(single(once, ScheduleReminder.class).due()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(single(once, Edit.class).message().html()).contains("1 hour");
        assertThat(twice.session().reminders()).hasSize(1);
        assertThat(twice.session()).isEqualTo(once.session());
    }

    @ParameterizedTest(name = "{0} typed at 20:00 in Shanghai")
    @CsvSource({
            "20m, 2026-11-25T12:20:00Z, en",
            "1h30m, 2026-11-25T13:30:00Z, en",
            "90 min, 2026-11-25T13:30:00Z, en",
            "21:40, 2026-11-25T13:40:00Z, en",
            "tomorrow 9:00, 2026-11-26T01:00:00Z, en",
            "20分钟, 2026-11-25T12:20:00Z, zh",
            "1小时, 2026-11-25T13:00:00Z, zh",
            "明天9点, 2026-11-26T01:00:00Z, zh",
            "一个半小时, 2026-11-25T13:30:00Z, zh",
            "今晚9点, 2026-11-25T13:00:00Z, zh"})
    void customInputIsReadInBothLanguages(String input, String due, String lang) {
        Session s = engine.handle(Session.NEW.withZone(SHANGHAI), press(new Action.PauseCustom(), lang)).session();
        assertThat(s.flow()).isEqualTo(Flow.of(Flow.Kind.PAUSE_CUSTOM));

        Transition t = engine.handle(s, text(input, lang));

        assertThat(single(t, ScheduleReminder.class).due()).isEqualTo(Instant.parse(due));
        assertThat(t.session().flow()).isNull();
        Lang l = Lang.fromCode(lang).orElseThrow();
        assertThat(single(t, Send.class).message().html()).startsWith(TEXTS.t(l, "pause.confirm").substring(0, 4));
        assertThat(new String(codec.encode(t.session()), StandardCharsets.UTF_8)).doesNotContain(input);
    }

    @Test
    void theChineseConfirmationReadsNaturally() {
        Transition t = engine.handle(Session.NEW.withZone(SHANGHAI), command("pause", "20分钟", "zh-hans"));

        Message m = single(t, Send.class).message();
        assertThat(m.html()).contains("我会在 <tg-time").contains("（Asia/Shanghai）提醒你");
        assertThat(copies(m)).containsExactly("我需要 20 分钟，但你的话我听到了。我会在 20:20 回来，我们接着聊。");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0m, zero", "-5m, negative", "200h, too_long", "8 days, too_long", "banana, unparseable",
            "'', unparseable", "25:00, unparseable"})
    void invalidDurationsEachGetTheirReplyAndChangeNothing(String input, String reason) {
        Session custom = Session.NEW.withZone(SHANGHAI).withFlow(Flow.of(Flow.Kind.PAUSE_CUSTOM));

        Transition t = engine.handle(custom, text(input, "en"));

        assertThat(t.session()).isEqualTo(custom);
        assertThat(t.effects()).hasSize(1);
        assertThat(single(t, Send.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "pause.invalid." + reason));
    }

    @Test
    void aTimeThatHasPassedOffersItsNextOccurrenceAndTheOfferSetsThePause() {
        Session s = Session.NEW.withZone(SHANGHAI);

        Transition past = engine.handle(s, command("pause", "19:00", "en"));

        assertThat(past.session()).isEqualTo(s);
        Message offer = single(past, Send.class).message();
        assertThat(offer.html()).startsWith("That time has already passed today. Did you mean <tg-time");
        Instant tomorrow19 = Instant.parse("2026-11-26T11:00:00Z");
        assertThat(actions(offer)).containsExactly(new Action.PauseAt(tomorrow19.getEpochSecond()));
        assertThat(labels(offer)).containsExactly("✅ Yes, tomorrow 19:00");

        Transition accepted = engine.handle(s, press(new Action.PauseAt(tomorrow19.getEpochSecond())));
        assertThat(single(accepted, ScheduleReminder.class).due()).isEqualTo(tomorrow19);
        assertThat(copies(single(accepted, Edit.class).message()))
                .containsExactly("I need some time, but I heard you. I'll come back to this at tomorrow 19:00.");
    }

    @Test
    void aSuggestedTimeThatIsNoLongerAheadOrTooFarIsAStaleButton() {
        Transition past = engine.handle(Session.NEW, press(new Action.PauseAt(START.minusSeconds(60).getEpochSecond())));
        Transition far = engine.handle(Session.NEW, press(new Action.PauseAt(START.plus(Duration.ofDays(8)).getEpochSecond())));

        for (Transition t : List.of(past, far)) {
            assertThat(t.session()).isEqualTo(Session.NEW);
            assertThat(t.effects()).hasSize(1);
            assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.stale"));
        }
    }

    @Test
    void aClockTimeWithoutAZoneAsksForTheZoneFirstAndChoosingOneCompletesThePause() {
        Transition asked = engine.handle(Session.NEW, command("pause", "21:40", "en"));

        assertThat(asked.effects()).noneMatch(e -> e instanceof ScheduleReminder);
        assertThat(asked.session().flow().kind()).isEqualTo(Flow.Kind.TIMEZONE);
        Message menu = single(asked, Send.class).message();
        assertThat(menu.html()).startsWith(TEXTS.t(Lang.EN, "pause.needs_zone"));
        assertThat(actions(menu)).contains(new Action.SetZone("sha"), new Action.SetZone("ber"), new Action.SetZone("utc"));
        assertThat(new String(codec.encode(asked.session()), StandardCharsets.UTF_8)).contains("21:40");

        Transition chosen = engine.handle(asked.session(), press(new Action.SetZone("sha")));

        assertThat(chosen.session().zone()).isEqualTo(SHANGHAI);
        assertThat(chosen.session().flow()).isNull();
        assertThat(single(chosen, ScheduleReminder.class).due()).isEqualTo(Instant.parse("2026-11-25T13:40:00Z"));
        assertThat(single(chosen, Edit.class).message().html())
                .startsWith(TEXTS.t(Lang.EN, "tz.set", "zone", "Asia/Shanghai")).contains("I'll remind you");
    }

    @Test
    void aTypedZoneAlsoCompletesTheWaitingPauseAndTonightUsesIt() {
        Session asked = engine.handle(Session.NEW, press(new Action.PauseTonight())).session();

        Transition typed = engine.handle(asked, text("UTC+8", "en"));

        assertThat(typed.session().zone()).isEqualTo(ZoneId.of("+08:00"));
        assertThat(single(typed, ScheduleReminder.class).due()).isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
        assertThat(single(typed, Send.class).message().html()).startsWith("✅ Time zone set: UTC+08:00.");
    }

    @Test
    void anUnknownZoneGetsExamplesAndKeepsWaiting() {
        Session waiting = engine.handle(Session.NEW, command("timezone", "", "en")).session();

        Transition t = engine.handle(waiting, text("Atlantis", "en"));

        assertThat(t.session()).isEqualTo(waiting);
        assertThat(single(t, Send.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "tz.unknown"));
    }

    @Test
    void timezoneShowsTheCommonZonesAndTheCurrentOne() {
        Transition t = engine.handle(Session.NEW.withZone(SHANGHAI), command("timezone", "", "zh"));

        Message m = single(t, Send.class).message();
        assertThat(m.html()).contains(TEXTS.t(Lang.ZH, "tz.current", "zone", "Asia/Shanghai"));
        assertThat(labels(m)).contains("北京", "柏林", "UTC");
        Transition chosen = engine.handle(t.session(), press(new Action.SetZone("ber"), "zh"));
        assertThat(chosen.session().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(single(chosen, Edit.class).message().html()).isEqualTo("✅ 时区已设置：Europe/Berlin。");
        assertThat(engine.handle(Session.NEW, press(new Action.SetZone("xyz"))).session()).isEqualTo(Session.NEW);
    }

    // --- the return reminder ---

    @Test
    void aDueReminderRendersWithItsThreeButtonsAndARetriedDeliveryRendersAgain() {
        Session s = paused(Session.NEW.withZone(SHANGHAI), "20m");
        String id = s.reminders().get(0).id();
        now = START.plus(Duration.ofMinutes(20));

        Transition first = engine.handle(s, due(id));
        Transition retried = engine.handle(first.session(), due(id));

        Message m = single(first, Send.class).message();
        assertThat(m.html()).isEqualTo("⏰ It's <tg-time unix=\"" + now.getEpochSecond()
                + "\" format=\"t\">20:20</tg-time>, your return point. You promised to come back to the conversation.");
        assertThat(actions(m)).containsExactly(new ReminderOp(id, Op.BACK), new ReminderOp(id, Op.MORE), new ReminderOp(id, Op.CANCEL));
        assertThat(first.session().reminders().get(0).fired()).isTrue();
        assertThat(retried.session()).isEqualTo(first.session());
        assertThat(single(retried, Send.class).message()).isEqualTo(m);
    }

    @Test
    void aDueReminderThatIsNoLongerPendingSaysNothing() {
        Session s = paused(Session.NEW, "20m");
        String id = s.reminders().get(0).id();
        Session cancelled = engine.handle(s, press(new ReminderOp(id, Op.CANCEL_LISTED))).session();

        assertThat(engine.handle(cancelled, due(id)).effects()).isEmpty();
        assertThat(engine.handle(Session.NEW, due("zzz")).effects()).isEmpty();
    }

    @Test
    void aReminderFiredButNeverAnsweredIsForgottenAfterTwelveHours() {
        Session s = paused(Session.NEW, "20m");
        String id = s.reminders().get(0).id();
        now = START.plus(Duration.ofMinutes(20));
        Session fired = engine.handle(s, due(id)).session();
        now = now.plus(Duration.ofHours(13));

        Transition late = engine.handle(fired, due(id));

        assertThat(late.effects()).isEmpty();
        assertThat(late.session().reminders()).isEmpty();
    }

    @Test
    void withoutAZoneTheReminderSaysItIsTime() {
        Session s = paused(Session.NEW, "20m");

        Transition t = engine.handle(s, due(s.reminders().get(0).id()));

        assertThat(single(t, Send.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "reminder.return.now"));
    }

    @Test
    void aReminderArrivesInTheLanguageTheUserSetItIn() {
        Session s = engine.handle(Session.NEW, command("pause", "20分钟", "zh-hans")).session();

        Transition t = engine.handle(s, due(s.reminders().get(0).id()));

        assertThat(single(t, Send.class).message().html()).isEqualTo(TEXTS.t(Lang.ZH, "reminder.return.now"));
    }

    @Test
    void imBackShowsTheOpenerToCopyAndSettlesTheReminder() {
        Session fired = firedReminder();
        String id = fired.reminders().get(0).id();

        Transition t = engine.handle(fired, press(new ReminderOp(id, Op.BACK)));

        assertThat(t.session().reminders()).isEmpty();
        Message m = single(t, Edit.class).message();
        assertThat(m.html()).contains("I'm ready to listen now. Where were we?");
        assertThat(copies(m)).containsExactly(TEXTS.t(Lang.EN, "phrase.opener"));
        assertThat(t.effects()).noneMatch(e -> e instanceof ScheduleReminder);
    }

    @Test
    void tenMoreMinutesWorksTwiceThenIsRefusedGently() {
        Session s = firedReminder();
        for (int extension = 1; extension <= 2; extension++) {
            String id = s.reminders().get(0).id();
            Transition more = engine.handle(s, press(new ReminderOp(id, Op.MORE)));

            Reminder later = more.session().reminders().get(0);
            assertThat(more.session().reminders()).hasSize(1);
            assertThat(later.id()).isNotEqualTo(id);
            assertThat(later.extensions()).isEqualTo(extension);
            assertThat(later.due()).isEqualTo(now.plus(Duration.ofMinutes(10)));
            assertThat(single(more, ScheduleReminder.class)).isEqualTo(new ScheduleReminder(USER, later.id(), later.due()));
            assertThat(copies(single(more, Edit.class).message())).containsExactly(TEXTS.t(Lang.EN, "phrase.signal.more"));
            now = later.due();
            s = engine.handle(more.session(), due(later.id())).session();
        }
        String id = s.reminders().get(0).id();

        Transition third = engine.handle(s, press(new ReminderOp(id, Op.MORE)));

        assertThat(third.session()).isEqualTo(s);
        Message note = single(third, Edit.class).message();
        assertThat(note.html()).isEqualTo(TEXTS.t(Lang.EN, "reminder.more_limit"));
        assertThat(actions(note)).containsExactly(new ReminderOp(id, Op.BACK), new ReminderOp(id, Op.CANCEL));
    }

    @Test
    void cancelUnderTheReminderCancelsIt() {
        Session fired = firedReminder();
        String id = fired.reminders().get(0).id();

        Transition t = engine.handle(fired, press(new ReminderOp(id, Op.CANCEL)));

        assertThat(t.session().reminders()).isEmpty();
        assertThat(single(t, CancelReminder.class)).isEqualTo(new CancelReminder(USER, id));
        assertThat(single(t, Edit.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "reminder.cancelled"));
    }

    @Test
    void buttonsOfAnAnsweredOrUnknownReminderOnlyToast() {
        Session fired = firedReminder();
        String id = fired.reminders().get(0).id();
        Session answered = engine.handle(fired, press(new ReminderOp(id, Op.BACK))).session();

        for (Op op : Op.values()) {
            Transition t = engine.handle(answered, press(new ReminderOp(id, op)));
            assertThat(t.session()).isEqualTo(answered);
            assertThat(t.effects()).hasSize(1);
            assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.already_done"));
        }
        Transition forged = engine.handle(answered, new Event.ButtonPressed(origin("en"), "cbx", 3, Optional.empty()));
        assertThat(forged.effects()).hasSize(1);
        assertThat(forged.session()).isEqualTo(answered);
    }

    // --- /reminders and the limit ---

    @Test
    void remindersListsPendingOnesAndCancelsThemOneByOne() {
        Session s = paused(paused(Session.NEW.withZone(SHANGHAI), "1h"), "20m");
        String twenty = s.reminders().get(1).id();

        Transition list = engine.handle(s, command("reminders", "", "en"));

        Message m = single(list, Send.class).message();
        assertThat(m.html()).startsWith(TEXTS.t(Lang.EN, "reminders.title"))
                .contains("1. Return point · <tg-time unix=\"" + START.plusSeconds(1200).getEpochSecond())
                .contains("2. Return point · <tg-time unix=\"" + START.plusSeconds(3600).getEpochSecond());
        assertThat(actions(m)).containsExactly(new ReminderOp(twenty, Op.CANCEL_LISTED),
                new ReminderOp(s.reminders().get(0).id(), Op.CANCEL_LISTED));

        Transition cancel = engine.handle(s, press(new ReminderOp(twenty, Op.CANCEL_LISTED)));

        assertThat(cancel.session().reminders()).extracting(Reminder::id).containsExactly(s.reminders().get(0).id());
        assertThat(single(cancel, CancelReminder.class).reminderId()).isEqualTo(twenty);
        assertThat(single(cancel, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.cancelled"));
        assertThat(single(cancel, Edit.class).message().html()).contains("1. Return point").doesNotContain("2. ");

        Transition again = engine.handle(cancel.session(), press(new ReminderOp(twenty, Op.CANCEL_LISTED)));
        assertThat(again.session()).isEqualTo(cancel.session());
        assertThat(again.effects()).containsExactly(new AnswerButton(lastCallback(), TEXTS.t(Lang.EN, "toast.already_done")));
    }

    @Test
    void withNoRemindersTheListSaysHowToSetOne() {
        Transition t = engine.handle(Session.NEW, command("reminders", "", "en"));

        assertThat(single(t, Send.class).message()).isEqualTo(Message.text(TEXTS.t(Lang.EN, "reminders.none")));
    }

    @Test
    void theTwentyFirstPendingReminderIsRefusedKindly() {
        Session s = Session.NEW;
        for (int i = 1; i <= 20; i++) {
            s = paused(s, (i * 5) + "m");
        }
        assertThat(s.reminders()).hasSize(20);

        Transition pause = engine.handle(s, command("pause", "7h", "en"));
        Transition wait = engine.handle(s, command("wait", "", "en"));

        for (Transition t : List.of(pause, wait)) {
            assertThat(t.session()).isEqualTo(s);
            assertThat(t.effects()).noneMatch(e -> e instanceof ScheduleReminder);
            assertThat(single(t, Send.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "reminders.limit"));
        }
    }

    // --- /wait and the check-in ---

    @Test
    void waitHoldsFiveMinutesThenWalksThroughTheThreeQuestionsToTheRephrase() {
        Transition wait = engine.handle(Session.NEW, command("wait", "", "en"));

        ScheduleReminder scheduled = single(wait, ScheduleReminder.class);
        assertThat(scheduled.due()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(single(wait, Send.class).message().html())
                .startsWith("⏳ <b>What would happen if you waited five minutes instead of acting now?</b>");
        assertThat(engine.handle(wait.session(), command("wait", "", "en")).effects())
                .noneMatch(e -> e instanceof ScheduleReminder);
        String id = scheduled.reminderId();
        now = scheduled.due();

        Transition checkin = engine.handle(wait.session(), due(id));

        Message q1 = single(checkin, Send.class).message();
        assertThat(q1.html()).contains(TEXTS.t(Lang.EN, "checkin.intro")).contains("What am I feeling now?");
        assertThat(actions(q1)).hasSize(6).contains(new Action.CheckinAnswer(id, 0, 0), new Action.CheckinAnswer(id, 0, 2));

        Transition second = engine.handle(checkin.session(), press(new Action.CheckinAnswer(id, 0, 2)));
        assertThat(second.session().reminders()).isEmpty();
        assertThat(single(second, Edit.class).message().html()).contains("Can I say this differently?");

        Transition typed = engine.handle(second.session(), text("I feel ignored by Sam", "en"));
        assertThat(single(typed, Send.class).message().html()).startsWith(TEXTS.t(Lang.EN, "checkin.noted"))
                .contains("What do I need?");
        assertThat(new String(codec.encode(typed.session()), StandardCharsets.UTF_8)).doesNotContain("Sam");

        Transition stale = engine.handle(typed.session(), press(new Action.CheckinAnswer(id, 1, 1)));
        assertThat(stale.session()).isEqualTo(typed.session());
        assertThat(single(stale, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.stale"));

        Transition done = engine.handle(typed.session(), press(new Action.CheckinAnswer(id, 2, 0)));
        assertThat(done.session().flow()).isNull();
        Message rephrase = single(done, Edit.class).message();
        assertThat(rephrase.html()).contains("You never listen to me!").contains("Are you available to listen?");
        assertThat(copies(rephrase)).containsExactly(TEXTS.t(Lang.EN, "phrase.rephrase"));
        assertThat(engine.handle(done.session(), due(id)).effects()).isEmpty();
    }

    // --- /practice ---

    @Test
    void practiceWalksStepByStepStopsAndResumes() {
        Transition start = engine.handle(Session.NEW, command("practice", "", "en"));
        assertThat(start.session().practice()).isEqualTo(1);
        assertThat(single(start, Send.class).message().html()).contains("Slow-motion practice").contains("Step 1/5")
                .contains("What am I feeling now?").contains("Can I say this differently?").contains("What do I need?");

        Session s = engine.handle(start.session(), press(new Action.PracticeNext(1))).session();
        assertThat(s.practice()).isEqualTo(2);
        Transition stop = engine.handle(s, press(new Action.PracticeStop()));
        assertThat(stop.session().practice()).isEqualTo(2);
        assertThat(stop.session().flow()).isNull();
        assertThat(single(stop, Edit.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "practice.stopped", "n", 2, "total", 5));

        Transition resume = engine.handle(stop.session(), command("practice", "", "en"));
        assertThat(actions(single(resume, Send.class).message()))
                .containsExactly(new Action.PracticeContinue(), new Action.PracticeRestart());
        Transition cont = engine.handle(resume.session(), press(new Action.PracticeContinue()));
        assertThat(single(cont, Edit.class).message().html()).contains("Step 2/5");

        s = cont.session();
        Transition last = null;
        for (int step = 2; step <= 4; step++) {
            last = engine.handle(s, press(new Action.PracticeNext(step)));
            s = last.session();
        }
        assertThat(s.practice()).isEqualTo(5);
        assertThat(labels(single(last, Edit.class).message())).contains(TEXTS.t(Lang.EN, "button.practice_finish"));
        Transition stale = engine.handle(s, press(new Action.PracticeNext(2)));
        assertThat(stale.session()).isEqualTo(s);
        Transition finished = engine.handle(s, press(new Action.PracticeNext(5)));
        assertThat(finished.session().practice()).isZero();
        assertThat(finished.session().flow()).isNull();
        assertThat(single(finished, Edit.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "practice.done"));
    }

    @Test
    void practiceCanStartOverAndAcknowledgesTextWithoutKeepingIt() {
        Session s = engine.handle(Session.NEW, command("practice", "", "en")).session();
        s = engine.handle(s, press(new Action.PracticeNext(1))).session();
        s = engine.handle(s, press(new Action.PracticeNext(2))).session();

        Transition typed = engine.handle(s, text("we fought about the dishes", "en"));
        assertThat(typed.session()).isEqualTo(s);
        assertThat(single(typed, Send.class).message().html()).startsWith(TEXTS.t(Lang.EN, "practice.noted")).contains("Step 3/5");

        Transition over = engine.handle(s, press(new Action.PracticeRestart()));
        assertThat(over.session().practice()).isEqualTo(1);
        assertThat(single(over, Edit.class).message().html()).contains("Step 1/5");
        assertThat(engine.handle(Session.NEW, press(new Action.PracticeStop())).session()).isEqualTo(Session.NEW);
    }

    // --- the playbook, /forget, replays, quiet hours ---

    @Test
    void thePlaybookOffersPauseToDistancersAndWaitToPursuers() {
        Message distancer = single(engine.handle(result(Pattern.DISTANCER), command("playbook", "", "en")), Send.class).message();
        Message pursuer = single(engine.handle(result(Pattern.PURSUER), command("playbook", "", "en")), Send.class).message();
        Message both = single(engine.handle(result(Pattern.PURSUE_AND_RETREAT), command("playbook", "", "en")), Send.class).message();

        assertThat(actions(distancer)).contains(new Action.PauseMenu()).doesNotContain(new Action.StartWait());
        assertThat(actions(pursuer)).contains(new Action.StartWait()).doesNotContain(new Action.PauseMenu());
        assertThat(actions(both)).contains(new Action.StartWait(), new Action.PauseMenu());
        Transition menu = engine.handle(result(Pattern.DISTANCER), press(new Action.PauseMenu()));
        assertThat(actions(single(menu, Send.class).message())).hasSize(6);
        Transition wait = engine.handle(result(Pattern.PURSUER), press(new Action.StartWait()));
        assertThat(single(wait, ScheduleReminder.class).due()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void forgetCancelsEveryPendingReminderBeforeErasingTheUser() {
        Session s = paused(paused(Session.NEW, "1h"), "20m");

        Transition t = engine.handle(s, press(new Action.ConfirmForget()));

        List<Effect> effects = t.effects();
        assertThat(effects).containsSubsequence(new CancelReminder(USER, s.reminders().get(0).id()),
                new CancelReminder(USER, s.reminders().get(1).id()), new EraseUser(USER));
    }

    @Test
    void aReplaySchedulesEveryUnfiredReminderAgain() {
        Session s = paused(paused(Session.NEW, "1h"), "20m");
        Event.Command pause = command("pause", "20m", "en");

        List<Effect> effects = engine.replay(s, pause);

        assertThat(effects).filteredOn(e -> e instanceof ScheduleReminder).containsExactly(
                new ScheduleReminder(USER, s.reminders().get(0).id(), s.reminders().get(0).due()),
                new ScheduleReminder(USER, s.reminders().get(1).id(), s.reminders().get(1).due()));
        assertThat(effects.get(0)).isInstanceOf(Send.class);
    }

    @Test
    void aReplayedCoachingPressStopsTheSpinnerAndLeavesItsMessageAlone() {
        Session s = firedReminder();

        List<Effect> effects = engine.replay(s, press(new ReminderOp(s.reminders().get(0).id(), Op.BACK)));

        assertThat(effects).hasSize(1).first().isInstanceOf(AnswerButton.class);
    }

    @Test
    void quietHoursMoveOnlyRemindersTheUserDidNotSet() {
        Instant lateNight = Instant.parse("2026-11-25T16:30:00Z"); // 00:30 in Shanghai

        assertThat(Coach.deliverAt(lateNight, true, SHANGHAI)).isEqualTo(lateNight);
        assertThat(Coach.deliverAt(lateNight, false, SHANGHAI)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(Coach.deliverAt(lateNight, false, null)).isEqualTo(lateNight);
        assertThat(Coach.deliverAt(START, false, SHANGHAI)).isEqualTo(START);
    }

    @Test
    void aCommandLeavesAFlowThatWaitedForText() {
        Session custom = engine.handle(Session.NEW, press(new Action.PauseCustom())).session();

        Session after = engine.handle(custom, command("help", "", "en")).session();
        Transition typed = engine.handle(after, text("20m", "en"));

        assertThat(after.flow()).isNull();
        assertThat(typed.effects()).noneMatch(e -> e instanceof ScheduleReminder);
    }

    @Test
    void everyCoachingButtonIsAnsweredExactlyOnceWhateverTheSequence() {
        Random random = new Random(11);
        Session s = Session.NEW;
        for (int i = 0; i < 3000; i++) {
            now = now.plusSeconds(random.nextInt(400));
            Event e;
            int dice = random.nextInt(10);
            if (dice == 0 && !s.reminders().isEmpty()) {
                e = due(s.reminders().get(random.nextInt(s.reminders().size())).id());
            } else if (dice == 1) {
                e = text(List.of("20m", "21:40", "Berlin", "hi", "明天9点", "-3m").get(random.nextInt(6)), "en");
            } else if (dice == 2) {
                e = command(List.of("pause", "wait", "practice", "reminders", "timezone").get(random.nextInt(5)), "", "en");
            } else {
                e = press(randomAction(random, s));
            }
            Transition t = engine.handle(s, e);
            long answers = t.effects().stream().filter(x -> x instanceof AnswerButton).count();
            assertThat(answers).isEqualTo(e instanceof Event.ButtonPressed ? 1 : 0);
            assertThat(codec.decode(codec.encode(t.session()))).isEqualTo(t.session());
            t.effects().forEach(CoachingTest::assertTelegramAccepts);
            s = t.erases() ? Session.NEW : t.session();
        }
    }

    // --- helpers ---

    /** What the Bot API fake checks: the HTML parses (tags, entities, tg-time) and fits in one message. */
    static void assertTelegramAccepts(Effect e) {
        Message m = e instanceof Send send ? send.message() : e instanceof Edit edit ? edit.message() : null;
        if (m == null) {
            return;
        }
        try {
            assertThat(TelegramHtml.plainLength(m.html())).isLessThanOrEqualTo(4096);
        } catch (HtmlParseException ex) {
            throw new AssertionError(ex.getMessage() + " in " + m.html(), ex);
        }
        m.keyboard().stream().flatMap(List::stream).forEach(b -> {
            assertThat(b.label()).isNotBlank();
            if (b instanceof Message.ActionButton a) {
                assertThat(CallbackCodec.decode(CallbackCodec.encode(a.action()))).contains(a.action());
            }
        });
    }

    private Action randomAction(Random r, Session s) {
        String id = s.reminders().isEmpty() ? "zz" : s.reminders().get(r.nextInt(s.reminders().size())).id();
        String ref = s.flow() != null && s.flow().ref() != null ? s.flow().ref() : id;
        return switch (r.nextInt(14)) {
            case 0 -> new Action.PauseFor(List.of(10, 20, 60, 120).get(r.nextInt(4)));
            case 1 -> new Action.PauseTonight();
            case 2 -> new Action.PauseCustom();
            case 3 -> new Action.PauseAt(now.getEpochSecond() + r.nextInt(100_000) - 1000);
            case 4 -> new Action.StartWait();
            case 5 -> new ReminderOp(id, Op.values()[r.nextInt(4)]);
            case 6 -> new Action.SetZone(List.of("sha", "ber", "nyc", "nope").get(r.nextInt(4)));
            case 7 -> new Action.CheckinAnswer(ref, r.nextInt(3), r.nextInt(7));
            case 8 -> new Action.PracticeNext(r.nextInt(7));
            case 9 -> new Action.PracticeStop();
            case 10 -> new Action.PracticeContinue();
            case 11 -> new Action.PracticeRestart();
            case 12 -> new Action.PauseMenu();
            default -> new Action.ConfirmForget();
        };
    }

    Session firedReminder() {
        Session s = paused(Session.NEW.withZone(SHANGHAI), "20m");
        now = now.plus(Duration.ofMinutes(20));
        return engine.handle(s, due(s.reminders().get(0).id())).session();
    }

    Session paused(Session s, String input) {
        Transition t = engine.handle(s, command("pause", input, "en"));
        assertThat(t.effects()).anyMatch(e -> e instanceof ScheduleReminder);
        return t.session();
    }

    Session result(Pattern p) {
        return Session.NEW.withResult(new Session.Result(QUIZ.version(), new Profile(50, 50, p)));
    }

    Origin origin(String lang) {
        return new Origin(nextUpdate++, USER, USER, lang, now);
    }

    Event.Command command(String name, String payload, String lang) {
        return new Event.Command(origin(lang), name, payload);
    }

    Event.TextReceived text(String text, String lang) {
        return new Event.TextReceived(origin(lang), text);
    }

    Event.ButtonPressed press(Action a) {
        return press(a, "en");
    }

    Event.ButtonPressed press(Action a, String lang) {
        Origin o = origin(lang);
        return new Event.ButtonPressed(o, "cb" + o.updateId(), 3, Optional.of(a));
    }

    String lastCallback() {
        return "cb" + (nextUpdate - 1);
    }

    Event.ReminderDue due(String id) {
        return new Event.ReminderDue(new Origin(0, USER, USER, null, now), id);
    }

    static <T extends Effect> T single(Transition t, Class<T> type) {
        return EngineTest.single(t, type);
    }

    static List<Action> actions(Message m) {
        return EngineTest.actions(m);
    }

    static List<String> labels(Message m) {
        return m.keyboard().stream().flatMap(List::stream).map(Message.Button::label).toList();
    }

    static List<String> copies(Message m) {
        return m.keyboard().stream().flatMap(List::stream).filter(b -> b instanceof Message.CopyButton)
                .map(b -> ((Message.CopyButton) b).textToCopy()).toList();
    }
}
