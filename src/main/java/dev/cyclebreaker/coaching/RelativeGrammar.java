package dev.cyclebreaker.coaching;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Durations as typed, compacted by {@link InputText#compact}: {@code 20m}, {@code 1h30m}, {@code 1.5h},
 * {@code 1hour30minutes}, {@code inanhour}, {@code halfanhour}, {@code 20分钟}, {@code 半小时}, {@code 一个半小时},
 * {@code 1小时30分钟}, {@code 一刻钟}, {@code 2天}, {@code 20分钟后}. Parts go from larger units to smaller, each at most
 * once; a bare number after hours is minutes ({@code 1h30}). A decimal (one digit) is allowed on hours and days
 * only, so the result is always whole minutes.
 */
final class RelativeGrammar {
    private static final Map<String, Unit> UNITS = units();
    private static final List<String> UNIT_TOKENS = UNITS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final List<String> PREFIXES = List.of("in", "过", "過");
    private static final List<String> SUFFIXES = List.of("以后", "之后", "以後", "之後", "后", "後", "later");
    private static final List<String> CONNECTORS = List.of("and", "又", "零");
    private static final long NO_PART = -1;

    private RelativeGrammar() {
    }

    private enum Unit {
        MINUTE(1, false), QUARTER(15, false), HOUR(60, true), DAY(1440, true);

        final long minutes;
        final boolean fractionAllowed;

        Unit(long minutes, boolean fractionAllowed) {
            this.minutes = minutes;
            this.fractionAllowed = fractionAllowed;
        }
    }

    private static Map<String, Unit> units() {
        Map<String, Unit> m = new LinkedHashMap<>();
        for (String t : List.of("minutes", "minute", "mins", "min", "m", "分钟", "分鐘", "分鍾", "分")) {
            m.put(t, Unit.MINUTE);
        }
        for (String t : List.of("刻钟", "刻鐘", "刻鍾")) {
            m.put(t, Unit.QUARTER);
        }
        for (String t : List.of("hours", "hour", "hrs", "hr", "h", "小时", "小時", "钟头", "鐘頭", "鍾頭")) {
            m.put(t, Unit.HOUR);
        }
        for (String t : List.of("days", "day", "d", "天")) {
            m.put(t, Unit.DAY);
        }
        return Map.copyOf(m);
    }

    /** Whole minutes, saturating far above seven days so overflow reads as too long; empty if not a duration. */
    static OptionalLong minutes(String compact) {
        Cursor c = new Cursor(compact);
        c.eatAny(PREFIXES);
        long total = 0;
        Unit previous = null;
        while (!c.atEnd() && (previous == null || c.eatAny(SUFFIXES) == null)) {
            if (previous != null) {
                c.eatAny(CONNECTORS);
            }
            int before = c.mark();
            long tenths = amount(c);
            if (tenths == NO_PART) {
                return OptionalLong.empty();
            }
            char first = compact.charAt(before);
            boolean typedAsDigits = InputText.isDigit(first);
            // "a", "an", "half" only before a whole word: "an hour", but not "and" (an + d) or "am" (a + m)
            boolean englishWord = first >= 'a' && first <= 'z';
            if (!c.eat("个")) {
                c.eat("個");
            }
            if (tenths % 10 == 0 && c.eat("半")) {
                tenths += 5;
            }
            String token = c.eatAny(UNIT_TOKENS);
            if (englishWord && (token == null || token.length() < 3)) {
                return OptionalLong.empty();
            }
            if (token == null) {
                // "1h30", "1小时30", "1小时半": the tail after hours is minutes
                boolean tail = previous == Unit.HOUR && (c.atEnd() || c.eatAny(SUFFIXES) != null) && c.atEnd();
                if (!tail || !((first == '半' && tenths == 5) || (typedAsDigits && tenths % 10 == 0 && tenths < 600))) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(total + (first == '半' ? 30 : tenths / 10));
            }
            Unit unit = UNITS.get(token);
            if ((previous != null && unit.compareTo(previous) >= 0) || (tenths % 10 != 0 && !unit.fractionAllowed)) {
                return OptionalLong.empty();
            }
            total = Math.min(total + tenths * unit.minutes / 10, Cursor.Digits.CAP);
            previous = unit;
        }
        return previous == null || !c.atEnd() ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** An amount in tenths: 20 -> 200, 1.5 -> 15, 半 -> 5, 两 -> 20, "an" -> 10, "half an" -> 5; NO_PART if none. */
    private static long amount(Cursor c) {
        if (c.eat("half")) {
            if (!c.eat("an")) {
                c.eat("a");
            }
            return 5;
        }
        if (c.eat("半")) {
            return 5;
        }
        Cursor.Digits whole = c.digits();
        if (whole != null) {
            long tenths = whole.value() * 10;
            if (c.eat(".")) {
                Cursor.Digits fraction = c.digits();
                if (fraction == null || fraction.count() != 1) {
                    return NO_PART;
                }
                tenths += fraction.value();
            }
            return tenths;
        }
        int n = ChineseNumerals.read(c);
        if (n >= 0) {
            return n * 10L;
        }
        if (c.eat("an") || c.eat("a")) {
            return 10;
        }
        return NO_PART;
    }
}
