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
 * </pre>
 */
public final class CallbackCodec {
    static final int MAX_BYTES = 64;
    private static final Pattern QUIZ = Pattern.compile("q:([0-9a-z]{1,13}):([0-9]{1,3}):([1-9]|b)");

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
        } else {
            data = simple(a);
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
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
        throw new IllegalArgumentException("no encoding for " + a.getClass().getSimpleName());
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
            default: break;
        }
        if (data.startsWith("l:")) {
            return Lang.fromCode(data.substring(2)).map(Action.SetLang::new);
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
}
