package dev.cyclebreaker.sharing;

import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the shareable result card: the pattern name as a headline, both scores, and the user's
 * point on the pursuit x distance plane with its four quadrants and the middle band. Pure Java2D on
 * an off-screen image, so it needs no display ({@code java.awt.headless=true}, which Spring Boot
 * sets by default), and only the bundled {@link CardFont}. Thread-safe: each call has its own image.
 */
public final class ResultCardRenderer {
    static final int WIDTH = 800;
    static final int HEIGHT = 840;
    static final Plot PLOT = new Plot(165, 215, 500);

    private static final Color BACKGROUND = new Color(0xFBF8F3);
    private static final Color INK = new Color(0x2E2A26);
    private static final Color MUTED = new Color(0x8A8278);
    private static final Color BAND = new Color(0xECE6DC);
    private static final Color FRAME = new Color(0xBDB5AA);

    private final int bandLow;
    private final int bandHigh;
    private final Font font;

    /**
     * @param bandLow  a score at or below this is low (the quiz's {@code band.low})
     * @param bandHigh a score at or above this is high (the quiz's {@code band.high}); between is the middle band
     */
    public ResultCardRenderer(int bandLow, int bandHigh) {
        if (bandLow < 0 || bandHigh > 100 || bandLow >= bandHigh) {
            throw new IllegalArgumentException("band must be 0 <= low < high <= 100: " + bandLow + ", " + bandHigh);
        }
        this.bandLow = bandLow;
        this.bandHigh = bandHigh;
        this.font = CardFont.base();
    }

    /**
     * The card as PNG bytes.
     *
     * @throws IllegalArgumentException when a text has a character the bundled font lacks, such as an
     *                                  emoji: it would print as an empty box
     */
    public byte[] render(Profile profile, CardText text) {
        return PngEncoder.encode(draw(profile, text));
    }

    BufferedImage draw(Profile profile, CardText text) {
        requireGlyphs(text);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // Greyscale, not LCD, text antialiasing: the picture is scaled and recompressed by Telegram.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color accent = accent(profile.pattern());
            drawHeader(g, profile, text, accent);
            drawPlane(g, profile, text, accent);
            drawAxes(g, text);
            drawPoint(g, profile, accent);
            if (!text.footer().isEmpty()) {
                g.setColor(MUTED);
                centered(g, text.footer(), fitted(text.footer(), 18f, false, WIDTH - 80, g), WIDTH / 2.0, 824);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawHeader(Graphics2D g, Profile profile, CardText text, Color accent) {
        g.setColor(MUTED);
        centered(g, text.title(), fitted(text.title(), 26f, false, WIDTH - 80, g), WIDTH / 2.0, 66);
        g.setColor(darker(accent));
        centered(g, text.patternName(), fitted(text.patternName(), 56f, true, WIDTH - 80, g), WIDTH / 2.0, 132);

        // "Pursuit 72    Distance 31": labels muted, numbers bold, the pair centred as one line.
        Font label = font.deriveFont(26f);
        Font number = font.deriveFont(Font.BOLD, 30f);
        String p = String.valueOf(profile.pursuit());
        String d = String.valueOf(profile.distance());
        double gap = 12;
        double between = 48;
        double total = width(g, label, text.pursuitLabel()) + gap + width(g, number, p) + between
                + width(g, label, text.distanceLabel()) + gap + width(g, number, d);
        double x = (WIDTH - total) / 2;
        float baseline = 184;
        x = run(g, label, MUTED, text.pursuitLabel(), x, baseline) + gap;
        x = run(g, number, INK, p, x, baseline) + between;
        x = run(g, label, MUTED, text.distanceLabel(), x, baseline) + gap;
        run(g, number, INK, d, x, baseline);
    }

    private void drawPlane(Graphics2D g, Profile profile, CardText text, Color accent) {
        Pattern mine = profile.pattern();
        Point2D point = PLOT.point(profile);
        double low = PLOT.x(bandLow) - PLOT.left();
        double high = PLOT.right() - PLOT.x(bandHigh);
        double bandWidth = PLOT.size() - low - high;
        List<Quadrant> quadrants = List.of(
                new Quadrant(Pattern.DISTANCER, text.distancer(), PLOT.left(), PLOT.top(), low, high, true),
                new Quadrant(Pattern.PURSUE_AND_RETREAT, text.pursueAndRetreat(), PLOT.x(bandHigh), PLOT.top(), high, high, true),
                new Quadrant(Pattern.STEADY, text.steady(), PLOT.left(), PLOT.y(bandLow), low, low, false),
                new Quadrant(Pattern.PURSUER, text.pursuer(), PLOT.x(bandHigh), PLOT.y(bandLow), high, low, false));

        g.setColor(BAND);
        g.fill(new Rectangle2D.Double(PLOT.left(), PLOT.top(), PLOT.size(), PLOT.size()));
        if (mine == Pattern.MIXED) {
            g.setColor(tint(accent(Pattern.MIXED), 0.22));
            g.fill(new Rectangle2D.Double(PLOT.x(bandLow), PLOT.top(), bandWidth, PLOT.size()));
            g.fill(new Rectangle2D.Double(PLOT.left(), PLOT.y(bandHigh), PLOT.size(), bandWidth));
        }
        for (Quadrant q : quadrants) {
            g.setColor(tint(accent(q.pattern()), q.pattern() == mine ? 0.30 : 0.13));
            g.fill(new Rectangle2D.Double(q.x(), q.y(), q.width(), q.height()));
        }
        drawGuides(g, point, accent);
        for (Quadrant q : quadrants) {
            boolean isMine = q.pattern() == mine;
            Font f = fitted(q.label(), 21f, isMine, q.width() - 20, g);
            double ascent = f.getLineMetrics(q.label(), g.getFontRenderContext()).getAscent();
            double atTop = q.y() + 14 + ascent;
            double atBottom = q.y() + q.height() - 18;
            // The label sits on the quadrant's outer edge, unless the user's point is there.
            boolean outerEdgeTaken = isMine && Math.abs(point.getY() - (q.top() ? atTop : atBottom) + ascent / 2) < 44;
            double baseline = q.top() != outerEdgeTaken ? atTop : atBottom;
            g.setColor(darker(accent(q.pattern())));
            centered(g, q.label(), f, q.x() + q.width() / 2, baseline);
        }

        Font middle = fitted(text.middle(), 16f, mine == Pattern.MIXED, bandWidth - 8, g);
        double ascent = middle.getLineMetrics(text.middle(), g.getFontRenderContext()).getAscent();
        g.setColor(MUTED);
        centered(g, text.middle(), middle, PLOT.x(50), PLOT.y(50) + ascent / 2 - 2);

        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Rectangle2D.Double(PLOT.left(), PLOT.top(), PLOT.size(), PLOT.size()));
    }

    private void drawAxes(Graphics2D g, CardText text) {
        g.setColor(MUTED);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double x0 = PLOT.left();
        double y0 = PLOT.bottom();
        g.draw(new Line2D.Double(x0, y0, PLOT.right() + 18, y0));
        g.draw(new Line2D.Double(x0, y0, x0, PLOT.top() - 18));
        g.fill(arrowHead(PLOT.right() + 26, y0, 0));
        g.fill(arrowHead(x0, PLOT.top() - 26, -Math.PI / 2));

        Font tick = font.deriveFont(17f);
        for (int v : new int[] {0, 50, 100}) {
            centered(g, String.valueOf(v), tick, PLOT.x(v), y0 + 26);
            String s = String.valueOf(v);
            g.setFont(tick);
            g.drawString(s, (float) (x0 - 10 - width(g, tick, s)), (float) (PLOT.y(v) + 6));
        }

        g.setColor(INK);
        Font axis = fitted(text.pursuitLabel(), 24f, true, PLOT.size(), g);
        centered(g, text.pursuitLabel(), axis, PLOT.x(50), y0 + 64);

        Font yAxis = fitted(text.distanceLabel(), 24f, true, PLOT.size(), g);
        AffineTransform saved = g.getTransform();
        g.translate(x0 - 52, PLOT.y(50));
        g.rotate(-Math.PI / 2);
        centered(g, text.distanceLabel(), yAxis, 0, 0);
        g.setTransform(saved);
    }

    /** Dashed lines from the point to both axes, drawn under the labels. */
    private static void drawGuides(Graphics2D g, Point2D p, Color accent) {
        g.setColor(withAlpha(accent, 150));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        g.draw(new Line2D.Double(p.getX(), p.getY(), p.getX(), PLOT.bottom()));
        g.draw(new Line2D.Double(p.getX(), p.getY(), PLOT.left(), p.getY()));
    }

    private void drawPoint(Graphics2D g, Profile profile, Color accent) {
        Point2D p = PLOT.point(profile);
        g.setColor(withAlpha(accent, 70));
        g.fill(circle(p, 24));
        g.setColor(Color.WHITE);
        g.fill(circle(p, 15));
        g.setColor(accent);
        g.fill(circle(p, 12));
    }

    /** The dot's colour, and the headline's and quadrant's hue. */
    static Color accent(Pattern pattern) {
        return switch (pattern) {
            case PURSUER -> new Color(0xD9603F);
            case DISTANCER -> new Color(0x2F73A8);
            case PURSUE_AND_RETREAT -> new Color(0x8C55A8);
            case STEADY -> new Color(0x3F9460);
            case MIXED -> new Color(0x9A7B3C);
        };
    }

    private void requireGlyphs(CardText text) {
        for (String s : new String[] {text.title(), text.patternName(), text.pursuitLabel(), text.distanceLabel(),
                text.pursuer(), text.distancer(), text.pursueAndRetreat(), text.steady(), text.middle(), text.footer()}) {
            int at = font.canDisplayUpTo(s);
            if (at >= 0) {
                throw new IllegalArgumentException(
                        "card font has no glyph for U+%04X in \"%s\"".formatted(s.codePointAt(at), s));
            }
        }
    }

    /** The font at {@code size}, shrunk just enough for {@code s} to fit {@code maxWidth}. */
    private Font fitted(String s, float size, boolean bold, double maxWidth, Graphics2D g) {
        Font f = font.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
        double w = width(g, f, s);
        return w <= maxWidth ? f : f.deriveFont((float) (size * maxWidth / w));
    }

    private static double width(Graphics2D g, Font f, String s) {
        return f.getStringBounds(s, g.getFontRenderContext()).getWidth();
    }

    private static void centered(Graphics2D g, String s, Font f, double cx, double baseline) {
        g.setFont(f);
        g.drawString(s, (float) (cx - width(g, f, s) / 2), (float) baseline);
    }

    private static double run(Graphics2D g, Font f, Color c, String s, double x, float baseline) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, (float) x, baseline);
        return x + width(g, f, s);
    }

    private static Path2D arrowHead(double tipX, double tipY, double angle) {
        Path2D head = new Path2D.Double();
        head.moveTo(0, 0);
        head.lineTo(-14, -7);
        head.lineTo(-14, 7);
        head.closePath();
        AffineTransform at = AffineTransform.getTranslateInstance(tipX, tipY);
        at.rotate(angle);
        head.transform(at);
        return head;
    }

    private static Ellipse2D circle(Point2D c, double r) {
        return new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
    }

    /** {@code c} laid over the background at {@code amount} opacity, as an opaque colour. */
    private static Color tint(Color c, double amount) {
        return new Color(
                mix(BACKGROUND.getRed(), c.getRed(), amount),
                mix(BACKGROUND.getGreen(), c.getGreen(), amount),
                mix(BACKGROUND.getBlue(), c.getBlue(), amount));
    }

    private static int mix(int from, int to, double amount) {
        return (int) Math.round(from + (to - from) * amount);
    }

    private static Color darker(Color c) {
        return new Color((int) (c.getRed() * 0.8), (int) (c.getGreen() * 0.8), (int) (c.getBlue() * 0.8));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private record Quadrant(Pattern pattern, String label, double x, double y, double width, double height, boolean top) {
    }
}
