package dev.cyclebreaker.conversation;

import dev.cyclebreaker.quiz.Profile;
import java.util.Objects;

/**
 * What a result link shows, and nothing more: the scores and pattern, the quiz version they came
 * from, and the sharer's first name only when they chose to show it (null: "a friend").
 */
public record SharedResult(Profile profile, String quizVersion, String sharerName) {
    /** Telegram allows 64 characters in a first name; more is not from Telegram. */
    static final int MAX_NAME = 64;

    public SharedResult {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(quizVersion, "quizVersion");
        if (sharerName != null && (sharerName.isBlank() || sharerName.length() > MAX_NAME)) {
            sharerName = null;
        }
    }
}
