package dev.cyclebreaker.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Html;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The result and playbook screens are built from several values; these tests assemble the
 * longest ones the way the conversation does and keep them short enough to read in a tense moment.
 */
class PatternTextsTest {
    private static final List<String> SECTIONS = List.of("pursuer", "distancer", "steady");
    private final Texts texts = Texts.load();

    @Test
    void everyPatternHasANameSummaryAndExplanationInBothLanguages() {
        for (Lang l : Lang.values()) {
            for (Pattern p : Pattern.values()) {
                for (String part : List.of("name", "summary", "explain")) {
                    assertThat(texts.t(l, "pattern." + p.key() + "." + part)).as(l + " " + p + " " + part).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyExplanationHasThreeToFiveLines() {
        for (Lang l : Lang.values()) {
            for (Pattern p : Pattern.values()) {
                assertThat(texts.t(l, "pattern." + p.key() + ".explain").split("\n"))
                        .as(l + " " + p).hasSizeBetween(3, 5);
            }
        }
    }

    @Test
    void everyPlaybookSectionIsAHeadingAndThreeToFiveBullets() {
        for (Lang l : Lang.values()) {
            for (String section : Stream.concat(SECTIONS.stream(), Stream.of("pact")).toList()) {
                String[] lines = texts.t(l, "playbook." + section).split("\n");
                assertThat(lines[0]).as(l + " " + section).startsWith("<b>").endsWith("</b>");
                assertThat(Stream.of(lines).skip(1)).as(l + " " + section).hasSizeBetween(3, 5).allMatch(s -> s.startsWith("• "));
            }
        }
    }

    @Test
    void theLongestProfileStaysUnderFifteenHundredCharactersInBothLanguages() {
        for (Lang l : Lang.values()) {
            String longest = Stream.of(Pattern.values()).map(p -> profile(l, p))
                    .max(Comparator.comparingInt(String::length)).orElseThrow();

            assertThat(longest.length()).as(l + ":\n" + longest).isLessThan(1500);
        }
    }

    @Test
    void theLongestPlaybookStaysUnderTwentyFiveHundredCharactersInBothLanguages() {
        for (Lang l : Lang.values()) {
            String longest = longestPlaybook(l);

            assertThat(longest.length()).as(l + ":\n" + longest).isLessThan(2500);
        }
    }

    /** Title, both bars at 100, the pattern with summary and explanation, both notes. */
    private String profile(Lang l, Pattern p) {
        String key = "pattern." + p.key();
        return texts.t(l, "profile.title") + "\n\n"
                + bar(l, "profile.label.pursuit") + "\n" + bar(l, "profile.label.distance") + "\n\n"
                + texts.t(l, "profile.your_pattern", "pattern", texts.t(l, key + ".name")) + "\n"
                + texts.t(l, key + ".summary") + "\n\n"
                + texts.t(l, key + ".explain") + "\n\n"
                + "<i>" + texts.t(l, "profile.strategies_note") + "</i>\n\n"
                + texts.t(l, "profile.safety_note");
    }

    private String bar(Lang l, String labelKey) {
        return texts.t(l, "profile.bar", "label", texts.t(l, labelKey), "bar", "▓".repeat(10), "score", 100);
    }

    /**
     * More than any real screen: the pursuer and distancer sections (what pursue-and-retreat and
     * in-between get), the pact, and the four longest phrases where those screens show three.
     */
    private String longestPlaybook(Lang l) {
        StringBuilder html = new StringBuilder(texts.t(l, "playbook.title"));
        for (String section : List.of("pursuer", "distancer", "pact", "try_this")) {
            html.append("\n\n").append(texts.t(l, "playbook." + section));
        }
        List<String> phrases = Stream.of("pursuer", "distancer", "pact")
                .flatMap(who -> IntStream.rangeClosed(1, 3).mapToObj(n -> "phrase." + who + "." + n))
                .filter(texts::has)
                .map(k -> texts.t(l, k))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(4)
                .toList();
        for (int i = 0; i < phrases.size(); i++) {
            html.append('\n').append(i + 1).append(". <code>").append(Html.escape(phrases.get(i))).append("</code>");
        }
        return html.toString();
    }
}
