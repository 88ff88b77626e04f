package dev.cyclebreaker.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.QuizDefinition.Item;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuizDefinitionTest {

    private static final String SMALL = """
            scale.points=5
            band.low=40
            band.high=60
            items=p01, d01, p02, d02
            item.p01.dimension=pursuit
            item.p01.reverse=false
            item.d01.dimension=distance
            item.d01.reverse=false
            item.p02.dimension=pursuit
            item.p02.reverse=true
            item.d02.dimension=distance
            item.d02.reverse=true
            """;

    @Test
    void theShippedQuizHasEnoughItemsOfEachDimensionWithReverseKeying() {
        QuizDefinition quiz = QuizDefinition.load();

        for (Dimension d : Dimension.values()) {
            List<Item> half = quiz.items().stream().filter(i -> i.dimension() == d).toList();
            assertThat(half).as(d.name()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(half.stream().filter(Item::reverse).count()).as(d.name() + " reverse").isGreaterThanOrEqualTo(3);
        }
        assertThat(quiz.size()).isEqualTo(quiz.items().size()).isBetween(16, 20);
        assertThat(quiz.points()).isEqualTo(5);
    }

    @Test
    void theShippedQuizNeverAsksMoreThanTwoItemsOfOneDimensionInARow() {
        List<Item> items = QuizDefinition.load().items();

        for (int i = 2; i < items.size(); i++) {
            Dimension d = items.get(i).dimension();
            assertThat(items.get(i - 1).dimension() == d && items.get(i - 2).dimension() == d)
                    .as("three %s items in a row ending at %s", d, items.get(i).id()).isFalse();
        }
    }

    @Test
    void theShippedQuizHasTextForEveryItemAndScalePointInBothLanguages() {
        QuizDefinition quiz = QuizDefinition.load();

        assertThatCode(() -> quiz.validateAgainst(Texts.load())).doesNotThrowAnyException();
    }

    @Test
    void theVersionIsEightHexDigits() {
        assertThat(QuizDefinition.load().version()).matches("[0-9a-f]{8}");
    }

    @Test
    void theVersionDependsOnlyOnTheStructureNotOnTheFileOrTheWording() {
        QuizDefinition loaded = QuizDefinition.load();
        QuizDefinition rebuilt = QuizDefinition.of(loaded.points(), 40, 60, loaded.items());
        Texts reworded = textsFor(loaded, "reworded ");

        assertThatCode(() -> rebuilt.validateAgainst(reworded)).doesNotThrowAnyException();
        assertThat(rebuilt.version()).isEqualTo(loaded.version());
        assertThat(QuizDefinition.load().version()).isEqualTo(loaded.version());
    }

    @Test
    void theVersionIgnoresTheBandsBecauseStoredAnswersKeepTheirMeaning() {
        QuizDefinition quiz = parse(SMALL);

        assertThat(parse(SMALL.replace("band.high=60", "band.high=70")).version()).isEqualTo(quiz.version());
    }

    @Test
    void reorderingItemsChangesTheVersion() {
        QuizDefinition quiz = parse(SMALL);

        assertThat(parse(SMALL.replace("items=p01, d01, p02, d02", "items=d01, p01, p02, d02")).version())
                .isNotEqualTo(quiz.version());
    }

    @Test
    void rekeyingAnItemChangesTheVersion() {
        QuizDefinition quiz = parse(SMALL);

        assertThat(parse(SMALL.replace("item.p01.reverse=false", "item.p01.reverse=true")).version())
                .isNotEqualTo(quiz.version());
    }

    @Test
    void movingAnItemToTheOtherDimensionChangesTheVersion() {
        QuizDefinition quiz = parse(SMALL + "item.p03.dimension=pursuit\nitem.p03.reverse=false\n"
                + "items=p01, d01, p02, d02, p03\n");

        assertThat(parse(SMALL + "item.p03.dimension=distance\nitem.p03.reverse=false\n"
                + "items=p01, d01, p02, d02, p03\n").version()).isNotEqualTo(quiz.version());
    }

    @Test
    void changingTheNumberOfPointsChangesTheVersion() {
        QuizDefinition quiz = parse(SMALL);

        assertThat(parse(SMALL.replace("scale.points=5", "scale.points=7")).version()).isNotEqualTo(quiz.version());
    }

    @Test
    void itemsAreKeptInPresentationOrder() {
        assertThat(parse(SMALL).items()).extracting(Item::id).containsExactly("p01", "d01", "p02", "d02");
        assertThat(parse(SMALL).items().get(2)).isEqualTo(new Item("p02", Dimension.PURSUIT, true));
    }

    @Test
    void theItemListMayBeSplitOverLinesAndSpaces() {
        QuizDefinition quiz = parse(SMALL.replace("items=p01, d01, p02, d02", "items=p01 d01,\\\n    p02,d02"));

        assertThat(quiz.items()).extracting(Item::id).containsExactly("p01", "d01", "p02", "d02");
    }

    @Test
    void anItemWithoutADimensionIsRejected() {
        assertRejected(SMALL.replace("item.p02.dimension=pursuit\n", ""), "quiz item p02 has no dimension");
    }

    @Test
    void anItemWithAnUnknownDimensionIsRejected() {
        assertRejected(SMALL.replace("item.p02.dimension=pursuit", "item.p02.dimension=anxiety"),
                "quiz item p02: dimension must be pursuit or distance");
    }

    @Test
    void anItemWhoseReverseIsNotTrueOrFalseIsRejected() {
        assertRejected(SMALL.replace("item.p02.reverse=true", "item.p02.reverse=yes"),
                "quiz item p02: reverse must be true or false");
    }

    @Test
    void anItemWithoutReverseIsRejected() {
        assertRejected(SMALL.replace("item.p02.reverse=true\n", ""), "quiz item p02: reverse must be true or false");
    }

    @Test
    void aQuizWithOnlyOneDimensionIsRejected() {
        assertRejected(SMALL.replace("items=p01, d01, p02, d02", "items=p01, p02")
                        .replaceAll("item\\.d0\\d\\.[a-z]+=[a-z]+\n", ""),
                "quiz needs items of both dimensions");
    }

    @Test
    void bandLowNotBelowBandHighIsRejected() {
        assertRejected(SMALL.replace("band.low=40", "band.low=60"), "band.low must be below band.high");
    }

    @Test
    void aBandOutsideZeroToHundredIsRejected() {
        assertRejected(SMALL.replace("band.high=60", "band.high=101"), "band.high must be from 0 to 100, not 101");
    }

    @Test
    void aScaleOfOnePointIsRejected() {
        assertRejected(SMALL.replace("scale.points=5", "scale.points=1"), "scale.points must be from 2 to 11, not 1");
    }

    @Test
    void aMissingScaleIsRejected() {
        assertRejected(SMALL.replace("scale.points=5\n", ""), "quiz.properties has no scale.points");
    }

    @Test
    void aScaleThatIsNotANumberIsRejected() {
        assertRejected(SMALL.replace("scale.points=5", "scale.points=five"), "scale.points must be a whole number, not 'five'");
    }

    @Test
    void aMissingItemListIsRejected() {
        assertRejected(SMALL.replace("items=p01, d01, p02, d02", "items="), "quiz.properties has no items");
    }

    @Test
    void anItemListedTwiceIsRejected() {
        assertRejected(SMALL.replace("items=p01, d01, p02, d02", "items=p01, d01, p02, d02, p01"),
                "quiz item p01 is listed twice");
    }

    @Test
    void anItemDefinedButNotListedIsRejected() {
        assertRejected(SMALL.replace("items=p01, d01, p02, d02", "items=p01, d01, p02"),
                "quiz item d02 is defined but not listed in items");
    }

    @Test
    void aMisspelledKeyIsRejected() {
        assertRejected(SMALL + "item.p01.reversed=true\n", "quiz.properties has an unknown key item.p01.reversed");
    }

    @Test
    void anItemIdThatCannotBeAMessageKeyIsRejected() {
        assertRejected(SMALL.replace("p01", "P01"), "quiz item id 'P01' must be 1-32 lowercase letters, digits or _");
    }

    @Test
    void aMissingDefinitionFileIsRejected() {
        assertThatThrownBy(() -> QuizDefinition.load("messages/missing.properties"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz definition messages/missing.properties is not on the classpath");
    }

    @Test
    void anItemWithoutChineseTextIsRejected() {
        QuizDefinition quiz = parse(SMALL);
        Texts texts = textsFor(quiz, "", Lang.ZH, "quiz.item.p02", null);

        assertThatThrownBy(() -> quiz.validateAgainst(texts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz item p02 has no text in messages_zh.properties");
    }

    @Test
    void anItemWithBlankChineseTextIsRejected() {
        QuizDefinition quiz = parse(SMALL);
        Texts texts = textsFor(quiz, "", Lang.ZH, "quiz.item.d01", " ");

        assertThatThrownBy(() -> quiz.validateAgainst(texts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz item d01 has no text in messages_zh.properties");
    }

    @Test
    void anItemWithoutEnglishTextIsRejected() {
        QuizDefinition quiz = parse(SMALL);
        Texts texts = textsFor(quiz, "", Lang.EN, "quiz.item.p01", null);

        assertThatThrownBy(() -> quiz.validateAgainst(texts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz item p01 has no text in messages.properties");
    }

    @Test
    void anItemMissingFromBothBundlesIsReportedForEnglishFirst() {
        QuizDefinition quiz = parse(SMALL);
        Map<Lang, Map<String, String>> bundles = bundlesFor(quiz, "");
        bundles.values().forEach(b -> b.remove("quiz.item.d02"));

        assertThatThrownBy(() -> quiz.validateAgainst(Texts.of(bundles)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz item d02 has no text in messages.properties");
    }

    @Test
    void aScalePointWithoutALabelIsRejected() {
        QuizDefinition quiz = parse(SMALL);
        Texts texts = textsFor(quiz, "", Lang.ZH, "quiz.scale.5", null);

        assertThatThrownBy(() -> quiz.validateAgainst(texts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quiz scale point 5 has no text in messages_zh.properties");
    }

    static QuizDefinition parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return QuizDefinition.parse(p);
    }

    private static void assertRejected(String properties, String message) {
        assertThatThrownBy(() -> parse(properties)).isInstanceOf(IllegalStateException.class).hasMessage(message);
    }

    private static Texts textsFor(QuizDefinition quiz, String prefix) {
        return Texts.of(bundlesFor(quiz, prefix));
    }

    /** Complete bundles for {@code quiz}, with {@code key} in {@code lang} set to {@code value}, or removed when null. */
    private static Texts textsFor(QuizDefinition quiz, String prefix, Lang lang, String key, String value) {
        Map<Lang, Map<String, String>> bundles = bundlesFor(quiz, prefix);
        if (value == null) {
            bundles.get(lang).remove(key);
        } else {
            bundles.get(lang).put(key, value);
        }
        return Texts.of(bundles);
    }

    private static Map<Lang, Map<String, String>> bundlesFor(QuizDefinition quiz, String prefix) {
        List<String> keys = new ArrayList<>();
        quiz.items().forEach(i -> keys.add(i.textKey()));
        for (int c = 1; c <= quiz.points(); c++) {
            keys.add("quiz.scale." + c);
        }
        Map<Lang, Map<String, String>> bundles = new HashMap<>();
        for (Lang l : Lang.values()) {
            Map<String, String> b = new HashMap<>();
            keys.forEach(k -> b.put(k, prefix + l.code() + " " + k));
            bundles.put(l, b);
        }
        return bundles;
    }
}
