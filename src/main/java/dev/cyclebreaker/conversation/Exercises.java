package dev.cyclebreaker.conversation;

import dev.cyclebreaker.conversation.Event.ButtonPressed;
import dev.cyclebreaker.conversation.Event.Command;
import dev.cyclebreaker.conversation.Event.ReminderDue;
import dev.cyclebreaker.conversation.Event.TextReceived;
import dev.cyclebreaker.conversation.Session.Flow;
import dev.cyclebreaker.conversation.Session.Reminder;
import dev.cyclebreaker.i18n.Lang;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The slow-motion exercises (pure): /wait and its three-question check-in, and the /practice walk through one
 * argument. What the user types or taps in them is acknowledged and never kept: only the step is.
 */
final class Exercises {
    private final CoachViews views;
    private final Replies replies;

    Exercises(CoachViews views, Replies replies) {
        this.views = views;
        this.replies = replies;
    }

    // --- wait and check-in ---

    Transition startWait(Session s, Lang l, Event e) {
        Instant now = e.origin().at();
        Optional<Reminder> holding = s.reminders().stream()
                .filter(r -> r.kind() == Reminder.Kind.WAIT_CHECKIN && !r.fired()).findFirst();
        if (holding.isPresent()) {
            return replies.reply(s, e, l, views.waitStarted(l, "wait.already", holding.get().due(), s.zone(), now));
        }
        if (s.reminders().size() >= Coach.MAX_PENDING) {
            return replies.reply(s, e, l, Message.text(views.text(l, "reminders.limit")));
        }
        Reminder r = new Reminder(Coach.newId(e), Reminder.Kind.WAIT_CHECKIN, now.plus(Coach.WAIT), 0, false);
        return replies.reply(Coach.add(s, l, r), e, l, views.waitStarted(l, "wait.ask", r.due(), s.zone(), now),
                Coach.schedule(e.origin().userId(), r, s.zone()));
    }

    /** Question {@code step} answered (or skipped, or replied to in words): the next one, or the rephrase. */
    private Transition checkinStep(Session s, Lang l, Event e, String id, int step, String noticeHtml) {
        // the first answer settles the reminder: it is no longer pending
        Session next = s.withReminders(s.reminders().stream().filter(r -> !r.id().equals(id)).toList());
        if (step + 1 >= CoachViews.CHECKIN_CHOICES.length) {
            return replies.respond(next.withFlow(null), e, null, l, views.checkinDone(l, noticeHtml));
        }
        return replies.respond(next.withFlow(new Flow(Flow.Kind.CHECKIN, step + 1, id, null)), e, null, l,
                views.checkin(l, id, step + 1, noticeHtml));
    }

    // --- practice ---

    Transition practice(Session s, Lang l, ButtonPressed b, Action a) {
        int at = s.practice();
        Session leaving = s.flow() != null && s.flow().kind() == Flow.Kind.PRACTICE ? s.withFlow(null) : s;
        if (a instanceof Action.PracticeRestart) {
            return replies.respond(s.withPractice(1).withFlow(Flow.of(Flow.Kind.PRACTICE)), b, null, l,
                    views.practiceStep(l, 1, views.text(l, "practice.intro")));
        }
        if (at == 0) {
            return replies.answer(s, b, "toast.stale", l);
        }
        if (a instanceof Action.PracticeContinue) {
            return replies.respond(s.withFlow(Flow.of(Flow.Kind.PRACTICE)), b, null, l, views.practiceStep(l, at, null));
        }
        if (a instanceof Action.PracticeStop) {
            return replies.respond(leaving, b, null, l, views.practiceStopped(l, at));
        }
        Action.PracticeNext next = (Action.PracticeNext) a;
        if (next.step() != at) {
            return replies.answer(s, b, "toast.stale", l);
        }
        if (at >= CoachViews.PRACTICE_STEPS) {
            return replies.respond(leaving.withPractice(0), b, null, l, Message.text(views.text(l, "practice.done")));
        }
        return replies.respond(s.withPractice(at + 1).withFlow(Flow.of(Flow.Kind.PRACTICE)), b, null, l,
                views.practiceStep(l, at + 1, null));
    }

    /** The wait is over: the first question, or the current one when a retried delivery finds the check-in begun. */
    Transition checkinDue(Session s, Lang l, ReminderDue d, Reminder r) {
        Flow f = s.flow();
        int step = f != null && f.kind() == Flow.Kind.CHECKIN && r.id().equals(f.ref()) ? f.step() : 0;
        return new Transition(s.withFlow(new Flow(Flow.Kind.CHECKIN, step, r.id(), null)), List.of(new Effect.Send(
                d.origin().chatId(), views.checkin(l, r.id(), step, step == 0 ? views.text(l, "checkin.intro") : null))));
    }

    Transition checkinAnswer(Session s, Lang l, ButtonPressed b, Action.CheckinAnswer x) {
        Flow f = s.flow();
        if (f == null || f.kind() != Flow.Kind.CHECKIN || !x.reminderId().equals(f.ref()) || f.step() != x.question()) {
            return replies.answer(s, b, "toast.stale", l);
        }
        if (x.choice() < 0 || x.choice() > CoachViews.CHECKIN_CHOICES[x.question()]) {
            return replies.answer(s, b, "toast.invalid", l);
        }
        return checkinStep(s, l, b, f.ref(), f.step(), null);
    }

    /** Words instead of a button: thanked, not kept, and the check-in moves on. */
    Transition checkinText(Session s, Lang l, TextReceived t) {
        return checkinStep(s, l, t, s.flow().ref(), s.flow().step(), views.text(l, "checkin.noted"));
    }

    // --- practice ---

    /** /practice: the first step, or where the user stopped. */
    Transition practice(Session s, Lang l, Command c) {
        if (s.practice() == 0) {
            return replies.respond(s.withPractice(1).withFlow(Flow.of(Flow.Kind.PRACTICE)), c, null, l,
                    views.practiceStep(l, 1, views.text(l, "practice.intro")));
        }
        return new Transition(s, List.of(new Effect.Send(c.origin().chatId(), views.practiceResume(l, s.practice()))));
    }

    Transition practiceText(Session s, Lang l, TextReceived t) {
        if (s.practice() == 0) {
            return new Transition(s.withFlow(null),
                    List.of(new Effect.Send(t.origin().chatId(), Message.text(views.text(l, "text.idle")))));
        }
        return replies.respond(s, t, null, l, views.practiceStep(l, s.practice(), views.text(l, "practice.noted")));
    }
}
