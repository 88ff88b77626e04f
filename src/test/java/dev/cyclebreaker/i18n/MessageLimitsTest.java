package dev.cyclebreaker.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Limits that Telegram or the reader in a tense moment put on single values. */
class MessageLimitsTest {
    private final Map<Lang, Map<String, String>> bundles = Map.of(
            Lang.EN, Texts.read(MessageBundleParityTest.EN),
            Lang.ZH, Texts.read(MessageBundleParityTest.ZH));

    @Test
    void buttonsToastsCommandsAndPhrasesArePlainTextBecauseTelegramShowsThemAsTyped() {
        Predicate<String> plain = key -> key.startsWith("button.") || key.startsWith("toast.")
                || key.startsWith("quiz.scale.") || key.startsWith("lang.name.") || key.startsWith("command.")
                || key.startsWith("phrase.");

        assertThat(violations(plain, v -> v.matches("(?s).*[<>&].*"))).isEmpty();
    }

    @Test
    void commandDescriptionsFitTheCommandMenu() {
        assertThat(violations(k -> k.startsWith("command."), v -> v.length() < 3 || v.length() > 40)).isEmpty();
    }

    @Test
    void everyCommandInTheMenuIsExplainedInHelp() {
        for (Lang l : Lang.values()) {
            String help = bundles.get(l).get("help");
            bundles.get(l).keySet().stream().filter(k -> k.startsWith("command."))
                    .forEach(k -> assertThat(help).as(l + " help").contains("/" + k.substring("command.".length()) + " "));
        }
    }

    @Test
    void toastsFitACallbackAnswer() {
        assertThat(violations(k -> k.startsWith("toast."), v -> v.length() > 200)).isEmpty();
    }

    @Test
    void phrasesAreShortEnoughToCopyAndSend() {
        assertThat(violations(k -> k.startsWith("phrase."), v -> v.length() > 200)).isEmpty();
    }

    @Test
    void buttonLabelsAreShort() {
        assertThat(violations(k -> k.startsWith("button.") || k.startsWith("quiz.scale."), v -> v.length() > 32)).isEmpty();
    }

    @Test
    void quizStatementsAreOneOrTwoShortLines() {
        assertThat(violations(k -> k.startsWith("quiz.item."), v -> v.length() > 140 || v.contains("\n"))).isEmpty();
    }

    @Test
    void noSingleValueComesNearTelegramsMessageLimit() {
        assertThat(violations(k -> true, v -> v.length() > 1024)).isEmpty();
    }

    private Map<String, String> violations(Predicate<String> keys, Predicate<String> bad) {
        Map<String, String> out = new TreeMap<>();
        bundles.forEach((lang, bundle) -> bundle.forEach((k, v) -> {
            if (keys.test(k) && bad.test(v)) {
                out.put(lang.code() + ":" + k, v);
            }
        }));
        return out;
    }
}
