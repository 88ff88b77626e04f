package dev.cyclebreaker.conversation;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Profile;
import java.util.List;

/**
 * Everything the bot remembers about one user: the language they chose (null: follow Telegram's),
 * where they are, an unfinished test, and their latest result. Nothing else: no names, no text.
 */
public record Session(Lang lang, State state, QuizRun quiz, Result result) {

    public static final Session NEW = new Session(null, State.IDLE, null, null);

    public Session {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        if ((state == State.QUIZ) != (quiz != null)) {
            throw new IllegalArgumentException("a quiz run exists exactly in state QUIZ");
        }
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

    public Lang langOr(String telegramLanguageCode) {
        return lang != null ? lang : Lang.fromTelegram(telegramLanguageCode);
    }

    public Session withLang(Lang l) {
        return new Session(l, state, quiz, result);
    }

    public Session withQuiz(QuizRun q) {
        return new Session(lang, q == null ? State.IDLE : State.QUIZ, q, result);
    }

    public Session withResult(Result r) {
        return new Session(lang, State.IDLE, null, r);
    }
}
