package dev.cyclebreaker.coaching;

/** The small Chinese numbers people type for times and durations: 零 to 九十九, with 两 and 〇. Not a full parser. */
final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** Consumes a numeral such as 五, 十五, 二十, 二十五, 零五 and returns its value; -1 (nothing consumed) if none. */
    static int read(Cursor c) {
        int start = c.mark();
        StringBuilder run = new StringBuilder(4);
        while (run.length() < 4 && isNumeral(c.peek())) {
            run.append(c.next());
        }
        int v = value(run.toString());
        if (v < 0) {
            c.reset(start);
        }
        return v;
    }

    private static boolean isNumeral(char ch) {
        return ch == '十' || digit(ch) >= 0;
    }

    private static int digit(char ch) {
        return switch (ch) {
            case '〇' -> 0;
            case '两', '兩' -> 2;
            default -> DIGITS.indexOf(ch);
        };
    }

    private static int value(String run) {
        if (run.isEmpty()) {
            return -1;
        }
        int ten = run.indexOf('十');
        if (ten < 0) {
            // 五; 零五 (as in 九点零五)
            if (run.length() == 1) {
                return digit(run.charAt(0));
            }
            return run.length() == 2 && digit(run.charAt(0)) == 0 ? digit(run.charAt(1)) : -1;
        }
        if (run.indexOf('十', ten + 1) >= 0 || ten > 1 || run.length() - ten > 2) {
            return -1;
        }
        int tens = ten == 0 ? 1 : digit(run.charAt(0));
        int ones = ten == run.length() - 1 ? 0 : digit(run.charAt(ten + 1));
        return tens < 1 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
