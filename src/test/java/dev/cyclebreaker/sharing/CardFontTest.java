package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardFontTest {
    private static final String CHINESE = "追逐者与疏离者";
    private static final char PRIVATE_USE = '\uE000';

    private final Font font = CardFont.base();

    @Test
    void theBundledFontIsCffOpenTypeThatJavaReads() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CardFont.RESOURCE)) {
            byte[] file = in.readAllBytes();
            assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OTTO");
            assertThat(file.length).as("bytes in the jar").isLessThan(3_000_000);
        }
        assertThat(font.getFamily()).isEqualTo("Noto Sans CJK SC");
    }

    @Test
    void itsLicenceShipsNextToIt() {
        assertThat(getClass().getClassLoader().getResource("fonts/OFL.txt")).isNotNull();
    }

    @Test
    void theBundledFontCoversChineseLatinAndDigits() {
        assertThat(font.canDisplayUpTo(CHINESE)).isEqualTo(-1);
        assertThat(font.canDisplayUpTo("Pursue-and-retreat 0123456789 @CycleBreakerBot")).isEqualTo(-1);
        assertThat(font.canDisplay(PRIVATE_USE)).isFalse();
    }

    @Test
    void theBundledFontCoversEveryHanziOfGb2312() {
        CharsetEncoder gb2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();
        int hanzi = 0;
        for (char c = '\u4E00'; c <= '\u9FFF'; c++) {
            if (gb2312.canEncode(c)) {
                hanzi++;
                assertThat(font.canDisplay(c)).as("U+%04X %s", (int) c, c).isTrue();
            }
        }
        assertThat(hanzi).isEqualTo(6763);
    }

    @Test
    void everyChineseLabelOnTheCardHasItsGlyphs() {
        for (Pattern p : Pattern.values()) {
            CardText zh = SampleCards.text(Lang.ZH, p);
            assertThat(font.canDisplayUpTo(zh.title() + zh.patternName() + zh.pursuitLabel() + zh.distanceLabel()
                    + zh.pursuer() + zh.distancer() + zh.pursueAndRetreat() + zh.steady() + zh.middle()))
                    .isEqualTo(-1);
        }
    }

    @Test
    void chineseCharactersMapToRealGlyphsNotTheMissingGlyph() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int missing = font.getMissingGlyphCode();

        assertThat(font.createGlyphVector(frc, String.valueOf(PRIVATE_USE)).getGlyphCode(0)).isEqualTo(missing);
        int[] codes = font.createGlyphVector(frc, CHINESE).getGlyphCodes(0, CHINESE.length(), null);
        assertThat(codes).doesNotContain(missing);
    }

    @Test
    void chineseCharactersDrawDifferentlyFromTheMissingGlyphBox() {
        Font sized = font.deriveFont(48f);
        int[] box = pixels(sized, String.valueOf(PRIVATE_USE));
        assertThat(inked(box)).as("the box itself leaves ink, or the comparison proves nothing").isPositive();

        for (char c : CHINESE.toCharArray()) {
            int[] glyph = pixels(sized, String.valueOf(c));

            assertThat(inked(glyph)).as("ink of %s", c).isPositive();
            assertThat(glyph).as("pixels of %s", c).isNotEqualTo(box);
        }
        assertThat(pixels(sized, "追")).isNotEqualTo(pixels(sized, "逐"));
    }

    /** {@code s} drawn black on white in a 64 x 64 square, one int per pixel. */
    private static int[] pixels(Font f, String s) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 64, 64);
            g.setColor(Color.BLACK);
            g.setFont(f);
            g.drawString(s, 8, 52);
        } finally {
            g.dispose();
        }
        return image.getRGB(0, 0, 64, 64, null, 0, 64);
    }

    private static long inked(int[] pixels) {
        return Arrays.stream(pixels).filter(p -> (p & 0xFFFFFF) != 0xFFFFFF).count();
    }
}
