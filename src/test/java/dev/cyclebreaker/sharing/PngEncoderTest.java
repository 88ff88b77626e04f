package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    @Test
    void everyPixelOfATruecolourImageSurvivesARoundTripThroughImageIo() throws IOException {
        BufferedImage image = random(BufferedImage.TYPE_INT_RGB, 37, 23, 1);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertSamePixels(image, back);
    }

    @Test
    void rowsLikeTheOneAboveAndRowsThatDifferByOnePixelSurviveTheRoundTripToo() throws IOException {
        BufferedImage image = random(BufferedImage.TYPE_INT_RGB, 41, 30, 3);
        for (int y = 1; y < 30; y++) {
            if (y % 3 != 0) {
                for (int x = 0; x < 41; x++) {
                    image.setRGB(x, y, image.getRGB(x, y - 1)); // a band: the row above again
                }
            }
        }
        image.setRGB(40, 8, 0x123456); // the last pixel alone differs from the row above
        image.setRGB(0, 14, 0xabcdef); // the first pixel alone

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertSamePixels(image, back);
    }

    @Test
    void otherImageTypesAreWrittenFromTheirColoursWithoutAlpha() throws IOException {
        BufferedImage image = random(BufferedImage.TYPE_3BYTE_BGR, 16, 9, 2);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertSamePixels(image, back);
        assertThat(back.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void theFileStartsWithThePngSignatureAndAHeaderOfItsSize() {
        byte[] png = PngEncoder.encode(new BufferedImage(800, 840, BufferedImage.TYPE_INT_RGB));

        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r', (byte) '\n', (byte) 0x1a,
                (byte) '\n', (byte) 0, (byte) 0, (byte) 0, (byte) 13, (byte) 'I', (byte) 'H', (byte) 'D', (byte) 'R',
                (byte) 0, (byte) 0, (byte) 0x03, (byte) 0x20, (byte) 0, (byte) 0, (byte) 0x03, (byte) 0x48);
        // a blank card compresses to almost nothing
        assertThat(png.length).isLessThan(20_000);
    }

    private static BufferedImage random(int type, int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y) & 0xffffff);
            }
        }
    }
}
