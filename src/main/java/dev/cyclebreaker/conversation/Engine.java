package dev.cyclebreaker.conversation;

import dev.cyclebreaker.conversation.Action.Answer;
import dev.cyclebreaker.conversation.Action.Back;
import dev.cyclebreaker.conversation.Effect.AnswerButton;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.EraseUser;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.conversation.Event.ButtonPressed;
import dev.cyclebreaker.conversation.Event.Command;
import dev.cyclebreaker.conversation.Event.ReminderDue;
import dev.cyclebreaker.conversation.Event.TextReceived;
import dev.cyclebreaker.conversation.Event.Unsupported;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.quiz.QuizDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conversation as a pure function: {@code (session, event) -> transition}. No I/O, no clock,
 * no randomness: a run id comes from the update id that started it, time from the event's
 * {@link Origin#at}. The coaching tools live in {@link Coach}.
 *
 * <p>Every button press yields exactly one {@link AnswerButton}, so the client's spinner always stops.
 */
public final class Engine {
    /** Telegram never delivers more in one message; anything longer is not from a real client. */
    static final int MAX_TEXT = 4096;

    private final QuizDefinition quiz;
    private final Views views;
    private final Coach coach;

    /** For tests: a bot named {@code CycleBreakerBot}. */
    public Engine(QuizDefinition quiz, Texts texts) {
        this(quiz, texts, new BotIdentity("CycleBreakerBot"));
    }

    public Engine(QuizDefinition quiz, Texts texts, BotIdentity bot) {
        this.quiz = quiz;
        this.views = new Views(quiz, texts, bot);
        this.coach = new Coach(texts);
    }

    public Transition handle(Session session, Event event) {
        if (event instanceof Event.GroupCommand g) {
            return new Transition(session, groupCommand(g));
        }
        if (event instanceof Event.RemovedFromGroup r) {
            // the user who removed the bot keeps their session as it is
            return new Transition(session, List.of(new Effect.ForgetGroup(r.origin().chatId())));
        }
        Session s = Coach.prune(session, event.origin().at());
        Lang lang = s.langOr(event.origin().languageCode());
        String notice = null;
        if (s.quiz() != null && !s.quiz().version().equals(quiz.version())) {
            // The test changed under an unfinished run: say so and start again from the first question.
            s = s.withQuiz(newRun(event));
            notice = views.text(lang, "quiz.version_changed");
        }
        if (event instanceof Command c) {
            return command(s, lang, c, notice);
        }
        if (event instanceof ButtonPressed b) {
            return button(s, lang, b, notice);
        }
        if (event instanceof TextReceived t) {
            return text(s, lang, t, notice);
        }
        if (event instanceof ReminderDue d) {
            return coach.due(s, lang, d);
        }
        if (event instanceof Event.InlineQuery q) {
            Optional<SharedResult> share = s.result() == null ? Optional.empty()
                    : Optional.of(new SharedResult(s.result().profile(), s.result().quizVersion(), q.origin().firstName()));
            return new Transition(s, List.of(new Effect.AnswerInline(q.queryId(), q.origin().userId(), lang, share)));
        }
        if (event instanceof Event.Blocked) {
            // Nobody to remind: keep their result, drop their promises, say nothing.
            return new Transition(s.withReminders(List.of()).withFlow(null), Coach.cancelAll(s, event.origin().userId()));
        }
        return unsupported(s, lang, (Unsupported) event, notice);
    }

    /**
     * What to show for an update that was applied already (a replay): the current view, so a
     * crash between commit and send still leaves the user with a working screen; and every
     * unfired reminder scheduled again (idempotent), so a crash between commit and scheduling
     * loses no reminder.
     */
    public List<Effect> replay(Session s, Event event) {
        if (event instanceof Event.InlineQuery || event instanceof Event.GroupCommand
                || event instanceof Event.RemovedFromGroup) {
            // changes nothing, and a private view must not land in the user's chat (nor in a group)
            return handle(s, event).effects();
        }
        Lang lang = s.langOr(event.origin().languageCode());
        long chat = event.origin().chatId();
        Message view = currentView(s, lang);
        List<Effect> effects = new ArrayList<>();
        if (event instanceof ButtonPressed b) {
            effects.add(new AnswerButton(b.callbackId(), null));
            if (b.action().filter(a -> a instanceof Action.GroupShare).isPresent()) {
                // answered already: the post, if any, went with the transition that cleared the group
                return List.copyOf(effects);
            }
            if (b.action().filter(Coach::handles).isEmpty()) {
                // a coaching message (a reminder, a check-in) is not a view of the test: leave it as it is
                effects.add(new Edit(chat, b.messageId(), view));
            }
        } else {
            effects.add(new Send(chat, view));
        }
        effects.addAll(Coach.rescheduleAll(s, event.origin().userId()));
        return List.copyOf(effects);
    }

    /** What to say when handling an event failed on our side (a bug): sorry, try again. */
    public List<Effect> apology(Event event) {
        if (event instanceof Event.InlineQuery || event instanceof Event.GroupCommand
                || event instanceof Event.RemovedFromGroup) {
            return List.of(); // nowhere to say sorry: the picker stays empty, and a group is not the place
        }
        Lang lang = Lang.fromTelegram(event.origin().languageCode());
        Send sorry = new Send(event.origin().chatId(), views.plain(lang, "error.generic"));
        if (event instanceof ButtonPressed b) {
            return List.of(new AnswerButton(b.callbackId(), null), sorry);
        }
        return List.of(sorry);
    }

    private Message currentView(Session s, Lang lang) {
        if (s.quiz() != null && s.quiz().version().equals(quiz.version())) {
            return views.question(lang, s.quiz(), null);
        }
        if (s.result() != null) {
            return views.profile(lang, s.result().profile(), s.friend());
        }
        return views.welcome(lang);
    }

    private Transition command(Session session, Lang lang, Command c, String notice) {
        long chat = c.origin().chatId();
        // a command leaves whatever flow was waiting for text or buttons
        Session s = session.flow() == null ? session : session.withFlow(null);
        if (Coach.COMMANDS.contains(c.name())) {
            return coach.command(s, lang, c);
        }
        if (c.opensResultLink()) {
            return openResultLink(s, lang, c);
        }
        if (c.opensGroupLink()) {
            return openGroupLink(s, lang, c);
        }
        return switch (c.name()) {
            case "start", "quiz" -> {
                if (s.quiz() == null) {
                    if (c.name().equals("start")) {
                        yield new Transition(s, List.of(new Send(chat, views.welcome(lang))));
                    }
                    Session next = s.withQuiz(newRun(c));
                    yield new Transition(next, List.of(new Send(chat, views.question(lang, next.quiz(), null))));
                }
                if (notice != null) {
                    yield new Transition(s, List.of(new Send(chat, views.question(lang, s.quiz(), notice))));
                }
                yield new Transition(s, List.of(new Send(chat, views.resume(lang, s.quiz()))));
            }
            case "profile" -> new Transition(s, s.result() == null
                    ? List.of(new Send(chat, views.noProfile(lang, "profile.none")))
                    : List.of(new Send(chat, views.profile(lang, s.result().profile(), s.friend()))));
            case "playbook" -> new Transition(s, List.of(new Send(chat, s.result() == null
                    ? views.noProfile(lang, "playbook.none") : views.playbook(lang, s.result().profile()))));
            case "lang" -> new Transition(s, List.of(new Send(chat, views.languageChoice(lang))));
            case "help" -> new Transition(s, List.of(new Send(chat, views.plain(lang, "help"))));
            case "forget" -> new Transition(s, List.of(new Send(chat, views.forgetConfirm(lang))));
            default -> new Transition(s, List.of(new Send(chat, views.plain(lang, "unknown_command"))));
        };
    }

    /**
     * {@code /start r_<token>}: the caller resolved the token before the engine ran. A found result is shown as
     * a card and remembered (its pattern only) for the comparison; anything else gets a friendly note and the
     * welcome.
     */
    private Transition openResultLink(Session s, Lang lang, Command c) {
        long chat = c.origin().chatId();
        if (c.shared().isEmpty()) {
            return new Transition(s, List.of(new Send(chat, views.plain(lang, "share.invalid")),
                    new Send(chat, views.welcome(lang))));
        }
        SharedResult shared = c.shared().get();
        return new Transition(s.withFriend(shared.profile().pattern()), List.of(new Send(chat, views.sharedCard(lang, shared))));
    }

    /**
     * A command addressed to us in a group, answered in the group in the language of whoever typed it: an invite
     * into the private chat (its token drawn after the commit), or three lines of help.
     */
    private List<Effect> groupCommand(Event.GroupCommand g) {
        Lang lang = Lang.fromTelegram(g.origin().languageCode());
        if (g.name().equals("help")) {
            return List.of(new Send(g.origin().chatId(), views.groupHelp(lang)));
        }
        if (g.name().equals("quiz") || g.name().equals("start")) {
            return List.of(new Effect.InviteFromGroup(new Group(g.origin().chatId(), g.groupTitle()), lang));
        }
        return List.of();
    }

    /** The invitation posted in a group, for the caller that drew its token. */
    public Message groupInvite(Lang lang, String token) {
        return views.groupInvite(lang, token);
    }

    /**
     * {@code /start g_<token>}: the caller resolved the invite before the engine ran. A valid one is remembered, so
     * that the end of the test asks whether to post the result in that group; a user who has a result is asked
     * at once. Anything else gets a friendly note and the welcome.
     */
    private Transition openGroupLink(Session s, Lang lang, Command c) {
        long chat = c.origin().chatId();
        if (c.group().isEmpty()) {
            return new Transition(s, List.of(new Send(chat, views.plain(lang, "group.invite_invalid")),
                    new Send(chat, s.quiz() != null ? views.resume(lang, s.quiz()) : views.welcome(lang))));
        }
        Group g = c.group().get();
        Session next = s.withGroup(g);
        if (s.quiz() == null && s.result() != null) {
            return new Transition(next, List.of(new Send(chat, views.groupAsk(lang, g, c.origin().firstName()))));
        }
        Send joined = new Send(chat, Message.text(views.groupText(lang, "group.joined", g)));
        return new Transition(next, List.of(joined,
                new Send(chat, s.quiz() != null ? views.resume(lang, s.quiz()) : views.welcome(lang))));
    }

    /**
     * Yes or no to posting the result in the remembered group. Only the press that clears the group posts: a double
     * tap, a replay or a press under an older question finds no (or another) group and changes nothing.
     */
    private Transition groupShare(Session s, Lang lang, ButtonPressed b, Action.GroupShare share) {
        long chat = b.origin().chatId();
        Group g = s.group();
        if (g == null || g.id() != share.groupId()) {
            return answer(s, b, "toast.stale", lang);
        }
        Session next = s.withGroup(null);
        if (share.choice() == Action.GroupShare.Choice.NO || s.result() == null) {
            return answer(next, b, null, lang, new Edit(chat, b.messageId(), views.plain(lang, "group.kept_private")));
        }
        String name = share.choice() == Action.GroupShare.Choice.NAMED ? b.origin().firstName() : null;
        Profile profile = s.result().profile();
        return answer(next, b, null, lang,
                new Edit(chat, b.messageId(), Message.text(views.groupText(lang, "group.ask", g))),
                new Effect.PostToGroup(b.origin().userId(), g.id(), views.card(lang, profile),
                        views.groupCaption(lang, profile, name),
                        Message.text(views.groupText(lang, "group.posted", g)),
                        Message.text(views.groupText(lang, "group.post_failed", g)),
                        Message.text(views.groupPostUnconfirmed(lang, g))));
    }

    /** The inline answer: the user's result with its link ({@code token}), or an invitation to the test. */
    public List<Effect.InlineArticle> inlineArticles(Lang lang, Optional<SharedResult> share, String token) {
        return views.inlineArticles(lang, share, token);
    }

    /** The result card picture of {@code profile} in {@code lang}, as the chat shows it; for the result page too. */
    public dev.cyclebreaker.sharing.CardKey card(Lang lang, dev.cyclebreaker.quiz.Profile profile) {
        return views.card(lang, profile);
    }

    /** The message with a freshly published result link, for the caller that published it. */
    public Message shareLink(Lang lang, String token) {
        return views.shareLink(lang, token);
    }

    private Transition button(Session s, Lang lang, ButtonPressed b, String notice) {
        long chat = b.origin().chatId();
        int msg = b.messageId();
        if (b.action().isEmpty()) {
            return answer(s, b, "toast.invalid", lang, quizScreen(s, lang, notice, chat, msg));
        }
        Action action = b.action().get();
        if (notice != null && (action instanceof Answer || action instanceof Back)) {
            // A button of the old test: its answer would land on a different question.
            return answer(s, b, null, lang, quizScreen(s, lang, notice, chat, msg));
        }
        if (Coach.handles(action)) {
            return coach.button(s, lang, b, action);
        }
        if (action instanceof Action.StartQuiz) {
            Session next = s.quiz() != null ? s : s.withQuiz(newRun(b));
            return answer(next, b, null, lang, new Edit(chat, msg, views.question(lang, next.quiz(), notice)));
        }
        if (action instanceof Action.ContinueQuiz) {
            return s.quiz() == null
                    ? answer(s, b, "toast.stale", lang)
                    : answer(s, b, null, lang, new Edit(chat, msg, views.question(lang, s.quiz(), notice)));
        }
        if (action instanceof Action.RestartQuiz) {
            Session next = s.withQuiz(newRun(b));
            return answer(next, b, null, lang, new Edit(chat, msg, views.question(lang, next.quiz(), null)));
        }
        if (action instanceof Answer a) {
            return answerQuestion(s, lang, b, a);
        }
        if (action instanceof Back back) {
            return goBack(s, lang, b, back);
        }
        if (action instanceof Action.ShowPlaybook) {
            return answer(s, b, null, lang, new Send(chat, s.result() == null
                    ? views.noProfile(lang, "playbook.none") : views.playbook(lang, s.result().profile())));
        }
        if (action instanceof Action.ShowProfile) {
            return answer(s, b, null, lang, new Send(chat, s.result() == null
                    ? views.noProfile(lang, "profile.none") : views.profile(lang, s.result().profile(), s.friend())));
        }
        if (action instanceof Action.SetLang set) {
            Session next = s.withLang(set.lang());
            return answer(next, b, "toast.lang_set", set.lang(), new Edit(chat, msg, currentView(next, set.lang())));
        }
        if (action instanceof Action.ShowCard) {
            // One tap away rather than sent with every result: drawing it is the costliest thing the bot does.
            return s.result() == null
                    ? answer(s, b, "toast.stale", lang)
                    : answer(s, b, null, lang, new Effect.SendCard(chat, views.card(lang, s.result().profile())));
        }
        if (action instanceof Action.ShareMenu) {
            return answer(s, b, null, lang, new Send(chat, s.result() == null
                    ? views.noProfile(lang, "profile.none") : views.shareChoice(lang, b.origin().firstName())));
        }
        if (action instanceof Action.Share share) {
            if (s.result() == null) {
                return answer(s, b, null, lang, new Send(chat, views.noProfile(lang, "profile.none")));
            }
            String name = share.named() ? b.origin().firstName() : null;
            return answer(s, b, null, lang, new Effect.PublishShare(b.origin().userId(), chat, lang,
                    new SharedResult(s.result().profile(), s.result().quizVersion(), name)));
        }
        if (action instanceof Action.GroupShare share) {
            return groupShare(s, lang, b, share);
        }
        if (action instanceof Action.ConfirmForget) {
            // reminders go with the user: cancelled explicitly, before the erase
            List<Effect> effects = new ArrayList<>();
            effects.add(new AnswerButton(b.callbackId(), null));
            effects.addAll(Coach.cancelAll(s, b.origin().userId()));
            effects.add(new EraseUser(b.origin().userId()));
            effects.add(new Edit(chat, msg, views.plain(lang, "forget.done")));
            return new Transition(Session.NEW, effects);
        }
        if (action instanceof Action.CancelForget) {
            return answer(s, b, null, lang, new Edit(chat, msg, views.plain(lang, "forget.cancelled")));
        }
        throw new IllegalStateException("unhandled action " + action.getClass().getSimpleName());
    }

    private Transition answerQuestion(Session s, Lang lang, ButtonPressed b, Answer a) {
        long chat = b.origin().chatId();
        Session.QuizRun run = s.quiz();
        if (run != null && run.run().equals(a.run()) && a.step() == run.step() - 1) {
            // A double tap (or a burst of them): the first one counted and moved the message on.
            return answer(s, b, "toast.saved", lang);
        }
        if (run == null || !run.run().equals(a.run()) || run.step() != a.step()) {
            return answer(s, b, "toast.stale", lang, quizScreen(s, lang, null, chat, b.messageId()));
        }
        if (a.choice() < 1 || a.choice() > quiz.points()) {
            return answer(s, b, "toast.invalid", lang, quizScreen(s, lang, null, chat, b.messageId()));
        }
        List<Integer> answers = new ArrayList<>(run.answers());
        answers.add(a.choice());
        if (answers.size() < quiz.size()) {
            Session next = s.withQuiz(new Session.QuizRun(run.version(), run.run(), answers));
            return answer(next, b, null, lang, new Edit(chat, b.messageId(), views.question(lang, next.quiz(), null)));
        }
        Session next = s.withResult(new Session.Result(run.version(), quiz.score(answers)));
        Edit profile = new Edit(chat, b.messageId(), views.profile(lang, next.result().profile(), next.friend()));
        if (next.group() != null) {
            // they came from a group: ask, never post unasked
            return answer(next, b, null, lang, profile, new Send(chat, views.groupAsk(lang, next.group(), b.origin().firstName())));
        }
        return answer(next, b, null, lang, profile);
    }

    private Transition goBack(Session s, Lang lang, ButtonPressed b, Back back) {
        long chat = b.origin().chatId();
        Session.QuizRun run = s.quiz();
        if (run == null || !run.run().equals(back.run()) || run.step() != back.step() || back.step() == 0) {
            return answer(s, b, "toast.stale", lang, quizScreen(s, lang, null, chat, b.messageId()));
        }
        List<Integer> answers = run.answers().subList(0, run.step() - 1);
        Session next = s.withQuiz(new Session.QuizRun(run.version(), run.run(), answers));
        return answer(next, b, null, lang, new Edit(chat, b.messageId(), views.question(lang, next.quiz(), null)));
    }

    private Transition text(Session s, Lang lang, TextReceived t, String notice) {
        long chat = t.origin().chatId();
        if (t.text().length() > MAX_TEXT) {
            return new Transition(s, List.of(new Send(chat, views.plain(lang, "text.too_long"))));
        }
        Optional<Transition> coaching = coach.text(s, lang, t);
        if (coaching.isPresent()) {
            return coaching.get();
        }
        if (s.quiz() != null) {
            String hint = notice != null ? notice : views.text(lang, "quiz.tap_a_button");
            return new Transition(s, List.of(new Send(chat, views.question(lang, s.quiz(), hint))));
        }
        return new Transition(s, List.of(new Send(chat, views.plain(lang, "text.idle"))));
    }

    private Transition unsupported(Session s, Lang lang, Unsupported u, String notice) {
        long chat = u.origin().chatId();
        String key = u.kind() == Unsupported.Kind.EDITED ? "message.edited" : "message.unsupported";
        if (s.quiz() != null) {
            String hint = views.text(lang, key) + "\n" + (notice != null ? notice : views.text(lang, "quiz.tap_a_button"));
            return new Transition(s, List.of(new Send(chat, views.question(lang, s.quiz(), hint))));
        }
        return new Transition(s, List.of(new Send(chat, views.plain(lang, key))));
    }

    /** The current question re-rendered into the pressed message, when a test is running. */
    private Effect[] quizScreen(Session s, Lang lang, String notice, long chat, int messageId) {
        return s.quiz() == null ? new Effect[0]
                : new Effect[] {new Edit(chat, messageId, views.question(lang, s.quiz(), notice))};
    }

    /** Acknowledges the press (with a toast when {@code toastKey} is given), then the other effects. */
    private Transition answer(Session next, ButtonPressed b, String toastKey, Lang lang, Effect... then) {
        List<Effect> effects = new ArrayList<>(then.length + 1);
        effects.add(new AnswerButton(b.callbackId(), toastKey == null ? null : views.text(lang, toastKey)));
        effects.addAll(List.of(then));
        return new Transition(next, effects);
    }

    private Session.QuizRun newRun(Event e) {
        return new Session.QuizRun(quiz.version(), Long.toString(e.origin().updateId(), 36), List.of());
    }
}
