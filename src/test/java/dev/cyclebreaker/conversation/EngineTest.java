package dev.cyclebreaker.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Effect.AnswerButton;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.EraseUser;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.quiz.QuizDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EngineTest {
    static final Texts TEXTS = Texts.load();
    static final QuizDefinition QUIZ = QuizDefinition.load();
    static final long USER = 42;

    final Engine engine = new Engine(QUIZ, TEXTS);
    static final java.time.Instant NOW = java.time.Instant.parse("2026-11-25T12:00:00Z");
    long nextUpdate = 1000;

    @Test
    void startGreetsInTheUsersTelegramLanguageWithAStartButton() {
        Transition en = engine.handle(Session.NEW, command("start", "en-US"));
        Transition zh = engine.handle(Session.NEW, command("start", "zh-hans"));

        assertThat(onlySend(en).message().html()).isEqualTo(TEXTS.t(Lang.EN, "welcome", "count", QUIZ.size()));
        assertThat(onlySend(zh).message().html()).isEqualTo(TEXTS.t(Lang.ZH, "welcome", "count", QUIZ.size()));
        assertThat(actions(onlySend(en).message())).containsExactly(new Action.StartQuiz());
        assertThat(en.session()).isEqualTo(Session.NEW);
    }

    @Test
    void startWithAnUnknownPayloadIsANormalWelcome() {
        Transition t = engine.handle(Session.NEW, new Event.Command(origin("en"), "start", "zz_garbage"));

        assertThat(onlySend(t).message().html()).isEqualTo(TEXTS.t(Lang.EN, "welcome", "count", QUIZ.size()));
    }

    @Test
    void pressingStartEditsTheWelcomeIntoTheFirstQuestion() {
        Transition t = engine.handle(Session.NEW, press(7, new Action.StartQuiz()));

        assertThat(t.session().state()).isEqualTo(Session.State.QUIZ);
        assertThat(t.session().quiz().step()).isZero();
        Edit edit = single(t, Edit.class);
        assertThat(edit.messageId()).isEqualTo(7);
        assertThat(edit.message().html()).contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 1, "total", QUIZ.size()))
                .contains(TEXTS.t(Lang.EN, "quiz.item." + QUIZ.items().get(0).id()));
        assertThat(actions(edit.message())).hasSize(QUIZ.points()).allMatch(a -> a instanceof Action.Answer);
        assertThat(single(t, AnswerButton.class).toast()).isNull();
    }

    @Test
    void answeringMovesOneStepAndShowsTheBackButton() {
        Session s = started();
        Action.Answer first = firstAnswer(s, 4);

        Transition t = engine.handle(s, press(7, first));

        assertThat(t.session().quiz().answers()).containsExactly(4);
        Edit edit = single(t, Edit.class);
        assertThat(edit.message().html()).contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 2, "total", QUIZ.size()));
        assertThat(actions(edit.message())).contains(new Action.Back(s.quiz().run(), 1));
    }

    @Test
    void aDoubleTapOnOneAnswerIsAppliedOnce() {
        Session s = started();
        Action.Answer tap = firstAnswer(s, 2);

        Session once = engine.handle(s, press(7, tap)).session();
        Transition again = engine.handle(once, press(7, tap));

        assertThat(again.session()).isEqualTo(once);
        // The first tap already moved the message on: the second is only acknowledged, no edit
        // (a burst of taps must not spend the chat's flood budget on unchanged edits).
        assertThat(again.effects()).hasSize(1);
        assertThat(single(again, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.saved"));
    }

    @Test
    void aTapOnAnOlderQuestionOfTheRunGetsAToastAndTheCurrentQuestion() {
        Session s = answer(started(), 5, 3);

        Transition t = engine.handle(s, press(7, new Action.Answer(s.quiz().run(), 1, 4)));

        assertThat(t.session()).isEqualTo(s);
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.stale"));
        assertThat(single(t, Edit.class).message().html())
                .contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 4, "total", QUIZ.size()));
    }

    @Test
    void theResultCardPictureIsOneTapAwayUnderTheProfile() {
        Session s = withResult(Pattern.DISTANCER);

        Transition t = engine.handle(s, press(7, new Action.ShowCard()));
        Transition none = engine.handle(Session.NEW, press(7, new Action.ShowCard()));

        assertThat(t.effects()).hasSize(2).anyMatch(e -> e instanceof Effect.SendCard);
        assertThat(t.session()).isEqualTo(s);
        assertThat(none.effects()).containsExactly(new AnswerButton(single(none, AnswerButton.class).callbackId(),
                TEXTS.t(Lang.EN, "toast.stale")));
    }

    @Test
    void backReturnsToThePreviousQuestionAndForgetsItsAnswer() {
        Session s = answer(started(), 5, 3);

        Transition t = engine.handle(s, press(7, new Action.Back(s.quiz().run(), 3)));

        assertThat(t.session().quiz().answers()).containsExactly(5, 5);
        assertThat(single(t, Edit.class).message().html())
                .contains(TEXTS.t(Lang.EN, "quiz.item." + QUIZ.items().get(2).id()));
    }

    @Test
    void backFromTheFirstQuestionChangesNothing() {
        Session s = started();

        Transition t = engine.handle(s, press(7, new Action.Back(s.quiz().run(), 0)));

        assertThat(t.session()).isEqualTo(s);
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.stale"));
    }

    @Test
    void answeringTheLastQuestionShowsTheProfileAndEndsTheTest() {
        Session s = answer(started(), 1, QUIZ.size() - 1);

        Transition t = engine.handle(s, press(7, firstAnswer(s, 1)));

        assertThat(t.session().state()).isEqualTo(Session.State.IDLE);
        assertThat(t.session().quiz()).isNull();
        Profile p = t.session().result().profile();
        assertThat(p).isEqualTo(QUIZ.score(java.util.Collections.nCopies(QUIZ.size(), 1)));
        String html = single(t, Edit.class).message().html();
        assertThat(html).contains(TEXTS.t(Lang.EN, "pattern." + p.pattern().key() + ".name"))
                .contains(TEXTS.t(Lang.EN, "profile.safety_note"))
                .contains("▓").contains("░");
        assertThat(actions(single(t, Edit.class).message())).contains(new Action.ShowPlaybook(), new Action.RestartQuiz());
    }

    @Test
    void aButtonFromAnEarlierRunIsStaleAndTheCurrentQuestionIsShown() {
        Session s = answer(started(), 3, 2);

        Transition t = engine.handle(s, press(9, new Action.Answer("oldrun", 2, 3)));

        assertThat(t.session()).isEqualTo(s);
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.stale"));
        assertThat(single(t, Edit.class).messageId()).isEqualTo(9);
    }

    @Test
    void forgedCallbackDataGetsAToastAndTheCurrentQuestionReRendered() {
        Session s = answer(started(), 3, 2);

        Transition t = engine.handle(s, new Event.ButtonPressed(origin("en"), "cb", 9, Optional.empty()));

        assertThat(t.session()).isEqualTo(s);
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.invalid"));
        assertThat(single(t, Edit.class).message().html())
                .contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 3, "total", QUIZ.size()));
    }

    @Test
    void anAnswerOutsideTheScaleIsRefused() {
        Session s = started();

        Transition t = engine.handle(s, press(7, new Action.Answer(s.quiz().run(), 0, 9)));

        assertThat(t.session()).isEqualTo(s);
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.EN, "toast.invalid"));
    }

    @Test
    void freeTextMidTestGetsAGentleHintAndTheQuestionAgain() {
        Session s = answer(started(), 2, 4);

        Transition t = engine.handle(s, new Event.TextReceived(origin("en"), "what do I do?"));

        assertThat(t.session()).isEqualTo(s);
        String html = onlySend(t).message().html();
        assertThat(html).startsWith(TEXTS.t(Lang.EN, "quiz.tap_a_button"))
                .contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 5, "total", QUIZ.size()));
    }

    @Test
    void quizOrStartMidTestOffersContinueOrStartOver() {
        Session s = answer(started(), 2, 4);

        for (String name : List.of("quiz", "start")) {
            Transition t = engine.handle(s, command(name, "en"));
            assertThat(t.session()).isEqualTo(s);
            assertThat(actions(onlySend(t).message())).containsExactly(new Action.ContinueQuiz(), new Action.RestartQuiz());
        }
    }

    @Test
    void continueShowsTheCurrentQuestionAndStartOverBeginsANewRun() {
        Session s = answer(started(), 2, 4);

        Transition cont = engine.handle(s, press(11, new Action.ContinueQuiz()));
        Transition over = engine.handle(s, press(11, new Action.RestartQuiz()));

        assertThat(cont.session()).isEqualTo(s);
        assertThat(single(cont, Edit.class).message().html())
                .contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 5, "total", QUIZ.size()));
        assertThat(over.session().quiz().step()).isZero();
        assertThat(over.session().quiz().run()).isNotEqualTo(s.quiz().run());
    }

    @Test
    void aTestStartedOnAnOlderQuizVersionStartsOverPolitely() {
        Session s = answer(started(), 2, 4);
        Session old = s.withQuiz(new Session.QuizRun("0ldversn", s.quiz().run(), s.quiz().answers()));

        Transition t = engine.handle(old, press(7, new Action.Answer(s.quiz().run(), 4, 3)));

        assertThat(t.session().quiz().version()).isEqualTo(QUIZ.version());
        assertThat(t.session().quiz().step()).isZero();
        assertThat(single(t, Edit.class).message().html()).startsWith(TEXTS.t(Lang.EN, "quiz.version_changed"));
        assertThat(single(t, AnswerButton.class)).isNotNull();
    }

    @Test
    void choosingALanguageReRendersTheCurrentQuestionInIt() {
        Session s = answer(started(), 2, 1);

        Transition t = engine.handle(s, press(13, new Action.SetLang(Lang.ZH)));

        assertThat(t.session().lang()).isEqualTo(Lang.ZH);
        assertThat(t.session().quiz()).isEqualTo(s.quiz());
        assertThat(single(t, AnswerButton.class).toast()).isEqualTo(TEXTS.t(Lang.ZH, "toast.lang_set"));
        assertThat(single(t, Edit.class).message().html())
                .contains(TEXTS.t(Lang.ZH, "quiz.item." + QUIZ.items().get(1).id()));
    }

    @Test
    void aChosenLanguageWinsOverTelegramsLanguage() {
        Session zh = Session.NEW.withLang(Lang.ZH);

        Transition t = engine.handle(zh, command("help", "en"));

        assertThat(onlySend(t).message().html()).isEqualTo(TEXTS.t(Lang.ZH, "help"));
    }

    @Test
    void profileAndPlaybookWithoutAResultOfferTheTest() {
        Transition profile = engine.handle(Session.NEW, command("profile", "en"));
        Transition playbook = engine.handle(Session.NEW, command("playbook", "en"));

        assertThat(onlySend(profile).message().html()).isEqualTo(TEXTS.t(Lang.EN, "profile.none"));
        assertThat(onlySend(playbook).message().html()).isEqualTo(TEXTS.t(Lang.EN, "playbook.none"));
        assertThat(actions(onlySend(playbook).message())).containsExactly(new Action.StartQuiz());
    }

    @Test
    void thePlaybookOffersCopyButtonsForItsSentences() {
        Session s = withResult(Pattern.DISTANCER);

        Transition t = engine.handle(s, command("playbook", "en"));

        Message m = onlySend(t).message();
        assertThat(m.html()).contains(TEXTS.t(Lang.EN, "playbook.distancer")).contains(TEXTS.t(Lang.EN, "playbook.pact"))
                .contains("<code>");
        List<Message.CopyButton> copies = m.keyboard().stream().flatMap(List::stream)
                .filter(b -> b instanceof Message.CopyButton).map(b -> (Message.CopyButton) b).toList();
        assertThat(copies).hasSizeBetween(2, 4);
        assertThat(copies.get(0).textToCopy()).isEqualTo(TEXTS.t(Lang.EN, "phrase.distancer.1"));
    }

    @Test
    void forgetAsksFirstAndConfirmingErasesTheUser() {
        Session s = withResult(Pattern.PURSUER);

        Transition ask = engine.handle(s, command("forget", "en"));
        Transition yes = engine.handle(s, press(5, new Action.ConfirmForget()));
        Transition no = engine.handle(s, press(5, new Action.CancelForget()));

        assertThat(ask.session()).isEqualTo(s);
        assertThat(actions(onlySend(ask).message())).containsExactly(new Action.ConfirmForget(), new Action.CancelForget());
        assertThat(yes.effects()).contains(new EraseUser(USER));
        assertThat(single(yes, Edit.class).message().html()).isEqualTo(TEXTS.t(Lang.EN, "forget.done"));
        assertThat(no.session()).isEqualTo(s);
        assertThat(no.erases()).isFalse();
    }

    @Test
    void unknownCommandsStickersEditsAndLongTextChangeNothing() {
        Session s = withResult(Pattern.STEADY);

        Transition unknown = engine.handle(s, command("dance", "en"));
        Transition sticker = engine.handle(s, new Event.Unsupported(origin("en"), Event.Unsupported.Kind.MEDIA));
        Transition edited = engine.handle(s, new Event.Unsupported(origin("en"), Event.Unsupported.Kind.EDITED));
        Transition huge = engine.handle(s, new Event.TextReceived(origin("en"), "x".repeat(5000)));

        assertThat(List.of(unknown, sticker, edited, huge)).allMatch(t -> t.session().equals(s));
        assertThat(onlySend(unknown).message().html()).isEqualTo(TEXTS.t(Lang.EN, "unknown_command"));
        assertThat(onlySend(sticker).message().html()).isEqualTo(TEXTS.t(Lang.EN, "message.unsupported"));
        assertThat(onlySend(edited).message().html()).isEqualTo(TEXTS.t(Lang.EN, "message.edited"));
        assertThat(onlySend(huge).message().html()).isEqualTo(TEXTS.t(Lang.EN, "text.too_long"));
    }

    @Test
    void aReplayedPressReRendersTheCurrentViewIntoItsMessage() {
        Session s = answer(started(), 2, 3);

        List<Effect> effects = engine.replay(s, press(17, new Action.Answer(s.quiz().run(), 2, 2)));

        assertThat(effects).hasSize(2);
        assertThat(effects.get(0)).isInstanceOf(AnswerButton.class);
        assertThat(((Edit) effects.get(1)).message().html())
                .contains(TEXTS.t(Lang.EN, "quiz.progress", "n", 4, "total", QUIZ.size()));
    }

    @Test
    void everyButtonPressIsAnsweredExactlyOnceWhateverTheSequence() {
        Random random = new Random(7);
        Session s = Session.NEW;
        for (int i = 0; i < 2000; i++) {
            Action a = randomAction(random, s);
            Transition t = engine.handle(s, press(1 + random.nextInt(3), a));
            assertThat(t.effects().stream().filter(e -> e instanceof AnswerButton)).hasSize(1);
            s = t.erases() ? Session.NEW : t.session();
        }
    }

    // --- helpers ---

    private Action randomAction(Random r, Session s) {
        String run = s.quiz() == null ? "x" : s.quiz().run();
        int step = s.quiz() == null ? 0 : s.quiz().step();
        return switch (r.nextInt(12)) {
            case 0 -> new Action.StartQuiz();
            case 1 -> new Action.ContinueQuiz();
            case 2 -> new Action.RestartQuiz();
            case 3 -> new Action.Back(run, step);
            case 4 -> new Action.ShowPlaybook();
            case 5 -> new Action.ShowProfile();
            case 6 -> new Action.SetLang(r.nextBoolean() ? Lang.EN : Lang.ZH);
            case 7 -> new Action.CancelForget();
            case 8 -> new Action.Answer(run, step + r.nextInt(3) - 1, r.nextInt(7));
            default -> new Action.Answer(run, step, 1 + r.nextInt(5));
        };
    }

    Session started() {
        return engine.handle(Session.NEW, press(7, new Action.StartQuiz())).session();
    }

    Session answer(Session s, int choice, int times) {
        for (int i = 0; i < times; i++) {
            s = engine.handle(s, press(7, firstAnswer(s, choice))).session();
        }
        return s;
    }

    Session withResult(Pattern p) {
        return Session.NEW.withResult(new Session.Result(QUIZ.version(), new Profile(50, 50, p)));
    }

    static Action.Answer firstAnswer(Session s, int choice) {
        return new Action.Answer(s.quiz().run(), s.quiz().step(), choice);
    }

    Origin origin(String lang) {
        return new Origin(nextUpdate++, USER, USER, lang, NOW);
    }

    Event.Command command(String name, String lang) {
        return new Event.Command(origin(lang), name, "");
    }

    Event.ButtonPressed press(int messageId, Action a) {
        return new Event.ButtonPressed(origin("en"), "cb" + nextUpdate, messageId, Optional.of(a));
    }

    static Send onlySend(Transition t) {
        assertThat(t.effects()).hasSize(1);
        return (Send) t.effects().get(0);
    }

    static <T extends Effect> T single(Transition t, Class<T> type) {
        List<T> found = new ArrayList<>();
        t.effects().stream().filter(type::isInstance).map(type::cast).forEach(found::add);
        assertThat(found).as("effects of type " + type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    static List<Action> actions(Message m) {
        return m.keyboard().stream().flatMap(List::stream).filter(b -> b instanceof Message.ActionButton)
                .map(b -> ((Message.ActionButton) b).action()).toList();
    }
}
