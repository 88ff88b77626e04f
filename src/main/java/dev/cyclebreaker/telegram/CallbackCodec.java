package dev.cyclebreaker.telegram;

import dev.cyclebreaker.conversation.Action;
import dev.cyclebreaker.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one codec between {@link Action}s and Telegram's {@code callback_data} (at most 64 bytes).
 * Decoding never throws: anything we did not write decodes as empty.
 *
 * <pre>
 *   s            start the test          q:RUN:STEP:N  answer N to question STEP of run RUN
 *   c            continue the test       q:RUN:STEP:b  back from question STEP
 *   o            start over              l:en | l:zh   language
 *   pb | pr      playbook | profile      f:y | f:n     forget: confirm | cancel
 *   pm           the /pause menu         p:10|20|60|120 pause N minutes    p:t | p:c  tonight 21:00 | custom
 *   p:@EPOCH     pause until EPOCH (base36 seconds; a suggested time, validated by the engine)
 *   w            start the five-minute wait   w:ID:Q:C   check-in answer C (0 skip) to question Q of wait ID
 *   r:ID:b|m|x|l reminder ID: I'm back | 10 more minutes | cancel | cancel from the /reminders list
 *   z:CITY       time zone by Zones.Choice id (stable, unlike a position in the list)
 *   k:n:STEP     practice: next after STEP    k:s | k:c | k:o   practice: stop | continue | start over
 *   sh           share my result              sh:n | sh:a   create the link with my first name | as "a friend"
 *   g:n|a|x:GROUP  post my result in group GROUP (its negative chat id): with my name | as "a friend" | no, thanks
 * </pre>
 */
public final class CallbackCodec {
    static final int MAX_BYTES = 64;
    private static final Pattern QUIZ = Pattern.compile("q:([0-9a-z]{1,13}):([0-9]{1,3}):([1-9]|b)");
    private static final Pattern PAUSE_FOR = Pattern.compile("p:(10|20|60|120)");
    private static final Pattern PAUSE_AT = Pattern.compile("p:@([0-9a-z]{1,12})");
    private static final Pattern REMINDER = Pattern.compile("r:([0-9a-z]{1,13}):([bmxl])");
    private static final Pattern ZONE = Pattern.compile("z:([a-z]{1,8})");
    private static final Pattern CHECKIN = Pattern.compile("w:([0-9a-z]{1,13}):([0-2]):([0-9])");
    private static final Pattern PRACTICE_NEXT = Pattern.compile("k:n:([1-9])");
    private static final Pattern GROUP_SHARE = Pattern.compile("g:([nax]):(-[1-9][0-9]{0,18})");

    private CallbackCodec() {
    }

    public static String encode(Action a) {
        String data;
        if (a instanceof Action.Answer x) {
            data = "q:" + x.run() + ":" + x.step() + ":" + x.choice();
        } else if (a instanceof Action.Back x) {
            data = "q:" + x.run() + ":" + x.step() + ":b";
        } else if (a instanceof Action.SetLang x) {
            data = "l:" + x.lang().code();
        } else if (a instanceof Action.PauseFor x) {
            data = "p:" + x.minutes();
        } else if (a instanceof Action.PauseAt x) {
            data = "p:@" + Long.toString(x.epochSecond(), 36);
        } else if (a instanceof Action.ReminderOp x) {
            data = "r:" + x.reminderId() + ":" + x.op().code;
        } else if (a instanceof Action.SetZone x) {
            data = "z:" + x.choiceId();
        } else if (a instanceof Action.CheckinAnswer x) {
            data = "w:" + x.reminderId() + ":" + x.question() + ":" + x.choice();
        } else if (a instanceof Action.PracticeNext x) {
            data = "k:n:" + x.step();
        } else if (a instanceof Action.GroupShare x) {
            data = "g:" + groupChoice(x.choice()) + ":" + x.groupId();
        } else {
            data = simple(a);
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || decode(data).filter(a::equals).isEmpty()) {
            // also refuses what would not decode back (an id or number out of range): a dead button is a bug
            throw new IllegalArgumentException("callback_data over 64 bytes for " + a);
        }
        return data;
    }

    private static String simple(Action a) {
        if (a instanceof Action.StartQuiz) {
            return "s";
        }
        if (a instanceof Action.ContinueQuiz) {
            return "c";
        }
        if (a instanceof Action.RestartQuiz) {
            return "o";
        }
        if (a instanceof Action.ShowPlaybook) {
            return "pb";
        }
        if (a instanceof Action.ShowProfile) {
            return "pr";
        }
        if (a instanceof Action.ConfirmForget) {
            return "f:y";
        }
        if (a instanceof Action.CancelForget) {
            return "f:n";
        }
        if (a instanceof Action.PauseMenu) {
            return "pm";
        }
        if (a instanceof Action.PauseTonight) {
            return "p:t";
        }
        if (a instanceof Action.PauseCustom) {
            return "p:c";
        }
        if (a instanceof Action.StartWait) {
            return "w";
        }
        if (a instanceof Action.PracticeStop) {
            return "k:s";
        }
        if (a instanceof Action.PracticeContinue) {
            return "k:c";
        }
        if (a instanceof Action.PracticeRestart) {
            return "k:o";
        }
        if (a instanceof Action.ShareMenu) {
            return "sh";
        }
        if (a instanceof Action.ShowCard) {
            return "pc";
        }
        if (a instanceof Action.Share x) {
            return x.named() ? "sh:n" : "sh:a";
        }
        throw new IllegalArgumentException("no encoding for " + a.getClass().getSimpleName());
    }

    private static char groupChoice(Action.GroupShare.Choice c) {
        return switch (c) {
            case NAMED -> 'n';
            case ANONYMOUS -> 'a';
            case NO -> 'x';
        };
    }

    private static Optional<Action> groupShare(String data) {
        Matcher m = GROUP_SHARE.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        long group;
        try {
            group = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty(); // 19 digits may overflow a long: not ours
        }
        for (Action.GroupShare.Choice c : Action.GroupShare.Choice.values()) {
            if (groupChoice(c) == m.group(1).charAt(0)) {
                return Optional.of(new Action.GroupShare(c, group));
            }
        }
        return Optional.empty();
    }

    public static Optional<Action> decode(String data) {
        if (data == null || data.isEmpty() || data.length() > MAX_BYTES) {
            return Optional.empty();
        }
        switch (data) {
            case "s": return Optional.of(new Action.StartQuiz());
            case "c": return Optional.of(new Action.ContinueQuiz());
            case "o": return Optional.of(new Action.RestartQuiz());
            case "pb": return Optional.of(new Action.ShowPlaybook());
            case "pr": return Optional.of(new Action.ShowProfile());
            case "f:y": return Optional.of(new Action.ConfirmForget());
            case "f:n": return Optional.of(new Action.CancelForget());
            case "pm": return Optional.of(new Action.PauseMenu());
            case "p:t": return Optional.of(new Action.PauseTonight());
            case "p:c": return Optional.of(new Action.PauseCustom());
            case "w": return Optional.of(new Action.StartWait());
            case "k:s": return Optional.of(new Action.PracticeStop());
            case "k:c": return Optional.of(new Action.PracticeContinue());
            case "k:o": return Optional.of(new Action.PracticeRestart());
            case "sh": return Optional.of(new Action.ShareMenu());
            case "pc": return Optional.of(new Action.ShowCard());
            case "sh:n": return Optional.of(new Action.Share(true));
            case "sh:a": return Optional.of(new Action.Share(false));
            default: break;
        }
        if (data.startsWith("l:")) {
            return Lang.fromCode(data.substring(2)).map(Action.SetLang::new);
        }
        if (data.startsWith("g:")) {
            return groupShare(data);
        }
        if (!data.startsWith("q:")) {
            // the quiz's buttons are most of all buttons, encoded (and checked) on every step: one pattern for them
            return coaching(data);
        }
        Matcher m = QUIZ.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        String run = m.group(1);
        int step = Integer.parseInt(m.group(2));
        return Optional.of(m.group(3).equals("b")
                ? new Action.Back(run, step)
                : new Action.Answer(run, step, Integer.parseInt(m.group(3))));
    }

    private static Optional<Action> coaching(String data) {
        Matcher m = PAUSE_FOR.matcher(data);
        if (m.matches()) {
            return Optional.of(new Action.PauseFor(Integer.parseInt(m.group(1))));
        }
        m = PAUSE_AT.matcher(data);
        if (m.matches()) {
            // 12 base-36 digits stay below Long.MAX_VALUE, so this cannot overflow
            return Optional.of(new Action.PauseAt(Long.parseLong(m.group(1), 36)));
        }
        m = REMINDER.matcher(data);
        if (m.matches()) {
            char op = m.group(2).charAt(0);
            for (Action.ReminderOp.Op o : Action.ReminderOp.Op.values()) {
                if (o.code == op) {
                    return Optional.of(new Action.ReminderOp(m.group(1), o));
                }
            }
        }
        m = ZONE.matcher(data);
        if (m.matches()) {
            return Optional.of(new Action.SetZone(m.group(1)));
        }
        m = CHECKIN.matcher(data);
        if (m.matches()) {
            return Optional.of(new Action.CheckinAnswer(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = PRACTICE_NEXT.matcher(data);
        if (m.matches()) {
            return Optional.of(new Action.PracticeNext(Integer.parseInt(m.group(1))));
        }
        return Optional.empty();
    }
}
