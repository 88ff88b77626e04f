package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResultCardsTest {
    private static final Profile PURSUER = SampleCards.PROFILES.get(Pattern.PURSUER);
    private static final CardKey ENGLISH = new CardKey(PURSUER, SampleCards.text(Lang.EN, Pattern.PURSUER));
    private static final CardKey CHINESE = new CardKey(PURSUER, SampleCards.text(Lang.ZH, Pattern.PURSUER));

    private final AtomicInteger renders = new AtomicInteger();
    private final Function<CardKey, byte[]> countingRenderer = key -> {
        renders.incrementAndGet();
        return new byte[1_000];
    };

    @Test
    void theSameCardIsRenderedOnceAndServedAsTheSameBytes() {
        ResultCards cards = new ResultCards(countingRenderer, 1_000_000, 100);

        byte[] first = cards.png(ENGLISH);
        byte[] second = cards.png(new CardKey(new Profile(82, 18, Pattern.PURSUER), SampleCards.text(Lang.EN, Pattern.PURSUER)));

        assertThat(second).isSameAs(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void theSameScoresInAnotherLanguageAreAnotherCard() {
        ResultCards cards = new ResultCards(countingRenderer, 1_000_000, 100);

        byte[] en = cards.png(ENGLISH);
        byte[] zh = cards.png(CHINESE);

        assertThat(zh).isNotSameAs(en);
        assertThat(renders).hasValue(2);
    }

    @Test
    void theCacheKeepsNoMoreBytesThanItsBound() {
        ResultCards cards = new ResultCards(countingRenderer, 3_000, 100);

        for (int pursuit = 61; pursuit <= 70; pursuit++) {
            cards.png(new CardKey(new Profile(pursuit, 10, Pattern.PURSUER), ENGLISH.text()));
        }

        assertThat(cards.cachedCards()).isLessThanOrEqualTo(3);
    }

    @Test
    void theRealRendererIsWiredToTheCache() {
        ResultCards cards = new ResultCards(new ResultCardRenderer(SampleCards.BAND_LOW, SampleCards.BAND_HIGH), 1_000_000);

        assertThat(cards.png(CHINESE)).startsWith(0x89, 'P', 'N', 'G').isSameAs(cards.png(CHINESE));
    }

    @Test
    void aFileIdIsRememberedPerCardAfterTheFirstUpload() {
        ResultCards cards = new ResultCards(countingRenderer, 1_000_000, 100);
        assertThat(cards.fileId(ENGLISH)).isEmpty();

        cards.rememberFileId(ENGLISH, "AgACAgIAAxkBAAIBZ2");

        assertThat(cards.fileId(ENGLISH)).contains("AgACAgIAAxkBAAIBZ2");
        assertThat(cards.fileId(CHINESE)).isEmpty();
    }

    @Test
    void aForgottenFileIdMakesTheNextSendUploadAgain() {
        ResultCards cards = new ResultCards(countingRenderer, 1_000_000, 100);
        cards.rememberFileId(ENGLISH, "AgACAgIAAxkBAAIBZ2");

        cards.forgetFileId(ENGLISH);

        assertThat(cards.fileId(ENGLISH)).isEmpty();
    }

    @Test
    void aBlankFileIdIsRefused() {
        ResultCards cards = new ResultCards(countingRenderer, 1_000_000, 100);

        assertThatThrownBy(() -> cards.rememberFileId(ENGLISH, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file_id is blank for card pursuer-82-18-");
    }

    @Test
    void theStableIdNamesPatternScoresAndAHashOfTheTexts() {
        assertThat(ENGLISH.stableId()).matches("pursuer-82-18-[0-9a-f]{8}");
        assertThat(CHINESE.stableId()).startsWith("pursuer-82-18-").isNotEqualTo(ENGLISH.stableId());
        assertThat(new CardKey(PURSUER, SampleCards.text(Lang.EN, Pattern.PURSUER)).stableId())
                .isEqualTo(ENGLISH.stableId());
    }
}
