package dev.cyclebreaker.conversation;

import static dev.cyclebreaker.conversation.EngineTest.QUIZ;
import static dev.cyclebreaker.conversation.EngineTest.TEXTS;
import static dev.cyclebreaker.conversation.EngineTest.USER;
import static dev.cyclebreaker.conversation.EngineTest.actions;
import static dev.cyclebreaker.conversation.EngineTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Effect.AnswerButton;
import dev.cyclebreaker.conversation.Effect.PublishShare;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Result links in the engine: sharing, opening one, the comparison, and links that do not work. */
class SharingTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

    final Engine engine = new Engine(QUIZ, TEXTS, new BotIdentity("cb_test_bot"));
    long nextUpdate = 1;

    @Test
    void theProfileOffersToShareTheResult() {
        Session s = withResult(Pattern.DISTANCER);

        Send profile = (Send) engine.handle(s, command("profile", "", Optional.empty())).effects().get(0);

        assertThat(actions(profile.message())).contains(new Action.ShareMenu());
    }

    @Test
    void shareAsksWhetherToShowTheFirstNameAndOffersAFriendByDefault() {
        Transition t = engine.handle(withResult(Pattern.PURSUER), press(new Action.ShareMenu(), "Ann"));

        Send ask = single(t, Send.class);
        assertThat(actions(ask.message())).containsExactly(new Action.Share(true), new Action.Share(false));
        assertThat(ask.message().keyboard().get(0).get(0).label()).contains("Ann");
    }

    @Test
    void sharingNamedPublishesTheFirstNameAndAnonymouslyDoesNot() {
        Session s = withResult(Pattern.PURSUER);

        PublishShare named = single(engine.handle(s, press(new Action.Share(true), "Ann")), PublishShare.class);
        PublishShare anonymous = single(engine.handle(s, press(new Action.Share(false), "Ann")), PublishShare.class);

        assertThat(named.result()).isEqualTo(new SharedResult(s.result().profile(), QUIZ.version(), "Ann"));
        assertThat(anonymous.result().sharerName()).isNull();
        assertThat(named.userId()).isEqualTo(USER);
    }

    @Test
    void sharingWithoutAResultOffersTheTestAndPublishesNothing() {
        Transition t = engine.handle(Session.NEW, press(new Action.Share(false), "Ann"));

        assertThat(t.effects()).noneMatch(e -> e instanceof PublishShare);
        assertThat(single(t, AnswerButton.class)).isNotNull();
    }

    @Test
    void theShareLinkIsADeepLinkToTheBotWithACopyButton() {
        Message m = engine.shareLink(Lang.EN, TOKEN);

        assertThat(m.html()).contains("https://t.me/cb_test_bot?start=r_" + TOKEN);
        assertThat(m.keyboard()).flatExtracting(row -> row).anyMatch(b -> b instanceof Message.CopyButton c
                && c.textToCopy().equals("https://t.me/cb_test_bot?start=r_" + TOKEN));
    }

    @Test
    void withResultPagesTheShareLinkIsThePageWhichPreviewsWithTheCard() {
        Engine withPages = new Engine(QUIZ, TEXTS, new BotIdentity("cb_test_bot", "https://cb.example.org"));

        Message m = withPages.shareLink(Lang.EN, TOKEN);

        assertThat(m.html()).contains("https://cb.example.org/r/" + TOKEN).doesNotContain("t.me");
        assertThat(m.keyboard()).flatExtracting(row -> row).anyMatch(b -> b instanceof Message.CopyButton c
                && c.textToCopy().equals("https://cb.example.org/r/" + TOKEN));
    }

    @Test
    void theShareLinkOpensTelegramsChatPickerWithOurInlineModeAndKeepsTheLinkInTheText() {
        Message m = engine.shareLink(Lang.ZH, TOKEN);

        assertThat(m.html()).contains("https://t.me/cb_test_bot?start=r_" + TOKEN);
        assertThat(m.keyboard()).flatExtracting(row -> row).contains(
                new Message.SwitchInlineButton(TEXTS.t(Lang.ZH, "button.share_on"), ""));
        assertThat(m.keyboard()).flatExtracting(row -> row).noneMatch(b -> b instanceof Message.UrlButton);
    }

    @Test
    void openingALinkShowsTheCardAndRemembersOnlyThePattern() {
        SharedResult shared = new SharedResult(new Profile(81, 22, Pattern.PURSUER), QUIZ.version(), "Ann");

        Transition t = engine.handle(Session.NEW, command("start", "r_" + TOKEN, Optional.of(shared)));

        Send card = single(t, Send.class);
        assertThat(card.message().html()).contains("Ann").contains("81").contains("22")
                .contains(TEXTS.t(Lang.EN, "pattern.pursuer.name")).contains(TEXTS.t(Lang.EN, "pattern.pursuer.summary"));
        assertThat(actions(card.message())).containsExactly(new Action.StartQuiz());
        assertThat(t.session().friend()).isEqualTo(Pattern.PURSUER);
    }

    @Test
    void aNameWithAnAmpersandIsEscapedOnceOnTheCardAndNotAtAllOnTheButton() {
        // regression: the name was escaped before Texts escaped it again ("Tom &amp;amp; Jerry")
        Send ask = single(engine.handle(withResult(Pattern.PURSUER), press(new Action.ShareMenu(), "Tom & <Jerry>")),
                Send.class);
        assertThat(ask.message().keyboard().get(0).get(0).label()).contains("Tom & <Jerry>");

        SharedResult shared = new SharedResult(new Profile(81, 22, Pattern.PURSUER), QUIZ.version(), "Tom & <Jerry>");
        Send card = single(engine.handle(Session.NEW, command("start", "r_" + TOKEN, Optional.of(shared))), Send.class);
        assertThat(card.message().html()).contains("Tom &amp; &lt;Jerry&gt;").doesNotContain("&amp;amp;");
    }

    @Test
    void anAnonymousCardSaysAFriendInBothLanguages() {
        SharedResult shared = new SharedResult(new Profile(10, 90, Pattern.DISTANCER), QUIZ.version(), null);

        Send en = single(engine.handle(Session.NEW, command("start", "r_" + TOKEN, Optional.of(shared))), Send.class);
        Send zh = single(engine.handle(Session.NEW, commandIn("zh-hans", "r_" + TOKEN, Optional.of(shared))), Send.class);

        assertThat(en.message().html()).contains(TEXTS.t(Lang.EN, "share.a_friend"));
        assertThat(zh.message().html()).contains(TEXTS.t(Lang.ZH, "share.a_friend")).contains("退避者");
    }

    @Test
    void anInvalidLinkGetsAFriendlyNoteAndTheWelcome() {
        Transition t = engine.handle(Session.NEW, command("start", "r_forged", Optional.empty()));

        assertThat(t.effects()).hasSize(2);
        assertThat(((Send) t.effects().get(0)).message().html()).isEqualTo(TEXTS.t(Lang.EN, "share.invalid"));
        assertThat(((Send) t.effects().get(1)).message().html()).isEqualTo(TEXTS.t(Lang.EN, "welcome", "count", QUIZ.size()));
        assertThat(t.session()).isEqualTo(Session.NEW);
    }

    @Test
    void afterOpeningALinkTheProfileComparesBothPatterns() {
        Session s = withResult(Pattern.DISTANCER).withFriend(Pattern.PURSUER);

        Send profile = (Send) engine.handle(s, command("profile", "", Optional.empty())).effects().get(0);

        assertThat(profile.message().html())
                .contains(TEXTS.t(Lang.EN, "compare.title", "mine", "Distancer", "theirs", "Pursuer"))
                .contains(TEXTS.t(Lang.EN, "compare.pursuer_distancer"));
    }

    @Test
    void everyPairOfPatternsHasAComparisonInBothLanguages() {
        Views views = new Views(QUIZ, TEXTS, new BotIdentity("b"));
        for (Lang l : Lang.values()) {
            for (Pattern a : Pattern.values()) {
                for (Pattern b : Pattern.values()) {
                    assertThat(views.comparison(l, a, b)).isNotBlank();
                }
            }
        }
    }

    @Test
    void forgetDropsTheFriendsPatternToo() {
        Session s = withResult(Pattern.DISTANCER).withFriend(Pattern.PURSUER);

        Transition t = engine.handle(s, press(new Action.ConfirmForget(), null));

        assertThat(t.erases()).isTrue();
        assertThat(t.session().friend()).isNull();
    }

    @Test
    void theFriendsPatternSurvivesTheCodec() {
        SessionCodec codec = new SessionCodec();
        Session s = withResult(Pattern.DISTANCER).withFriend(Pattern.PURSUE_AND_RETREAT);

        assertThat(codec.decode(codec.encode(s))).isEqualTo(s);
        assertThat(codec.decode(codec.encode(Session.NEW)).friend()).isNull();
    }

    @Test
    void anInlineQueryFromAUserWithAResultOffersTheirResultWithALink() {
        Session s = withResult(Pattern.DISTANCER);
        Event.InlineQuery q = new Event.InlineQuery(new Origin(nextUpdate++, USER, USER, "en", NOW, "Ann"), "iq1", "hi");

        Transition t = engine.handle(s, q);

        Effect.AnswerInline a = single(t, Effect.AnswerInline.class);
        assertThat(a.share()).contains(new SharedResult(s.result().profile(), QUIZ.version(), "Ann"));
        assertThat(t.session()).isEqualTo(s);
        List<Effect.InlineArticle> articles = engine.inlineArticles(Lang.EN, a.share(), TOKEN);
        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo(TEXTS.t(Lang.EN, "inline.share_title"));
            assertThat(article.message().keyboard().get(0).get(0)).isEqualTo(new Message.UrlButton(
                    TEXTS.t(Lang.EN, "button.take_the_test"), "https://t.me/cb_test_bot?start=r_" + TOKEN));
        });
    }

    @Test
    void anInlineQueryWithoutAResultInvitesToTheTestWhateverItsText() {
        String longest = "回".repeat(300) + "\u0000<b>";
        Event.InlineQuery q = new Event.InlineQuery(new Origin(nextUpdate++, USER, USER, "zh-hans", NOW), "iq2", longest);

        Effect.AnswerInline a = single(engine.handle(Session.NEW, q), Effect.AnswerInline.class);

        assertThat(q.query()).hasSize(Event.InlineQuery.MAX_QUERY);
        assertThat(a.share()).isEmpty();
        assertThat(engine.inlineArticles(Lang.ZH, a.share(), null)).singleElement()
                .satisfies(article -> assertThat(article.title()).isEqualTo(TEXTS.t(Lang.ZH, "inline.invite_title")));
    }

    @Test
    void aReplayedInlineQueryIsAnsweredAgainAndSendsNothingToTheChat() {
        Event.InlineQuery q = new Event.InlineQuery(new Origin(nextUpdate++, USER, USER, "en", NOW), "iq3", "");

        assertThat(engine.replay(Session.NEW, q)).singleElement().isInstanceOf(Effect.AnswerInline.class);
        assertThat(engine.apology(q)).isEmpty();
    }

    Session withResult(Pattern p) {
        return Session.NEW.withResult(new Session.Result(QUIZ.version(), new Profile(30, 70, p)));
    }

    Event.Command command(String name, String payload, Optional<SharedResult> shared) {
        return new Event.Command(new Origin(nextUpdate++, USER, USER, "en", NOW), name, payload, shared);
    }

    Event.Command commandIn(String lang, String payload, Optional<SharedResult> shared) {
        return new Event.Command(new Origin(nextUpdate++, USER, USER, lang, NOW), "start", payload, shared);
    }

    Event.ButtonPressed press(Action a, String firstName) {
        return new Event.ButtonPressed(new Origin(nextUpdate++, USER, USER, "en", NOW, firstName), "cb" + nextUpdate, 9,
                Optional.of(a));
    }

    static List<Action> all(Message m) {
        return actions(m);
    }
}
