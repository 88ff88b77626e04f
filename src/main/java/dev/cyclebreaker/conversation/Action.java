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

    /** The result card as a picture, under the profile. */
    record ShowCard() implements Action {
    }

    /** "Share my result" under the profile: asks how the sharer wants to be named. */
    record ShareMenu() implements Action {
    }

    /** Create a result link; {@code named}: show the sharer's first name, else "a friend". */
    record Share(boolean named) implements Action {
    }

    /**
     * The answer to "Share your result in the group?": with the first name, as "a friend", or not at all. {@code
     * groupId} names the group asked about, so a press on an older question about another group does nothing.
     */
    record GroupShare(Choice choice, long groupId) implements Action {
        public enum Choice { NAMED, ANONYMOUS, NO }
    }

    record ConfirmForget() implements Action {
    }

    record CancelForget() implements Action {
    }

    /** Open the /pause menu (the button under the distancer's playbook). */
    record PauseMenu() implements Action {
    }

    /** A pause of one of the menu's durations: 10, 20, 60 or 120 minutes. */
    record PauseFor(int minutes) implements Action {
    }

    /** "Tonight 21:00" in the user's zone. */
    record PauseTonight() implements Action {
    }

    /** "Custom": the user types the return point. */
    record PauseCustom() implements Action {
    }

    /** Accept a suggested return point (the next occurrence of a time that had passed); validated on press. */
    record PauseAt(long epochSecond) implements Action {
    }

    /** Start the five-minute wait (the button under the pursuer's playbook). */
    record StartWait() implements Action {
    }

    /** A button about one reminder. */
    record ReminderOp(String reminderId, Op op) implements Action {
        public enum Op {
            /** "I'm back". */
            BACK('b'),
            /** "10 more minutes". */
            MORE('m'),
            /** "Cancel" under the reminder itself. */
            CANCEL('x'),
            /** "Cancel" in the /reminders list. */
            CANCEL_LISTED('l');

            public final char code;

            Op(char code) {
                this.code = code;
            }
        }
    }

    /** One of the common zones, by {@code Zones.Choice.id}. */
    record SetZone(String choiceId) implements Action {
    }

    /**
     * An answer to check-in question {@code question} (0-2) of the wait {@code reminderId}; choice 0 is "skip".
     * The choice is only acknowledged, never stored.
     */
    record CheckinAnswer(String reminderId, int question, int choice) implements Action {
    }

    /** Done with practice step {@code step} (1-based): show the next one, or finish after the last. */
    record PracticeNext(int step) implements Action {
    }

    record PracticeStop() implements Action {
    }

    record PracticeContinue() implements Action {
    }

    record PracticeRestart() implements Action {
    }
}
