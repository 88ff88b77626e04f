package dev.cyclebreaker.coaching;

import java.util.Locale;

/** What people type, folded to one form: half-width, lower case, and (for the grammars) no spaces. */
final class InputText {
    private InputText() {
    }

    /** Full-width ASCII (U+FF01..U+FF5E: {@code ２０}, {@code ：}) and odd spaces and minus signs folded, lower-cased. */
    static String fold(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u2212') {
                c = '-';
            } else if (c == '\u2019') {
                c = '\'';
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT).trim();
    }

    /**
     * {@link #fold} with every space removed, so {@code "1 hour 30 min"} and {@code "1hour30min"} read alike;
     * null when a space stood between two digits ({@code "1 20m"}): joining them would invent a number.
     * Trailing sentence punctuation ({@code "21:40."}, {@code "20分钟。"}) is dropped.
     */
    static String compact(String raw) {
        String folded = fold(raw);
        StringBuilder out = new StringBuilder(folded.length());
        boolean spaceSinceLast = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == ' ') {
                spaceSinceLast = true;
                continue;
            }
            if (spaceSinceLast && isDigit(c) && out.length() > 0 && isDigit(out.charAt(out.length() - 1))) {
                return null;
            }
            spaceSinceLast = false;
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && ".。!".indexOf(out.charAt(end - 1)) >= 0) {
            end--;
        }
        return out.substring(0, end);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
