package dev.cyclebreaker.quiz;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The self-test as written in {@code messages/quiz.properties}: the items in presentation order,
 * which dimension each measures, reverse keying, the scale and the band thresholds. Immutable;
 * every problem with the definition is an {@link IllegalStateException} with one exact line, so
 * a bad edit stops the app at startup instead of mis-scoring users.
 *
 * <p>{@link #version()} is a hash of what gives an answer its meaning (item order, dimensions,
 * keying, points), not of the wording: a half-finished run is restarted only when its stored
 * answers would no longer line up.
 */
public final class QuizDefinition {
    static final String RESOURCE = "messages/quiz.properties";

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9_]{1,32}");
    private static final java.util.regex.Pattern ITEM_KEY = java.util.regex.Pattern.compile("item\\.([^.]*)\\.(dimension|reverse)");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("scale.points", "band.low", "band.high", "items");
    /** One button per point, one per row: beyond this a question no longer fits a phone screen. */
    private static final int MAX_POINTS = 11;

    private final int points;
    private final int bandLow;
    private final int bandHigh;
    private final List<Item> items;
    private final String version;

    /**
     * One statement of the test. Its text is the message {@code quiz.item.<id>}.
     *
     * @param reverse agreeing means less of the dimension, so the answer counts as {@code points + 1 - a}
     */
    public record Item(String id, Dimension dimension, boolean reverse) {
        public Item {
            checkId(id);
            if (dimension == null) {
                throw new IllegalStateException("quiz item " + id + " has no dimension");
            }
        }

        /** The message key of the statement's text. */
        public String textKey() {
            return "quiz.item." + id;
        }
    }

    /** A score at or below this is low. */
    public int bandLow() {
        return bandLow;
    }

    /** A score at or above this is high; in between is the middle band. */
    public int bandHigh() {
        return bandHigh;
    }

    private QuizDefinition(int points, int bandLow, int bandHigh, List<Item> items) {
        if (points < 2 || points > MAX_POINTS) {
            throw new IllegalStateException("scale.points must be from 2 to " + MAX_POINTS + ", not " + points);
        }
        checkBand("band.low", bandLow);
        checkBand("band.high", bandHigh);
        if (bandLow >= bandHigh) {
            throw new IllegalStateException("band.low must be below band.high");
        }
        Set<String> seen = new HashSet<>();
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        for (Item item : items) {
            if (!seen.add(item.id())) {
                throw new IllegalStateException("quiz item " + item.id() + " is listed twice");
            }
            dimensions.add(item.dimension());
        }
        if (!dimensions.equals(EnumSet.allOf(Dimension.class))) {
            throw new IllegalStateException("quiz needs items of both dimensions");
        }
        this.points = points;
        this.bandLow = bandLow;
        this.bandHigh = bandHigh;
        this.items = List.copyOf(items);
        this.version = hash(points, this.items);
    }

    /** The definition in {@code messages/quiz.properties} on the classpath. */
    public static QuizDefinition load() {
        return load(RESOURCE);
    }

    /**
     * A definition built in code, for tests.
     *
     * @param bandLow a score at or below this is low
     * @param bandHigh a score at or above this is high; in between is the middle band
     */
    public static QuizDefinition of(int points, int bandLow, int bandHigh, List<Item> items) {
        return new QuizDefinition(points, bandLow, bandHigh, items);
    }

    static QuizDefinition load(String resource) {
        try (InputStream in = QuizDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("quiz definition " + resource + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static QuizDefinition parse(Properties p) {
        int points = integer(p, "scale.points");
        int low = integer(p, "band.low");
        int high = integer(p, "band.high");
        String list = p.getProperty("items", "").trim();
        if (list.isEmpty()) {
            throw new IllegalStateException("quiz.properties has no items");
        }
        List<String> ids = List.of(list.split("[,\\s]+"));
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (TOP_LEVEL_KEYS.contains(key)) {
                continue;
            }
            var m = ITEM_KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalStateException("quiz.properties has an unknown key " + key);
            }
            if (!ids.contains(m.group(1))) {
                throw new IllegalStateException("quiz item " + m.group(1) + " is defined but not listed in items");
            }
        }
        List<Item> items = new ArrayList<>(ids.size());
        for (String id : ids) {
            checkId(id);
            items.add(new Item(id, dimension(p, id), reverse(p, id)));
        }
        return new QuizDefinition(points, low, high, items);
    }

    /** Changes when item order, dimensions, keying or the number of points change; not with wording. */
    public String version() {
        return version;
    }

    /** In presentation order. */
    public List<Item> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    /** Answers run from 1 to this. */
    public int points() {
        return points;
    }

    /**
     * Scores one complete run.
     *
     * @param answers one answer from 1 to {@link #points()} per item, in presentation order
     * @throws IllegalArgumentException for a wrong number of answers or one out of range
     */
    public Profile score(List<Integer> answers) {
        if (answers.size() != items.size()) {
            throw new IllegalArgumentException("expected " + items.size() + " answers, got " + answers.size());
        }
        int[] sum = new int[Dimension.values().length];
        int[] count = new int[Dimension.values().length];
        for (int i = 0; i < items.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || a < 1 || a > points) {
                throw new IllegalArgumentException("answer " + (i + 1) + " is " + a + ", must be 1-" + points);
            }
            Item item = items.get(i);
            int d = item.dimension().ordinal();
            sum[d] += item.reverse() ? points + 1 - a : a;
            count[d]++;
        }
        int pursuit = scale(sum[Dimension.PURSUIT.ordinal()], count[Dimension.PURSUIT.ordinal()]);
        int distance = scale(sum[Dimension.DISTANCE.ordinal()], count[Dimension.DISTANCE.ordinal()]);
        return new Profile(pursuit, distance, classify(pursuit, distance));
    }

    /**
     * Checks that every item and scale point has text in both bundles.
     *
     * @throws IllegalStateException naming the first item or point without text, and the bundle
     */
    public void validateAgainst(Texts texts) {
        Set<String> inOneBundleOnly = texts.keyMismatch();
        for (Item item : items) {
            requireText(texts, inOneBundleOnly, item.textKey(), "quiz item " + item.id());
        }
        for (int choice = 1; choice <= points; choice++) {
            requireText(texts, inOneBundleOnly, "quiz.scale." + choice, "quiz scale point " + choice);
        }
    }

    Pattern classify(int pursuit, int distance) {
        Band p = band(pursuit);
        Band d = band(distance);
        if (p == Band.MIDDLE || d == Band.MIDDLE) {
            return Pattern.MIXED;
        }
        if (p == Band.HIGH) {
            return d == Band.HIGH ? Pattern.PURSUE_AND_RETREAT : Pattern.PURSUER;
        }
        return d == Band.HIGH ? Pattern.DISTANCER : Pattern.STEADY;
    }

    @Override
    public String toString() {
        return "QuizDefinition[version=" + version + ", items=" + items.size() + ", points=" + points
                + ", band=" + bandLow + ".." + bandHigh + "]";
    }

    private enum Band { LOW, MIDDLE, HIGH }

    private Band band(int score) {
        return score <= bandLow ? Band.LOW : score >= bandHigh ? Band.HIGH : Band.MIDDLE;
    }

    /** round((sum - n) * 100 / (n * (points - 1))), half up, in integers so no float edge cases. */
    private int scale(int sum, int n) {
        int range = n * (points - 1);
        return Math.floorDiv((sum - n) * 200 + range, 2 * range);
    }

    /**
     * Texts can tell us whether the English bundle has a key and which keys only one bundle has;
     * together that says whether each bundle has it.
     */
    private static void requireText(Texts texts, Set<String> inOneBundleOnly, String key, String what) {
        boolean en = texts.has(key);
        boolean zh = en != inOneBundleOnly.contains(key);
        if (!en || texts.t(Lang.EN, key).isBlank()) {
            throw new IllegalStateException(what + " has no text in messages.properties");
        }
        if (!zh || texts.t(Lang.ZH, key).isBlank()) {
            throw new IllegalStateException(what + " has no text in messages_zh.properties");
        }
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalStateException("quiz item id '" + id + "' must be 1-32 lowercase letters, digits or _");
        }
    }

    private static void checkBand(String key, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalStateException(key + " must be from 0 to 100, not " + value);
        }
    }

    private static int integer(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("quiz.properties has no " + key);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a whole number, not '" + v.trim() + "'");
        }
    }

    private static Dimension dimension(Properties p, String id) {
        String v = p.getProperty("item." + id + ".dimension");
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("quiz item " + id + " has no dimension");
        }
        return switch (v.trim()) {
            case "pursuit" -> Dimension.PURSUIT;
            case "distance" -> Dimension.DISTANCE;
            default -> throw new IllegalStateException("quiz item " + id + ": dimension must be pursuit or distance");
        };
    }

    private static boolean reverse(Properties p, String id) {
        String v = p.getProperty("item." + id + ".reverse");
        return switch (v == null ? "" : v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("quiz item " + id + ": reverse must be true or false");
        };
    }

    private static String hash(int points, List<Item> items) {
        StringBuilder canonical = new StringBuilder("points=").append(points).append('\n');
        for (Item item : items) {
            canonical.append(item.id()).append(' ')
                    .append(item.dimension().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(item.reverse() ? "reverse" : "forward").append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
