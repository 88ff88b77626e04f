package dev.cyclebreaker.conversation;

import dev.cyclebreaker.coaching.Parsed;
import dev.cyclebreaker.coaching.QuietHours;
import dev.cyclebreaker.coaching.ReturnTimeParser;
import dev.cyclebreaker.coaching.WallClock;
import dev.cyclebreaker.coaching.Zones;
import dev.cyclebreaker.conversation.Action.ReminderOp;
import dev.cyclebreaker.conversation.Effect.CancelReminder;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.ScheduleReminder;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.conversation.Event.ButtonPressed;
import dev.cyclebreaker.conversation.Event.Command;
import dev.cyclebreaker.conversation.Event.ReminderDue;
import dev.cyclebreaker.conversation.Event.TextReceived;
import dev.cyclebreaker.conversation.Session.Flow;
import dev.cyclebreaker.conversation.Session.Reminder;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The coaching half of the conversation (pure, like {@link Engine}): /pause and the return reminder, /reminders and
 * /timezone here; /wait and /practice in {@link Exercises}. Every reminder created goes out as a {@link
 * ScheduleReminder} and every one dropped while still unfired as a {@link CancelReminder}.
 */
final class Coach {
    static final Set<String> COMMANDS = Set.of("pause", "wait", "practice", "reminders", "timezone");
    static final int MAX_PENDING = 20;
    static final int MAX_EXTENSIONS = 2;
    static final Duration MORE = Duration.ofMinutes(10);
    static final Duration WAIT = Duration.ofMinutes(5);
    /** A reminder rendered but never answered is dropped after this: the user has moved on. */
    static final Duration FORGOTTEN = Duration.ofHours(12);
    static final WallClock TONIGHT = new WallClock(LocalTime.of(21, 0), 0, false);

    private final ReturnTimeParser parser = new ReturnTimeParser();
    private final CoachViews views;
    private final Replies replies;
    private final Exercises exercises;

    Coach(Texts texts) {
        this.views = new CoachViews(texts);
        this.replies = new Replies(views);
        this.exercises = new Exercises(views, replies);
    }

    static boolean handles(Action a) {
        return a instanceof Action.PauseMenu || a instanceof Action.PauseFor || a instanceof Action.PauseTonight
                || a instanceof Action.PauseCustom || a instanceof Action.PauseAt || a instanceof Action.StartWait
                || a instanceof ReminderOp || a instanceof Action.SetZone || a instanceof Action.CheckinAnswer
                || a instanceof Action.PracticeNext || a instanceof Action.PracticeStop
                || a instanceof Action.PracticeContinue || a instanceof Action.PracticeRestart;
    }

    // --- outside the flows: housekeeping the engine asks for ---

    /** Drops reminders rendered long ago and never answered. */
    static Session prune(Session s, Instant now) {
        if (s.reminders().stream().noneMatch(r -> forgotten(r, now))) {
            return s;
        }
        return s.withReminders(s.reminders().stream().filter(r -> !forgotten(r, now)).toList());
    }

    private static boolean forgotten(Reminder r, Instant now) {
        return r.fired() && r.due().plus(FORGOTTEN).isBefore(now);
    }

    /** For a replay: schedule every unfired reminder again, so a crash between commit and scheduling heals. */
    static List<Effect> rescheduleAll(Session s, long user) {
        return s.reminders().stream().filter(r -> !r.fired()).<Effect>map(r -> schedule(user, r, s.zone())).toList();
    }

    static List<Effect> cancelAll(Session s, long user) {
        return s.reminders().stream().<Effect>map(r -> new CancelReminder(user, r.id())).toList();
    }

    /**
     * When to raise a reminder: a time the user chose is kept, even at night; one the bot set on its own moves out
     * of {@link QuietHours#NIGHT} in the user's zone (unknown zone: kept, we cannot tell their night).
     */
    static Instant deliverAt(Instant due, boolean userSet, ZoneId zone) {
        return userSet || zone == null ? due : QuietHours.NIGHT.nextAllowed(due, zone);
    }

    /** Every reminder so far is set by the user: /pause and /wait are their own requests. */
    static ScheduleReminder schedule(long user, Reminder r, ZoneId zone) {
        return new ScheduleReminder(user, r.id(), deliverAt(r.due(), true, zone), true);
    }

    // --- events ---

    Transition command(Session s, Lang l, Command c) {
        long chat = c.origin().chatId();
        Instant now = c.origin().at();
        return switch (c.name()) {
            case "pause" -> c.payload().isBlank()
                    ? new Transition(s, List.of(new Send(chat, views.pauseMenu(l))))
                    : pauseInput(s, l, c, c.payload());
            case "wait" -> exercises.startWait(s, l, c);
            case "practice" -> exercises.practice(s, l, c);
            case "reminders" -> new Transition(s, List.of(new Send(chat, views.reminders(l, sorted(s), s.zone(), now))));
            case "timezone" -> new Transition(s.withFlow(Flow.of(Flow.Kind.TIMEZONE)),
                    List.of(new Send(chat, views.zoneMenu(l, null, s.zone()))));
            default -> throw new IllegalArgumentException("not a coaching command: " + c.name());
        };
    }

    /** Text while a coaching flow waits for it; empty when no flow does. Typed text is read, never kept. */
    Optional<Transition> text(Session s, Lang l, TextReceived t) {
        Flow f = s.flow();
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(switch (f.kind()) {
            case PAUSE_CUSTOM -> pauseInput(s, l, t, t.text());
            case TIMEZONE -> zoneInput(s, l, t);
            case CHECKIN -> exercises.checkinText(s, l, t);
            case PRACTICE -> exercises.practiceText(s, l, t);
        });
    }

    Transition due(Session s, Lang l, ReminderDue d) {
        Optional<Reminder> found = s.reminder(d.reminderId());
        if (found.isEmpty()) {
            return new Transition(s, List.of()); // cancelled, answered or forgotten: nothing to say
        }
        Reminder r = found.get();
        Session next = replace(s, r, r.fired());
        long chat = d.origin().chatId();
        if (r.kind() == Reminder.Kind.RETURN) {
            return new Transition(next, List.of(new Send(chat, views.returnReminder(l, r, s.zone(), d.origin().at()))));
        }
        return exercises.checkinDue(next, l, d, r);
    }

    Transition button(Session s, Lang l, ButtonPressed b, Action a) {
        Instant now = b.origin().at();
        if (a instanceof Action.PauseMenu) {
            return replies.answer(s, b, null, l, new Send(b.origin().chatId(), views.pauseMenu(l)));
        }
        if (a instanceof Action.PauseFor p) {
            if (p.minutes() <= 0 || p.minutes() > ReturnTimeParser.MAX_AHEAD.toMinutes()) {
                return replies.answer(s, b, "toast.invalid", l);
            }
            Duration d = Duration.ofMinutes(p.minutes());
            return setPause(s, l, b, now.plus(d), d);
        }
        if (a instanceof Action.PauseTonight) {
            return wallClock(s, l, b, TONIGHT);
        }
        if (a instanceof Action.PauseCustom) {
            return replies.respond(s.withFlow(Flow.of(Flow.Kind.PAUSE_CUSTOM)), b, null, l, views.pauseCustomAsk(l));
        }
        if (a instanceof Action.PauseAt p) {
            Instant due = Instant.ofEpochSecond(p.epochSecond());
            if (!due.isAfter(now) || due.isAfter(now.plus(ReturnTimeParser.MAX_AHEAD))) {
                return replies.answer(s, b, "toast.stale", l);
            }
            return setPause(s, l, b, due, null);
        }
        if (a instanceof Action.StartWait) {
            return exercises.startWait(s, l, b);
        }
        if (a instanceof ReminderOp op) {
            return reminderOp(s, l, b, op);
        }
        if (a instanceof Action.SetZone z) {
            Optional<Zones.Choice> choice = Zones.choice(z.choiceId());
            return choice.isEmpty() ? replies.answer(s, b, "toast.invalid", l) : zoneChosen(s, l, b, choice.get().zone());
        }
        if (a instanceof Action.CheckinAnswer x) {
            return exercises.checkinAnswer(s, l, b, x);
        }
        return exercises.practice(s, l, b, a);
    }

    // --- pause ---

    private Transition pauseInput(Session s, Lang l, Event e, String input) {
        Instant now = e.origin().at();
        Parsed p = parser.parse(input, now, Optional.ofNullable(s.zone()));
        if (p instanceof Parsed.Relative rel) {
            return setPause(s, l, e, rel.resolve(now), rel.duration());
        }
        if (p instanceof Parsed.Absolute abs) {
            return setPause(s, l, e, abs.at().toInstant(), null);
        }
        Parsed.Invalid inv = (Parsed.Invalid) p;
        if (inv.reason() == Parsed.Reason.NEEDS_ZONE) {
            Optional<WallClock> wall = parser.wallClock(input);
            if (wall.isPresent()) {
                return askZoneFor(s, l, e, wall.get());
            }
        }
        if (inv.reason() == Parsed.Reason.IN_THE_PAST) {
            return replies.respond(s, e, null, l, views.pausePast(l, inv.suggestion().orElseThrow().toInstant(), s.zone(), now));
        }
        return replies.respond(s, e, null, l, views.pauseInvalid(l, inv.reason().name().toLowerCase(Locale.ROOT)));
    }

    /** A clock time: needs the zone; asks for it first when unknown. */
    private Transition wallClock(Session s, Lang l, Event e, WallClock wall) {
        if (s.zone() == null) {
            return askZoneFor(s, l, e, wall);
        }
        Instant now = e.origin().at();
        Parsed p = parser.resolve(wall, now, s.zone());
        if (p instanceof Parsed.Absolute abs) {
            return setPause(s, l, e, abs.at().toInstant(), null);
        }
        Parsed.Invalid inv = (Parsed.Invalid) p;
        if (inv.suggestion().isPresent()) {
            return replies.respond(s.withFlow(null), e, null, l, views.pausePast(l, inv.suggestion().get().toInstant(), s.zone(), now));
        }
        return replies.respond(s.withFlow(null), e, null, l, views.pauseInvalid(l, "unparseable"));
    }

    private Transition askZoneFor(Session s, Lang l, Event e, WallClock wall) {
        return replies.respond(s.withFlow(new Flow(Flow.Kind.TIMEZONE, 0, null, wall)), e, null, l,
                views.zoneMenu(l, "pause.needs_zone", null));
    }

    private Transition setPause(Session s, Lang l, Event e, Instant due, Duration duration) {
        Instant now = e.origin().at();
        Session base = s.withFlow(null);
        // a double tap, or the same time typed twice, is one return point
        Optional<Reminder> same = s.reminders().stream().filter(r -> r.kind() == Reminder.Kind.RETURN && !r.fired()
                && Duration.between(r.due(), due).abs().compareTo(Duration.ofMinutes(1)) <= 0).findFirst();
        if (same.isPresent()) {
            return replies.respond(base, e, null, l, views.pauseConfirm(l, same.get().due(), duration, s.zone(), now),
                    schedule(e.origin().userId(), same.get(), s.zone()));
        }
        if (s.reminders().size() >= MAX_PENDING) {
            return replies.respond(base, e, null, l, Message.text(views.text(l, "reminders.limit")));
        }
        Reminder r = new Reminder(newId(e), Reminder.Kind.RETURN, due, 0, false);
        return replies.respond(add(base, l, r), e, null, l, views.pauseConfirm(l, due, duration, s.zone(), now),
                schedule(e.origin().userId(), r, s.zone()));
    }

    // --- zone ---

    private Transition zoneInput(Session s, Lang l, TextReceived t) {
        Optional<ZoneId> zone = Zones.parse(t.text());
        if (zone.isEmpty()) {
            return new Transition(s, List.of(new Send(t.origin().chatId(), Message.text(views.text(l, "tz.unknown")))));
        }
        return zoneChosen(s, l, t, zone.get());
    }

    /** Saves the zone; a pause that was waiting for it goes ahead, with the confirmation after the notice. */
    private Transition zoneChosen(Session s, Lang l, Event e, ZoneId zone) {
        Flow f = s.flow();
        Session next = s.withZone(zone).withFlow(null);
        String notice = views.zoneSet(l, zone);
        if (f == null || f.kind() != Flow.Kind.TIMEZONE || f.pending() == null) {
            return replies.respond(next, e, null, l, Message.text(notice));
        }
        Transition pause = wallClock(next, l, e, f.pending());
        // put the notice above the pause's answer, whichever it was
        List<Effect> effects = new ArrayList<>();
        for (Effect x : pause.effects()) {
            if (x instanceof Send send) {
                effects.add(new Send(send.chatId(), prefixed(notice, send.message())));
            } else if (x instanceof Edit edit) {
                effects.add(new Edit(edit.chatId(), edit.messageId(), prefixed(notice, edit.message())));
            } else {
                effects.add(x);
            }
        }
        return new Transition(pause.session(), effects);
    }

    private static Message prefixed(String noticeHtml, Message m) {
        return new Message(noticeHtml + "\n\n" + m.html(), m.keyboard());
    }

    // --- reminders ---

    private Transition reminderOp(Session s, Lang l, ButtonPressed b, ReminderOp op) {
        Optional<Reminder> found = s.reminder(op.reminderId());
        if (found.isEmpty()) {
            return replies.answer(s, b, "toast.already_done", l);
        }
        Reminder r = found.get();
        long user = b.origin().userId();
        long chat = b.origin().chatId();
        Instant now = b.origin().at();
        Session without = s.withReminders(s.reminders().stream().filter(x -> x != r).toList());
        List<Effect> cancel = r.fired() ? List.of() : List.of(new CancelReminder(user, r.id()));
        switch (op.op()) {
            case CANCEL:
                return replies.answer(without, b, null, l, Replies.concat(new CancelReminder(user, r.id()),
                        new Edit(chat, b.messageId(), Message.text(views.text(l, "reminder.cancelled")))));
            case CANCEL_LISTED:
                return replies.answer(without, b, "toast.cancelled", l, Replies.concat(new CancelReminder(user, r.id()),
                        new Edit(chat, b.messageId(), views.reminders(l, sorted(without), s.zone(), now))));
            default:
                break;
        }
        if (r.kind() != Reminder.Kind.RETURN) {
            return replies.answer(s, b, "toast.invalid", l);
        }
        if (op.op() == ReminderOp.Op.BACK) {
            List<Effect> then = new ArrayList<>(cancel);
            then.add(new Edit(chat, b.messageId(), views.welcomeBack(l)));
            return replies.answer(without, b, null, l, then.toArray(Effect[]::new));
        }
        if (r.extensions() >= MAX_EXTENSIONS) {
            return replies.answer(s, b, null, l, new Edit(chat, b.messageId(), views.extendedTooOften(l, r)));
        }
        // a new id: buttons under the reminder just answered must not act on the next one
        Reminder later = new Reminder(newId(b), Reminder.Kind.RETURN, now.plus(MORE), r.extensions() + 1, false);
        List<Effect> then = new ArrayList<>(cancel);
        then.add(schedule(user, later, s.zone()));
        then.add(new Edit(chat, b.messageId(), views.extended(l, later.due(), s.zone(), now)));
        return replies.answer(add(without, l, later), b, null, l, then.toArray(Effect[]::new));
    }

    // --- helpers ---

    /**
     * Reminder ids come from the update that created them (base 36), so they are deterministic and unique per bot;
     * our own events (update id 0) never create reminders, but fall back to the time just in case.
     */
    static String newId(Event e) {
        long u = e.origin().updateId();
        return u > 0 ? Long.toString(u, 36) : "t" + Long.toString(e.origin().at().getEpochSecond(), 36);
    }

    /**
     * Adds a reminder. A user who follows Telegram's language gets it pinned now: the reminder arrives without a
     * Telegram update to read the language from.
     */
    static Session add(Session s, Lang l, Reminder r) {
        List<Reminder> rs = new ArrayList<>(s.reminders());
        rs.add(r);
        Session next = s.withReminders(rs);
        return s.lang() == null ? next.withLang(l) : next;
    }

    private static Session replace(Session s, Reminder old, boolean alreadyFired) {
        if (alreadyFired) {
            return s;
        }
        return s.withReminders(s.reminders().stream().map(r -> r == old ? r.markFired() : r).toList());
    }

    private static List<Reminder> sorted(Session s) {
        return s.reminders().stream().sorted(Comparator.comparing(Reminder::due)).toList();
    }
}
