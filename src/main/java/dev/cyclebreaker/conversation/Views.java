package dev.cyclebreaker.conversation;

import dev.cyclebreaker.conversation.Message.ActionButton;
import dev.cyclebreaker.conversation.Message.Button;
import dev.cyclebreaker.conversation.Message.CopyButton;
import dev.cyclebreaker.i18n.Html;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.sharing.CardKey;
import dev.cyclebreaker.sharing.CardText;
import java.util.ArrayList;
import java.util.List;

/** Renders the screens of the conversation from the bundles. Pure. */
final class Views {
    private static final int BAR_CELLS = 10;

    private final QuizDefinition quiz;
    private final Texts texts;
    private final BotIdentity bot;

    Views(QuizDefinition quiz, Texts texts, BotIdentity bot) {
        this.quiz = quiz;
        this.texts = texts;
        this.bot = bot;
    }

    Message welcome(Lang l) {
        return new Message(texts.t(l, "welcome", "count", quiz.size()),
                List.of(List.of(button(l, "button.start_test", new Action.StartQuiz()))));
    }

    /** The question at the run's current step, optionally preceded by a short notice (already HTML). */
    Message question(Lang l, Session.QuizRun run, String noticeHtml) {
        int step = run.step();
        String item = quiz.items().get(step).id();
        StringBuilder html = new StringBuilder();
        if (noticeHtml != null) {
            html.append(noticeHtml).append("\n\n");
        }
        html.append(texts.t(l, "quiz.progress", "n", step + 1, "total", quiz.size()))
                .append('\n').append(texts.t(l, "quiz.item." + item))
                .append("\n\n<i>").append(texts.t(l, "quiz.scale_hint")).append("</i>");
        List<List<Button>> rows = new ArrayList<>();
        for (int choice = 1; choice <= quiz.points(); choice++) {
            rows.add(List.of(button(l, "quiz.scale." + choice, new Action.Answer(run.run(), step, choice))));
        }
        if (step > 0) {
            rows.add(List.of(button(l, "button.back", new Action.Back(run.run(), step))));
        }
        return new Message(html.toString(), rows);
    }

    Message resume(Lang l, Session.QuizRun run) {
        return new Message(texts.t(l, "quiz.resume", "n", run.step() + 1, "total", quiz.size()),
                List.of(List.of(button(l, "button.continue", new Action.ContinueQuiz()),
                        button(l, "button.start_over", new Action.RestartQuiz()))));
    }

    Message profile(Lang l, Profile p) {
        return profile(l, p, null);
    }

    /** The result; with {@code friend}, the pattern of a result link the user opened, how the two meet. */
    Message profile(Lang l, Profile p, Pattern friend) {
        String key = "pattern." + p.pattern().key();
        String html = texts.t(l, "profile.title") + "\n\n"
                + bar(l, "profile.label.pursuit", p.pursuit()) + "\n"
                + bar(l, "profile.label.distance", p.distance()) + "\n\n"
                + texts.t(l, "profile.your_pattern", "pattern", texts.t(l, key + ".name")) + "\n"
                + texts.t(l, key + ".summary") + "\n\n"
                + texts.t(l, key + ".explain") + "\n\n"
                + (friend == null ? "" : comparison(l, p.pattern(), friend) + "\n\n")
                + "<i>" + texts.t(l, "profile.strategies_note") + "</i>\n\n"
                + texts.t(l, "profile.safety_note");
        return new Message(html, List.of(
                List.of(button(l, "button.playbook", new Action.ShowPlaybook())),
                List.of(button(l, "button.share", new Action.ShareMenu()), button(l, "button.card", new Action.ShowCard())),
                List.of(button(l, "button.retake", new Action.RestartQuiz()))));
    }

    String comparison(Lang l, Pattern mine, Pattern theirs) {
        return texts.t(l, "compare.title", "mine", texts.t(l, "pattern." + mine.key() + ".name"),
                "theirs", texts.t(l, "pattern." + theirs.key() + ".name")) + "\n" + texts.t(l, "compare." + meeting(mine, theirs));
    }

    private static String meeting(Pattern a, Pattern b) {
        if (a == Pattern.PURSUER && b == Pattern.DISTANCER || a == Pattern.DISTANCER && b == Pattern.PURSUER) {
            return "pursuer_distancer";
        }
        if (a == b) {
            return "same";
        }
        if (a == Pattern.STEADY || b == Pattern.STEADY) {
            return "steady";
        }
        return "mixed";
    }

    /** The words of the result card picture, in the user's language. */
    CardKey card(Lang l, Profile p) {
        return new CardKey(p, new CardText(texts.t(l, "card.title"), texts.t(l, "pattern." + p.pattern().key() + ".name"),
                texts.t(l, "profile.label.pursuit"), texts.t(l, "profile.label.distance"),
                texts.t(l, "pattern.pursuer.name"), texts.t(l, "pattern.distancer.name"),
                texts.t(l, "pattern.pursue_and_retreat.name"), texts.t(l, "pattern.steady.name"),
                texts.t(l, "pattern.mixed.name"), "@" + bot.username()));
    }

    /** Asks how the sharer wants to appear on the card their friends see. */
    Message shareChoice(Lang l, String firstName) {
        List<List<Button>> rows = new ArrayList<>();
        if (firstName != null && !firstName.isBlank()) {
            rows.add(List.of(new ActionButton(texts.t(l, "button.share_named", "name", new Texts.Raw(firstName)),
                    new Action.Share(true))));
        }
        rows.add(List.of(button(l, "button.share_anonymous", new Action.Share(false))));
        return new Message(texts.t(l, "share.choose"), rows);
    }

    /**
     * The link to a published result: copy it, or pass it on through Telegram's own chat picker, which opens our
     * inline mode there (an empty query: the picker then offers the user's result card with its link).
     */
    Message shareLink(Lang l, String token) {
        String link = bot.resultLink(token);
        return new Message(texts.t(l, "share.link", "link", link), List.of(
                List.of(new CopyButton(texts.t(l, "button.copy_link"), link)),
                List.of(new Message.SwitchInlineButton(texts.t(l, "button.share_on"), ""))));
    }

    /** The answer to {@code /quiz@bot} in a group: one URL button into the private chat, carrying the invite. */
    Message groupInvite(Lang l, String token) {
        return new Message(texts.t(l, "group.invite"), List.of(List.of(new Message.UrlButton(
                texts.t(l, "button.group_take_test"), bot.deepLink(Event.Command.GROUP_LINK + token)))));
    }

    Message groupHelp(Lang l) {
        return Message.text(texts.t(l, "group.help", "bot", bot.username()));
    }

    /** Asked in private once the test is done: post the result in the group the user came from? */
    Message groupAsk(Lang l, Group g, String firstName) {
        List<List<Button>> rows = new ArrayList<>();
        if (firstName != null && !firstName.isBlank()) {
            rows.add(List.of(button(l, "button.group_named", new Action.GroupShare(Action.GroupShare.Choice.NAMED, g.id()))));
        }
        rows.add(List.of(button(l, "button.group_anonymous", new Action.GroupShare(Action.GroupShare.Choice.ANONYMOUS, g.id()))));
        rows.add(List.of(button(l, "button.group_no", new Action.GroupShare(Action.GroupShare.Choice.NO, g.id()))));
        return new Message(groupText(l, "group.ask", g), rows);
    }

    /** A short line about the group; its title, which may hold anything, is escaped by {@link Texts#t}. */
    String groupText(Lang l, String key, Group g) {
        return texts.t(l, key, "group", g.title());
    }

    /** When Telegram did not confirm a post: how to try again, as the post is never repeated by itself. */
    String groupPostUnconfirmed(Lang l, Group g) {
        return texts.t(l, "group.post_unconfirmed", "group", g.title(), "bot", bot.username());
    }

    /** The caption under a result card posted in a group: the first name only when the user chose it. */
    String groupCaption(Lang l, Profile p, String firstName) {
        String pattern = texts.t(l, "pattern." + p.pattern().key() + ".name");
        return firstName == null || firstName.isBlank()
                ? texts.t(l, "group.caption_anonymous", "pattern", pattern, "bot", bot.username())
                : texts.t(l, "group.caption_named", "name", firstName, "pattern", pattern, "bot", bot.username());
    }

    List<Effect.InlineArticle> inlineArticles(Lang l, java.util.Optional<SharedResult> share, String token) {
        if (share.isPresent()) {
            SharedResult r = share.get();
            Message card = sharedCard(l, r);
            Message withLink = new Message(card.html(), List.of(List.of(new Message.UrlButton(
                    texts.t(l, "button.take_the_test"), bot.deepLink(Event.Command.RESULT_LINK + token)))));
            return List.of(new Effect.InlineArticle("share", texts.t(l, "inline.share_title"),
                    texts.t(l, "pattern." + r.profile().pattern().key() + ".name"), withLink));
        }
        Message invite = new Message(texts.t(l, "inline.invite_text"), List.of(List.of(new Message.UrlButton(
                texts.t(l, "button.take_the_test"), bot.deepLink("inline")))));
        return List.of(new Effect.InlineArticle("invite", texts.t(l, "inline.invite_title"),
                texts.t(l, "inline.invite_description"), invite));
    }

    /** What a friend sees on opening a result link. */
    Message sharedCard(Lang l, SharedResult r) {
        Profile p = r.profile();
        String key = "pattern." + p.pattern().key();
        Object who = r.sharerName() == null ? new Texts.Raw(texts.t(l, "share.a_friend")) : r.sharerName();
        String html = texts.t(l, "share.card_title", "name", who) + "\n\n"
                + bar(l, "profile.label.pursuit", p.pursuit()) + "\n"
                + bar(l, "profile.label.distance", p.distance()) + "\n\n"
                + texts.t(l, "share.card_pattern", "pattern", new Texts.Raw(texts.t(l, key + ".name"))) + "\n"
                + texts.t(l, key + ".summary") + "\n\n"
                + texts.t(l, "share.card_invite");
        return new Message(html, List.of(List.of(button(l, "button.take_it_yourself", new Action.StartQuiz()))));
    }

    Message noProfile(Lang l, String key) {
        return new Message(texts.t(l, key), List.of(List.of(button(l, "button.start_test", new Action.StartQuiz()))));
    }

    Message playbook(Lang l, Profile p) {
        StringBuilder html = new StringBuilder(texts.t(l, "playbook.title"));
        for (String section : sections(p.pattern())) {
            html.append("\n\n").append(texts.t(l, "playbook." + section));
        }
        html.append("\n\n").append(texts.t(l, "playbook.pact"))
                .append("\n\n").append(texts.t(l, "playbook.try_this"));
        List<List<Button>> rows = new ArrayList<>();
        List<String> phrases = phrases(p.pattern());
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = texts.t(l, phrases.get(i));
            html.append("\n").append(i + 1).append(". <code>").append(Html.escape(phrase)).append("</code>");
            rows.add(List.of(new CopyButton(texts.t(l, "button.copy", "n", i + 1), phrase)));
        }
        List<Button> tools = new ArrayList<>();
        if (sections(p.pattern()).contains("pursuer")) {
            tools.add(button(l, "button.wait", new Action.StartWait()));
        }
        if (sections(p.pattern()).contains("distancer")) {
            tools.add(button(l, "button.pause", new Action.PauseMenu()));
        }
        if (!tools.isEmpty()) {
            rows.add(tools);
        }
        rows.add(List.of(button(l, "button.profile", new Action.ShowProfile())));
        return new Message(html.toString(), rows);
    }

    Message languageChoice(Lang l) {
        return new Message(texts.t(l, "lang.choose"), List.of(List.of(
                new ActionButton(texts.t(l, "lang.name.en"), new Action.SetLang(Lang.EN)),
                new ActionButton(texts.t(l, "lang.name.zh"), new Action.SetLang(Lang.ZH)))));
    }

    Message forgetConfirm(Lang l) {
        return new Message(texts.t(l, "forget.confirm"), List.of(List.of(
                button(l, "button.forget_yes", new Action.ConfirmForget()),
                button(l, "button.forget_no", new Action.CancelForget()))));
    }

    Message plain(Lang l, String key) {
        return Message.text(texts.t(l, key));
    }

    String text(Lang l, String key) {
        return texts.t(l, key);
    }

    private String bar(Lang l, String labelKey, int score) {
        int filled = Math.round(score * BAR_CELLS / 100f);
        String cells = "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
        return texts.t(l, "profile.bar", "label", texts.t(l, labelKey), "bar", cells, "score", score);
    }

    private ActionButton button(Lang l, String key, Action action) {
        return new ActionButton(texts.t(l, key), action);
    }

    private static List<String> sections(Pattern p) {
        return switch (p) {
            case PURSUER -> List.of("pursuer");
            case DISTANCER -> List.of("distancer");
            case PURSUE_AND_RETREAT, MIXED -> List.of("pursuer", "distancer");
            case STEADY -> List.of("steady");
        };
    }

    private static List<String> phrases(Pattern p) {
        return switch (p) {
            case PURSUER -> List.of("phrase.pursuer.1", "phrase.pursuer.2", "phrase.pursuer.3", "phrase.pact.1");
            case DISTANCER -> List.of("phrase.distancer.1", "phrase.distancer.2", "phrase.distancer.3", "phrase.pact.1");
            case PURSUE_AND_RETREAT, MIXED -> List.of("phrase.pursuer.1", "phrase.distancer.1", "phrase.pact.1");
            case STEADY -> List.of("phrase.pact.1", "phrase.pact.2");
        };
    }
}
