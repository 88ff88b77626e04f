package dev.cyclebreaker.coaching;

import dev.cyclebreaker.i18n.Lang;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What /timezone accepts: an IANA id in any case ({@code asia/shanghai}), a city from a short list in English or
 * Chinese ({@code Berlin}, {@code 北京}), any other IANA city when its name is unambiguous ({@code Kolkata}),
 * an offset ({@code UTC}, {@code utc+8}, {@code UTC+05:30}, {@code GMT-3}, {@code +8}) or {@code 东八区}.
 * Anything else is empty, never an exception. Prefer a city to an offset: only a city knows about summer time.
 */
public final class Zones {
    private static final int MAX_INPUT_LENGTH = 64;
    private static final ZoneOffset MIN_OFFSET = ZoneOffset.ofHours(-12);
    private static final ZoneOffset MAX_OFFSET = ZoneOffset.ofHours(14);

    private static final Map<String, String> CITIES = cities();
    private static final Map<String, String> IDS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), id -> id,
                    (a, b) -> a.compareTo(b) <= 0 ? a : b));
    private static final Map<String, List<String>> IDS_BY_CITY = idsByCity();

    /** The buttons under /timezone, in a fixed order; {@code id} is short enough for callback data. */
    private static final List<Choice> COMMON = List.of(
            new Choice("sha", ZoneId.of("Asia/Shanghai"), "Beijing", "北京"),
            new Choice("tyo", ZoneId.of("Asia/Tokyo"), "Tokyo", "东京"),
            new Choice("syd", ZoneId.of("Australia/Sydney"), "Sydney", "悉尼"),
            new Choice("lon", ZoneId.of("Europe/London"), "London", "伦敦"),
            new Choice("ber", ZoneId.of("Europe/Berlin"), "Berlin", "柏林"),
            new Choice("nyc", ZoneId.of("America/New_York"), "New York", "纽约"),
            new Choice("lax", ZoneId.of("America/Los_Angeles"), "Los Angeles", "洛杉矶"),
            new Choice("utc", ZoneOffset.UTC, "UTC", "UTC"));

    private Zones() {
    }

    /** A zone button: city names only, no offsets, because Berlin is +01:00 in winter and +02:00 in summer. */
    public record Choice(String id, ZoneId zone, String en, String zh) {
        public Choice {
            Objects.requireNonNull(zone, "zone");
            if (id == null || !id.matches("[a-z]{1,8}")) {
                throw new IllegalArgumentException("a zone choice id is 1-8 lower-case letters: " + id);
            }
        }

        public String label(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }
    }

    public static List<Choice> common() {
        return COMMON;
    }

    public static Optional<Choice> choice(String id) {
        return COMMON.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public static Optional<ZoneId> parse(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String folded = InputText.fold(input).replaceAll(" +", " ");
        String key = folded.replaceAll("[ _-]", "");
        String city = CITIES.get(key);
        if (city != null) {
            return Optional.of(ZoneId.of(city));
        }
        Optional<ZoneId> offset = offset(folded.replace(" ", ""));
        if (offset.isPresent()) {
            return offset;
        }
        String id = IDS_BY_LOWER_CASE.get(folded.replace(' ', '_'));
        if (id != null) {
            return Optional.of(ZoneId.of(id));
        }
        return byCityName(folded.replace(' ', '_'));
    }

    /** {@code utc}, {@code gmt+8}, {@code +5:30}, {@code -0300}, {@code 东八区}; whole hours or :15/:30/:45. */
    private static Optional<ZoneId> offset(String s) {
        Cursor c = new Cursor(s);
        int sign;
        int hours;
        int minutes = 0;
        if (c.eat("东") || c.eat("東") || c.eat("西")) {
            // 东八区 is UTC+8, 西五区 UTC-5: the usual Chinese way to name an offset
            sign = s.startsWith("西") ? -1 : 1;
            Cursor.Digits d = c.digits();
            hours = d != null ? (int) Math.min(d.value(), 99) : ChineseNumerals.read(c);
            if (!(c.eat("区") || c.eat("區")) || !c.atEnd() || hours < 1 || hours > 12) {
                return Optional.empty();
            }
        } else {
            boolean named = c.eat("utc") || c.eat("gmt");
            if (named && c.atEnd()) {
                return Optional.of(ZoneOffset.UTC);
            }
            if (c.eat("+")) {
                sign = 1;
            } else if (c.eat("-")) {
                sign = -1;
            } else {
                return Optional.empty();
            }
            Cursor.Digits d = c.digits();
            if (d == null || d.count() > 4) {
                return Optional.empty();
            }
            if (d.count() <= 2) {
                hours = (int) d.value();
                if (c.eat(":")) {
                    Cursor.Digits m = c.digits();
                    if (m == null || m.count() != 2) {
                        return Optional.empty();
                    }
                    minutes = (int) m.value();
                }
            } else {
                // +0530, +530
                hours = (int) d.value() / 100;
                minutes = (int) d.value() % 100;
            }
            if (!c.atEnd() || hours > 14 || minutes % 15 != 0 || minutes > 45) {
                return Optional.empty();
            }
        }
        ZoneOffset o = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        int seconds = o.getTotalSeconds();
        if (seconds < MIN_OFFSET.getTotalSeconds() || seconds > MAX_OFFSET.getTotalSeconds()) {
            return Optional.empty();
        }
        return Optional.of(o);
    }

    private static Optional<ZoneId> byCityName(String name) {
        if (name.contains("/")) {
            return Optional.empty();
        }
        List<String> ids = IDS_BY_CITY.getOrDefault(name, List.of());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        ZoneId first = ZoneId.of(ids.get(0));
        // old links share the rules of their target (America/Buenos_Aires and America/Argentina/Buenos_Aires)
        boolean sameRules = ids.stream().allMatch(id -> ZoneId.of(id).getRules().equals(first.getRules()));
        return sameRules ? Optional.of(first) : Optional.empty();
    }

    private static Map<String, List<String>> idsByCity() {
        List<String> areas = List.of("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
                "Europe/", "Indian/", "Pacific/");
        Map<String, List<String>> m = new TreeMap<>();
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> areas.stream().anyMatch(id::startsWith))
                .sorted()
                .forEach(id -> m.computeIfAbsent(id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(id));
        Map<String, List<String>> copy = new HashMap<>();
        m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }

    private static Map<String, String> cities() {
        Map<String, String> m = new HashMap<>();
        put(m, "Asia/Shanghai", "shanghai", "beijing", "china", "上海", "北京", "北京时间", "北京時間", "广州", "深圳",
                "中国");
        put(m, "Asia/Hong_Kong", "hongkong", "香港");
        put(m, "Asia/Taipei", "taipei", "台北", "臺北");
        put(m, "Asia/Singapore", "singapore", "新加坡");
        put(m, "Asia/Tokyo", "tokyo", "东京", "東京");
        put(m, "Europe/London", "london", "伦敦", "倫敦");
        put(m, "Europe/Berlin", "berlin", "柏林");
        put(m, "Europe/Paris", "paris", "巴黎");
        put(m, "America/New_York", "newyork", "nyc", "纽约", "紐約");
        put(m, "America/Los_Angeles", "losangeles", "洛杉矶", "洛杉磯");
        put(m, "America/Chicago", "chicago", "芝加哥");
        put(m, "Australia/Sydney", "sydney", "悉尼", "雪梨");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String zone, String... names) {
        for (String n : names) {
            m.put(n, zone);
        }
    }
}
