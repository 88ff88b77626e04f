package dev.cyclebreaker.conversation;

import dev.cyclebreaker.i18n.Lang;

/**
 * What an inline button means. The transport encodes these into {@code callback_data} and back;
 * the engine never sees raw strings.
 */
public sealed interface Action {
    record StartQuiz() implements Action {
    }

    /** An answer on the scale, tied to one run of the quiz and one step so stale buttons are caught. */
    record Answer(String run, int step, int choice) implements Action {
    }

    /** Back from {@code step} to the previous question. */
    record Back(String run, int step) implements Action {
    }

    record ContinueQuiz() implements Action {
    }

    record RestartQuiz() implements Action {
    }

    record ShowPlaybook() implements Action {
    }

    record ShowProfile() implements Action {
    }

    record SetLang(Lang lang) implements Action {
    }

    record ConfirmForget() implements Action {
    }

    record CancelForget() implements Action {
    }
}
