package dev.cyclebreaker.conversation;

import dev.cyclebreaker.coaching.TimeFormat;
import dev.cyclebreaker.coaching.Zones;
import dev.cyclebreaker.conversation.Message.ActionButton;
import dev.cyclebreaker.conversation.Message.Button;
import dev.cyclebreaker.conversation.Message.CopyButton;
import dev.cyclebreaker.conversation.Session.Reminder;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.i18n.Texts.Raw;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the coaching screens: pause, return reminder, wait and check-in, practice, reminders, zone. Pure.
 *
 * <p>Times: with the user's zone known, a time is a {@code <tg-time>} (each reader sees their own zone where the
 * client supports it) followed by the user's zone in plain text; without a zone, only "in 20 minutes", which
 * needs none. Text to copy is always plain, with the wall time in the user's zone.
 */
final class CoachViews {
    static final int[] MENU_MINUTES = {10, 20, 60, 120};
    static final int PRACTICE_STEPS = 5;
    /** How many answer buttons each check-in question has, besides "skip". */
    static final int[] CHECKIN_CHOICES = {5, 3, 4};

    private final Texts texts;

    CoachViews(Texts texts) {
        this.texts = texts;
    }

    String text(Lang l, String key, Object... args) {
        return texts.t(l, key, args);
    }

    // --- pause ---

    Message pauseMenu(Lang l) {
        List<List<Button>> rows = List.of(
                List.of(button(l, "button.pause_10", new Action.PauseFor(10)), button(l, "button.pause_20", new Action.PauseFor(20))),
                List.of(button(l, "button.pause_60", new Action.PauseFor(60)), button(l, "button.pause_120", new Action.PauseFor(120))),
                List.of(button(l, "button.pause_tonight", new Action.PauseTonight()), button(l, "button.pause_custom", new Action.PauseCustom())));
        return new Message(texts.t(l, "pause.ask"), rows);
    }

    Message pauseCustomAsk(Lang l) {
        return Message.text(texts.t(l, "pause.custom_ask"));
    }

    /**
     * The confirmation with the space signal to copy.
     *
     * @param duration what the user asked for, when it was a duration; null for a clock time
     */
    Message pauseConfirm(Lang l, Instant due, Duration duration, ZoneId zone, Instant now) {
        String html;
        String plain;
        if (zone == null) {
            // a clock time needs the zone first, but a suggested time's button may outlive a /forget
            String d = duration(l, duration != null ? duration : Duration.between(now, due));
            html = texts.t(l, "phrase.signal.for", "duration", d);
            plain = html;
        } else if (duration != null) {
            String d = duration(l, duration);
            html = texts.t(l, "phrase.signal.for_until", "duration", d, "time", new Raw(TimeFormat.tgTime(due, zone, now, l)));
            plain = texts.t(l, "phrase.signal.for_until", "duration", d, "time", TimeFormat.wallTime(due, zone, now, l));
        } else {
            html = texts.t(l, "phrase.signal.until", "time", new Raw(TimeFormat.tgTime(due, zone, now, l)));
            plain = texts.t(l, "phrase.signal.until", "time", TimeFormat.wallTime(due, zone, now, l));
        }
        return new Message(texts.t(l, "pause.confirm", "when", new Raw(when(l, due, zone, now)), "signal", new Raw(html)),
                List.of(List.of(new CopyButton(texts.t(l, "button.copy_signal"), plain))));
    }

    Message pauseInvalid(Lang l, String reasonKey) {
        return Message.text(texts.t(l, "pause.invalid." + reasonKey));
    }

    /** A time that has passed today: offer its next occurrence. */
    Message pausePast(Lang l, Instant next, ZoneId zone, Instant now) {
        return new Message(texts.t(l, "pause.invalid.past", "time", new Raw(TimeFormat.tgTime(next, zone, now, l))),
                List.of(List.of(new ActionButton(texts.t(l, "button.pause_suggested", "time", TimeFormat.wallTime(next, zone, now, l)),
                        new Action.PauseAt(next.getEpochSecond())))));
    }

    // --- return reminder ---

    Message returnReminder(Lang l, Reminder r, ZoneId zone, Instant now) {
        String html = zone == null ? texts.t(l, "reminder.return.now")
                : texts.t(l, "reminder.return.at", "time", new Raw(TimeFormat.tgTime(r.due(), zone, now, l)));
        return new Message(html, List.of(
                List.of(button(l, "button.reminder_back", new Action.ReminderOp(r.id(), Action.ReminderOp.Op.BACK))),
                List.of(button(l, "button.reminder_more", new Action.ReminderOp(r.id(), Action.ReminderOp.Op.MORE))),
                List.of(button(l, "button.reminder_cancel", new Action.ReminderOp(r.id(), Action.ReminderOp.Op.CANCEL)))));
    }

    Message welcomeBack(Lang l) {
        String opener = texts.t(l, "phrase.opener");
        return new Message(texts.t(l, "reminder.back", "opener", opener),
                List.of(List.of(new CopyButton(texts.t(l, "button.copy_opener"), opener))));
    }

    Message extended(Lang l, Instant due, ZoneId zone, Instant now) {
        String signal = texts.t(l, "phrase.signal.more");
        return new Message(texts.t(l, "reminder.more", "when", new Raw(when(l, due, zone, now)), "signal", signal),
                List.of(List.of(new CopyButton(texts.t(l, "button.copy_signal"), signal))));
    }

    /** No third extension: the gentle note, with the way back and the way out. */
    Message extendedTooOften(Lang l, Reminder r) {
        return new Message(texts.t(l, "reminder.more_limit"), List.of(
                List.of(button(l, "button.reminder_back", new Action.ReminderOp(r.id(), Action.ReminderOp.Op.BACK))),
                List.of(button(l, "button.reminder_cancel", new Action.ReminderOp(r.id(), Action.ReminderOp.Op.CANCEL)))));
    }

    // --- wait and check-in ---

    Message waitStarted(Lang l, String key, Instant due, ZoneId zone, Instant now) {
        return Message.text(texts.t(l, key, "when", new Raw(when(l, due, zone, now))));
    }

    /** Check-in question {@code q} (0-2) of the wait {@code id}, after an optional notice (HTML). */
    Message checkin(Lang l, String id, int q, String noticeHtml) {
        StringBuilder html = new StringBuilder();
        if (noticeHtml != null) {
            html.append(noticeHtml).append("\n\n");
        }
        html.append(texts.t(l, "checkin.q." + (q + 1))).append("\n<i>").append(texts.t(l, "checkin.hint")).append("</i>");
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int c = 1; c <= CHECKIN_CHOICES[q]; c++) {
            row.add(button(l, "button.checkin." + (q + 1) + "." + c, new Action.CheckinAnswer(id, q, c)));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(List.of(button(l, "button.skip", new Action.CheckinAnswer(id, q, 0))));
        return new Message(html.toString(), rows);
    }

    Message checkinDone(Lang l, String noticeHtml) {
        String phrase = texts.t(l, "phrase.rephrase");
        String html = texts.t(l, "checkin.done", "phrase", phrase);
        return new Message(noticeHtml == null ? html : noticeHtml + "\n\n" + html,
                List.of(List.of(new CopyButton(texts.t(l, "button.copy_signal"), phrase))));
    }

    // --- practice ---

    Message practiceStep(Lang l, int step, String noticeHtml) {
        StringBuilder html = new StringBuilder();
        if (noticeHtml != null) {
            html.append(noticeHtml).append("\n\n");
        }
        html.append(texts.t(l, "practice.step", "n", step, "total", PRACTICE_STEPS,
                "title", texts.t(l, "practice.title." + step), "prompt", new Raw(texts.t(l, "practice.prompt." + step))));
        String next = step == PRACTICE_STEPS ? "button.practice_finish" : "button.practice_next";
        return new Message(html.toString(), List.of(List.of(
                button(l, next, new Action.PracticeNext(step)), button(l, "button.practice_stop", new Action.PracticeStop()))));
    }

    Message practiceResume(Lang l, int step) {
        return new Message(texts.t(l, "practice.resume", "n", step, "total", PRACTICE_STEPS), List.of(List.of(
                button(l, "button.continue", new Action.PracticeContinue()),
                button(l, "button.start_over", new Action.PracticeRestart()))));
    }

    Message practiceStopped(Lang l, int step) {
        return Message.text(texts.t(l, "practice.stopped", "n", step, "total", PRACTICE_STEPS));
    }

    // --- reminders and zone ---

    Message reminders(Lang l, List<Reminder> pending, ZoneId zone, Instant now) {
        if (pending.isEmpty()) {
            return Message.text(texts.t(l, "reminders.none"));
        }
        StringBuilder html = new StringBuilder(texts.t(l, "reminders.title"));
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Reminder r = pending.get(i);
            String what = texts.t(l, r.kind() == Reminder.Kind.RETURN ? "reminders.kind.return" : "reminders.kind.wait");
            String when = r.fired() ? texts.t(l, "reminders.waiting")
                    : zone != null ? TimeFormat.tgTime(r.due(), zone, now, l)
                    : texts.t(l, "pause.when.in", "duration", duration(l, Duration.between(now, r.due())));
            html.append('\n').append(texts.t(l, "reminders.item", "n", i + 1, "what", what, "when", new Raw(when)));
            rows.add(List.of(new ActionButton(texts.t(l, "button.reminders_cancel", "n", i + 1),
                    new Action.ReminderOp(r.id(), Action.ReminderOp.Op.CANCEL_LISTED))));
        }
        return new Message(html.toString(), rows);
    }

    /** The zone menu, after an optional lead-in key, with the zone in use if there is one. */
    Message zoneMenu(Lang l, String leadKey, ZoneId current) {
        StringBuilder html = new StringBuilder();
        if (leadKey != null) {
            html.append(texts.t(l, leadKey)).append("\n\n");
        }
        html.append(texts.t(l, "tz.ask"));
        if (current != null) {
            html.append('\n').append(texts.t(l, "tz.current", "zone", zoneName(current)));
        }
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Zones.Choice c : Zones.common()) {
            row.add(new ActionButton(c.label(l), new Action.SetZone(c.id())));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return new Message(html.toString(), rows);
    }

    String zoneSet(Lang l, ZoneId zone) {
        return texts.t(l, "tz.set", "zone", zoneName(zone));
    }

    /** "at 21:40 (Asia/Shanghai)" as HTML, or "in 20 minutes" when the zone is unknown. */
    String when(Lang l, Instant due, ZoneId zone, Instant now) {
        if (zone == null) {
            return texts.t(l, "pause.when.in", "duration", duration(l, Duration.between(now, due)));
        }
        return texts.t(l, "pause.when.at", "time", new Raw(TimeFormat.tgTime(due, zone, now, l)), "zone", zoneName(zone));
    }

    /** Whole minutes, rounded up so a reminder never sounds further away than it is. */
    String duration(Lang l, Duration d) {
        long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m == 1 ? texts.t(l, "duration.minute") : texts.t(l, "duration.minutes", "n", m);
        }
        if (m == 0) {
            return h == 1 ? texts.t(l, "duration.hour") : texts.t(l, "duration.hours", "n", h);
        }
        return texts.t(l, "duration.hours_minutes", "h", h, "m", m);
    }

    static String zoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : "UTC" + o.getId();
        }
        return zone.getId();
    }

    private ActionButton button(Lang l, String key, Action action) {
        return new ActionButton(texts.t(l, key), action);
    }
}
