package dev.cyclebreaker.sharing;

import static dev.cyclebreaker.sharing.ResultCardRenderer.PLOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ResultCardRendererTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final ResultCardRenderer renderer = new ResultCardRenderer(SampleCards.BAND_LOW, SampleCards.BAND_HIGH);

    static Stream<Arguments> everyPatternInEveryLanguage() {
        return Arrays.stream(Pattern.values())
                .flatMap(p -> Arrays.stream(Lang.values()).map(l -> Arguments.of(p, l)));
    }

    @Test
    void theTestsRunHeadlessAsTheBotDoes() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyPatternInEveryLanguage")
    void everyPatternRendersAsASmallPngInEveryLanguage(Pattern pattern, Lang lang) throws IOException {
        byte[] png = renderer.render(SampleCards.PROFILES.get(pattern), SampleCards.text(lang, pattern));

        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(png.length).isBetween(10_000, 150_000);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(ResultCardRenderer.WIDTH);
        assertThat(decoded.getHeight()).isEqualTo(ResultCardRenderer.HEIGHT);
    }

    @ParameterizedTest
    @EnumSource(Pattern.class)
    void theUsersPointIsDrawnInItsPatternsColourInsideItsPatternsRegion(Pattern pattern) {
        Profile profile = SampleCards.PROFILES.get(pattern);

        BufferedImage image = renderer.draw(profile, SampleCards.text(Lang.EN, pattern));

        Point2D point = PLOT.point(profile);
        assertThat(region(pattern).contains(point)).as("point %s in the %s region", point, pattern).isTrue();
        assertThat(rgb(image, point)).isEqualTo(rgb(ResultCardRenderer.accent(pattern)));
        Point2D mirrored = new Point2D.Double(2 * PLOT.x(50) - point.getX(), 2 * PLOT.y(50) - point.getY());
        assertThat(rgb(image, mirrored)).isNotEqualTo(rgb(ResultCardRenderer.accent(pattern)));
    }

    @Test
    void pursuitGrowsToTheRightAndDistanceGrowsUpward() {
        assertThat(PLOT.x(0)).isEqualTo(PLOT.left());
        assertThat(PLOT.x(100)).isEqualTo(PLOT.right());
        assertThat(PLOT.y(0)).isEqualTo(PLOT.bottom());
        assertThat(PLOT.y(100)).isEqualTo(PLOT.top());
        assertThat(PLOT.point(new Profile(80, 20, Pattern.PURSUER)))
                .isEqualTo(new Point2D.Double(PLOT.left() + 400, PLOT.top() + 400));
    }

    @Test
    void thePlotFitsInsideTheCard() {
        assertThat(PLOT.left()).isPositive();
        assertThat(PLOT.right()).isLessThan(ResultCardRenderer.WIDTH);
        assertThat(PLOT.top()).isPositive();
        assertThat(PLOT.bottom()).isLessThan(ResultCardRenderer.HEIGHT);
    }

    @Test
    void aTextWithACharacterTheFontLacksIsRejectedRatherThanDrawnAsABox() {
        CardText en = SampleCards.text(Lang.EN, Pattern.STEADY);
        CardText withEmoji = new CardText(en.title(), "Steady 🙂", en.pursuitLabel(), en.distanceLabel(), en.pursuer(),
                en.distancer(), en.pursueAndRetreat(), en.steady(), en.middle(), en.footer());

        assertThatThrownBy(() -> renderer.render(SampleCards.PROFILES.get(Pattern.STEADY), withEmoji))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("card font has no glyph for U+1F642 in \"Steady 🙂\"");
    }

    @Test
    void aBandThatIsNotLowBelowHighFailsAtConstruction() {
        assertThatThrownBy(() -> new ResultCardRenderer(60, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("band must be 0 <= low < high <= 100: 60, 40");
    }

    @Test
    void aBlankLabelFailsWhenTheTextIsMade() {
        assertThatThrownBy(() -> new CardText("t", "p", "x", "y", "a", "b", "c", " ", "m", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("card text steady is blank");
    }

    /** The part of the plane a pattern owns, in image coordinates, for the 40 / 60 band. */
    private static Rectangle2D region(Pattern pattern) {
        double low = SampleCards.BAND_LOW;
        double high = SampleCards.BAND_HIGH;
        return switch (pattern) {
            case PURSUER -> rect(high, 100, 0, low);
            case DISTANCER -> rect(0, low, high, 100);
            case PURSUE_AND_RETREAT -> rect(high, 100, high, 100);
            case STEADY -> rect(0, low, 0, low);
            case MIXED -> rect(low, high, 0, 100); // the vertical arm of the band is enough for our sample
        };
    }

    private static Rectangle2D rect(double pursuitFrom, double pursuitTo, double distanceFrom, double distanceTo) {
        double x0 = PLOT.x((int) pursuitFrom);
        double x1 = PLOT.x((int) pursuitTo);
        double yTop = PLOT.y((int) distanceTo);
        double yBottom = PLOT.y((int) distanceFrom);
        return new Rectangle2D.Double(x0, yTop, x1 - x0, yBottom - yTop);
    }

    private static int rgb(BufferedImage image, Point2D p) {
        return image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xFFFFFF;
    }

    private static int rgb(java.awt.Color c) {
        return c.getRGB() & 0xFFFFFF;
    }
}
