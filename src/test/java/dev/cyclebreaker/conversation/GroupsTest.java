package dev.cyclebreaker.conversation;

import static dev.cyclebreaker.conversation.EngineTest.QUIZ;
import static dev.cyclebreaker.conversation.EngineTest.TEXTS;
import static dev.cyclebreaker.conversation.EngineTest.USER;
import static dev.cyclebreaker.conversation.EngineTest.actions;
import static dev.cyclebreaker.conversation.EngineTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Action.GroupShare;
import dev.cyclebreaker.conversation.Action.GroupShare.Choice;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.PostToGroup;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Group chats in the engine: the invite, help, the question after the test, and posting at most once. */
class GroupsTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final long GROUP_ID = -1001234567890L;
    static final Group GROUP = new Group(GROUP_ID, "Tom & Jerry <fans>");
    static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

    final Engine engine = new Engine(QUIZ, TEXTS, new BotIdentity("cb_test_bot"));
    long nextUpdate = 1;

    @Test
    void quizAddressedToUsInAGroupInvitesIntoThePrivateChatInTheTypistsLanguage() {
        Session s = Session.NEW.withLang(Lang.EN);

        Transition t = engine.handle(s, groupCommand("quiz", "zh-hans"));

        assertThat(t.session()).isEqualTo(s);
        assertThat(t.effects()).containsExactly(new Effect.InviteFromGroup(GROUP, Lang.ZH));
        assertThat(engine.handle(s, groupCommand("start", "en")).effects())
                .containsExactly(new Effect.InviteFromGroup(GROUP, Lang.EN));
    }

    @Test
    void theGroupInviteHasOneUrlButtonWithAGroupDeepLink() {
        Message m = engine.groupInvite(Lang.EN, TOKEN);

        assertThat(m.html()).contains("pursuer or a distancer").contains("in private");
        assertThat(m.keyboard()).flatExtracting(row -> row).containsExactly(new Message.UrlButton(
                "Take the test in private", "https://t.me/cb_test_bot?start=g_" + TOKEN));
        assertThat(("g_" + TOKEN)).matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void helpInAGroupIsThreeShortLinesInTheGroup() {
        Send help = single(engine.handle(Session.NEW, groupCommand("help", "en")), Send.class);

        assertThat(help.chatId()).isEqualTo(GROUP_ID);
        assertThat(help.message().html().split("\n")).hasSize(3);
        assertThat(help.message().html()).contains("/quiz@cb_test_bot").contains("private").contains("yes");
        assertThat(help.message().keyboard()).isEmpty();
    }

    @Test
    void removalFromAGroupForgetsItAndLeavesTheSessionAlone() {
        Session s = withResult(Pattern.PURSUER).withGroup(GROUP);
        Event.RemovedFromGroup removed = new Event.RemovedFromGroup(new Origin(nextUpdate++, USER, GROUP_ID, "en", NOW));

        Transition t = engine.handle(s, removed);

        assertThat(t.session()).isEqualTo(s);
        assertThat(t.effects()).containsExactly(new Effect.ForgetGroup(GROUP_ID));
        assertThat(engine.replay(s, removed)).containsExactly(new Effect.ForgetGroup(GROUP_ID));
        assertThat(engine.apology(removed)).isEmpty();
    }

    @Test
    void aReplayedGroupCommandAnswersInTheGroupNeverWithAPrivateView() {
        Session s = withResult(Pattern.PURSUER);

        List<Effect> replayed = engine.replay(s, groupCommand("help", "en"));

        assertThat(replayed).singleElement().satisfies(e -> assertThat(((Send) e).message().html()).contains("/quiz@"));
        assertThat(engine.apology(groupCommand("quiz", "en"))).isEmpty();
    }

    @Test
    void aValidInviteIsRememberedAndTheTestIsOffered() {
        Transition t = engine.handle(Session.NEW, start(Optional.of(GROUP)));

        assertThat(t.session().group()).isEqualTo(GROUP);
        assertThat(t.effects()).hasSize(2);
        assertThat(((Send) t.effects().get(0)).message().html()).contains("Tom &amp; Jerry &lt;fans&gt;");
        assertThat(actions(((Send) t.effects().get(1)).message())).containsExactly(new Action.StartQuiz());
    }

    @Test
    void anInvalidInviteGetsAFriendlyNoteAndTheWelcomeAndRemembersNothing() {
        Transition t = engine.handle(Session.NEW, start(Optional.empty()));

        assertThat(t.session()).isEqualTo(Session.NEW);
        assertThat(((Send) t.effects().get(0)).message().html()).contains("not valid any more");
        assertThat(actions(((Send) t.effects().get(1)).message())).containsExactly(new Action.StartQuiz());
    }

    @Test
    void aUserWithAResultWhoOpensAnInviteIsAskedAtOnce() {
        Transition t = engine.handle(withResult(Pattern.DISTANCER), start(Optional.of(GROUP)));

        Send ask = single(t, Send.class);
        assertThat(actions(ask.message())).containsExactly(new GroupShare(Choice.NAMED, GROUP_ID),
                new GroupShare(Choice.ANONYMOUS, GROUP_ID), new GroupShare(Choice.NO, GROUP_ID));
    }

    @Test
    void finishingTheTestWithARememberedGroupShowsTheProfileAndAsksWithTheTitleEscaped() {
        Session s = Session.NEW.withGroup(GROUP).withQuiz(new Session.QuizRun(QUIZ.version(), "r1", List.of()));
        Transition t = null;
        for (int step = 0; step < QUIZ.size(); step++) {
            t = engine.handle(s, press(new Action.Answer("r1", step, 2)));
            s = t.session();
        }

        assertThat(s.result()).isNotNull();
        assertThat(s.group()).isEqualTo(GROUP);
        assertThat(single(t, Edit.class).message().html()).contains(TEXTS.t(Lang.EN, "profile.title"));
        Send ask = single(t, Send.class);
        assertThat(ask.message().html()).isEqualTo("Share your result in <b>Tom &amp; Jerry &lt;fans&gt;</b>?");
        assertThat(ask.message().keyboard()).flatExtracting(row -> row).extracting(Message.Button::label)
                .containsExactly("Yes, with my name", "Yes, as \"a friend\"", "No, thanks");
        assertThat(t.effects()).noneMatch(e -> e instanceof PostToGroup);
    }

    @Test
    void finishingTheTestWithoutARememberedGroupAsksNothing() {
        Session s = Session.NEW.withQuiz(new Session.QuizRun(QUIZ.version(), "r1", List.of()));
        Transition t = null;
        for (int step = 0; step < QUIZ.size(); step++) {
            t = engine.handle(s, press(new Action.Answer("r1", step, 2)));
            s = t.session();
        }

        assertThat(t.effects()).noneMatch(e -> e instanceof Send);
    }

    @Test
    void yesWithMyNamePostsTheCardWithTheNameToTheGroupAndForgetsTheGroup() {
        Session s = withResult(Pattern.DISTANCER).withGroup(GROUP);

        Transition t = engine.handle(s, press(new GroupShare(Choice.NAMED, GROUP_ID)));

        PostToGroup post = single(t, PostToGroup.class);
        assertThat(t.session().group()).isNull();
        assertThat(post.groupId()).isEqualTo(GROUP_ID);
        assertThat(post.userId()).isEqualTo(USER);
        assertThat(post.card().profile()).isEqualTo(s.result().profile());
        assertThat(post.captionHtml()).contains("<b>Ann &amp; Co</b>").contains("Distancer").contains("/quiz@cb_test_bot");
        assertThat(post.posted().html()).contains("Posted in <b>Tom &amp; Jerry &lt;fans&gt;</b>");
        assertThat(post.refused().html()).contains("couldn't post in <b>Tom &amp; Jerry &lt;fans&gt;</b>");
        assertThat(single(t, Edit.class).message().keyboard()).isEmpty();
    }

    @Test
    void yesAsAFriendPostsWithoutTheName() {
        Transition t = engine.handle(withResult(Pattern.PURSUER).withGroup(GROUP), press(new GroupShare(Choice.ANONYMOUS, GROUP_ID)));

        PostToGroup post = single(t, PostToGroup.class);
        assertThat(post.captionHtml()).doesNotContain("Ann").contains("A friend");
    }

    @Test
    void noThanksForgetsTheGroupAndPostsNothing() {
        Transition t = engine.handle(withResult(Pattern.PURSUER).withGroup(GROUP), press(new GroupShare(Choice.NO, GROUP_ID)));

        assertThat(t.session().group()).isNull();
        assertThat(t.effects()).noneMatch(e -> e instanceof PostToGroup);
        assertThat(single(t, Edit.class).message().html()).contains("kept private");
    }

    @Test
    void aDoubleTapOrAReplayOfYesPostsOnlyOnce() {
        Session s = withResult(Pattern.PURSUER).withGroup(GROUP);
        Event.ButtonPressed yes = press(new GroupShare(Choice.NAMED, GROUP_ID));
        Transition first = engine.handle(s, yes);

        Transition secondTap = engine.handle(first.session(), press(new GroupShare(Choice.NAMED, GROUP_ID)));
        List<Effect> replay = engine.replay(first.session(), yes);

        List<Effect> all = new ArrayList<>(first.effects());
        all.addAll(secondTap.effects());
        all.addAll(replay);
        assertThat(all).filteredOn(e -> e instanceof PostToGroup).hasSize(1);
        assertThat(secondTap.session()).isEqualTo(first.session());
        assertThat(replay).singleElement().isInstanceOf(Effect.AnswerButton.class);
    }

    @Test
    void aPressUnderAQuestionAboutAnotherGroupPostsNothing() {
        Session s = withResult(Pattern.PURSUER).withGroup(GROUP);

        Transition t = engine.handle(s, press(new GroupShare(Choice.NAMED, -42L)));

        assertThat(t.session()).isEqualTo(s);
        assertThat(t.effects()).noneMatch(e -> e instanceof PostToGroup);
    }

    @Test
    void forgetErasesTheRememberedGroupWithTheSession() {
        Transition t = engine.handle(withResult(Pattern.PURSUER).withGroup(GROUP), press(new Action.ConfirmForget()));

        assertThat(t.session()).isEqualTo(Session.NEW);
        assertThat(t.erases()).isTrue();
    }

    Session withResult(Pattern p) {
        return Session.NEW.withResult(new Session.Result(QUIZ.version(), new Profile(30, 70, p)));
    }

    Event.GroupCommand groupCommand(String name, String lang) {
        return new Event.GroupCommand(new Origin(nextUpdate++, USER, GROUP_ID, lang, NOW, "Ann"), name, GROUP.title());
    }

    Event.Command start(Optional<Group> group) {
        return new Event.Command(new Origin(nextUpdate++, USER, USER, "en", NOW, "Ann"), "start", "g_" + TOKEN,
                Optional.empty(), group);
    }

    Event.ButtonPressed press(Action a) {
        return new Event.ButtonPressed(new Origin(nextUpdate++, USER, USER, "en", NOW, "Ann & Co"), "cb" + nextUpdate, 9,
                Optional.of(a));
    }
}
