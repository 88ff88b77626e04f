package dev.cyclebreaker.sharing;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of the result card, from the jar: a GB2312 subset of Noto Sans CJK SC (see
 * {@code fonts/README.md}). A font made by {@link Font#createFont} never falls back to the
 * machine's fonts, so a card looks the same everywhere and a missing glyph shows up in tests.
 */
final class CardFont {
    static final String RESOURCE = "fonts/NotoSansCJKsc-Regular-subset.otf";
    static final String NO_FONT_SYSTEM = "Java's font system needs fontconfig and at least one installed font"
            + " (Debian: apt-get install fontconfig fonts-dejavu-core); result cards still draw only with " + RESOURCE;

    private CardFont() {
    }

    /** The regular face at size 1; derive sizes and bold (synthesised) from it. */
    static Font base() {
        return Holder.FONT;
    }

    // Loaded on first use, once per JVM: the file is 1.5 MB and Font is immutable.
    private static final class Holder {
        static final Font FONT = load();
    }

    /**
     * On Linux the JDK cannot start its font system, not even for a font it is handed, on a machine
     * with no font at all; {@link Font#createFont} then says only "Problem reading font data".
     */
    private static void requireFontSystem() {
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException(NO_FONT_SYSTEM, e);
        }
    }

    private static Font load() {
        try (InputStream in = CardFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is not on the classpath");
            }
            // The JDK copies the stream to a temporary file it deletes itself: fonts cannot load from memory.
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            requireFontSystem();
            throw new UncheckedIOException("font " + RESOURCE + " cannot be read", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + RESOURCE + " is not a font Java can read", e);
        }
    }
}
