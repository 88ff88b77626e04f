package dev.cyclebreaker.conversation;

import dev.cyclebreaker.coaching.WallClock;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the bot remembers about one user: the language they chose (null: follow Telegram's),
 * where they are, an unfinished test, their latest result, and for coaching their zone (null: not told
 * yet), pending reminders, the flow they are in and how far they got in /practice. Nothing else: no
 * names, no text they typed.
 *
 * @param practice the /practice step to resume at (1-based), 0 when no exercise is under way
 * @param friend the pattern of the last result link the user opened (no name, no token), for the comparison
 *     under their own result; null when none
 * @param group the group whose invite link the user opened, until they answer whether to post their result
 *     there; null when none
 */
public record Session(Lang lang, State state, QuizRun quiz, Result result,
                      ZoneId zone, List<Reminder> reminders, Flow flow, int practice, Pattern friend, Group group) {

    public static final Session NEW = new Session(null, State.IDLE, null, null);

    public Session {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        if ((state == State.QUIZ) != (quiz != null)) {
            throw new IllegalArgumentException("a quiz run exists exactly in state QUIZ");
        }
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        if (practice < 0) {
            throw new IllegalArgumentException("practice step is not negative: " + practice);
        }
    }

    /** A session from before coaching: no zone, no reminders, no flow. */
    public Session(Lang lang, State state, QuizRun quiz, Result result) {
        this(lang, state, quiz, result, null, List.of(), null, 0, null, null);
    }

    /** A session from before groups: no remembered group. */
    public Session(Lang lang, State state, QuizRun quiz, Result result, ZoneId zone, List<Reminder> reminders,
            Flow flow, int practice, Pattern friend) {
        this(lang, state, quiz, result, zone, reminders, flow, practice, friend, null);
    }

    /** A session from before sharing: no friend's result. */
    public Session(Lang lang, State state, QuizRun quiz, Result result, ZoneId zone, List<Reminder> reminders,
            Flow flow, int practice) {
        this(lang, state, quiz, result, zone, reminders, flow, practice, null, null);
    }

    /** Persisted by name: renaming a constant is a schema change. */
    public enum State {
        IDLE,
        QUIZ
    }

    /**
     * An unfinished test: the quiz version it was started on, a run id (so buttons of an earlier run
     * are recognised as stale) and the answers given so far. The step on screen is the next one.
     */
    public record QuizRun(String version, String run, List<Integer> answers) {
        public QuizRun {
            answers = List.copyOf(answers);
        }

        public int step() {
            return answers.size();
        }
    }

    /** A finished test. */
    public record Result(String quizVersion, Profile profile) {
    }

    /**
     * A pending reminder. {@code fired}: rendered once but not answered yet (a retried delivery renders it
     * again); {@code extensions}: how often "10 more minutes" was used on this return point.
     */
    public record Reminder(String id, Kind kind, Instant due, int extensions, boolean fired) {
        public Reminder {
            if (id == null || !id.matches("[0-9a-z]{1,13}")) {
                throw new IllegalArgumentException("a reminder id is 1-13 of [0-9a-z]: " + id);
            }
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(due, "due");
            if (extensions < 0) {
                throw new IllegalArgumentException("extensions is not negative: " + extensions);
            }
        }

        /** Persisted by name. */
        public enum Kind {
            /** A /pause return point. */
            RETURN,
            /** The end of a /wait: the slow-motion check-in. */
            WAIT_CHECKIN
        }

        Reminder markFired() {
            return new Reminder(id, kind, due, extensions, true);
        }
    }

    /**
     * Where the user is in a coaching conversation, for the next text or button.
     *
     * @param step the check-in question (0-2) or practice step (1-based); 0 otherwise
     * @param ref the wait reminder a check-in belongs to; null otherwise
     * @param pending a pause waiting for the user's zone (TIMEZONE only, may be null)
     */
    public record Flow(Kind kind, int step, String ref, WallClock pending) {
        public Flow {
            Objects.requireNonNull(kind, "kind");
        }

        /** Persisted by name. */
        public enum Kind {
            /** /pause "Custom": the next text is a return point. */
            PAUSE_CUSTOM,
            /** /timezone: the next text is a zone; then {@code pending}, if any, is resolved. */
            TIMEZONE,
            /** The three questions after a wait. */
            CHECKIN,
            /** Walking through /practice. */
            PRACTICE
        }

        static Flow of(Kind kind) {
            return new Flow(kind, 0, null, null);
        }
    }

    public Lang langOr(String telegramLanguageCode) {
        return lang != null ? lang : Lang.fromTelegram(telegramLanguageCode);
    }

    public Optional<Reminder> reminder(String id) {
        return reminders.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Session withLang(Lang l) {
        return new Session(l, state, quiz, result, zone, reminders, flow, practice, friend, group);
    }

    public Session withQuiz(QuizRun q) {
        return new Session(lang, q == null ? State.IDLE : State.QUIZ, q, result, zone, reminders, flow, practice, friend, group);
    }

    public Session withResult(Result r) {
        return new Session(lang, State.IDLE, null, r, zone, reminders, flow, practice, friend, group);
    }

    public Session withZone(ZoneId z) {
        return new Session(lang, state, quiz, result, z, reminders, flow, practice, friend, group);
    }

    public Session withReminders(List<Reminder> rs) {
        return new Session(lang, state, quiz, result, zone, rs, flow, practice, friend, group);
    }

    public Session withFlow(Flow f) {
        return new Session(lang, state, quiz, result, zone, reminders, f, practice, friend, group);
    }

    public Session withPractice(int step) {
        return new Session(lang, state, quiz, result, zone, reminders, flow, step, friend, group);
    }

    public Session withGroup(Group g) {
        return new Session(lang, state, quiz, result, zone, reminders, flow, practice, friend, g);
    }

    public Session withFriend(Pattern p) {
        return new Session(lang, state, quiz, result, zone, reminders, flow, practice, p, group);
    }
}
