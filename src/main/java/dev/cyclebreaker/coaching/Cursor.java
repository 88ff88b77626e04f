package dev.cyclebreaker.coaching;

import java.util.List;

/**
 * A read position over compacted input. The grammars are hand-written on top of it instead of regular
 * expressions: every step moves forward or fails, so the work is linear in the (bounded) input.
 */
final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos == s.length();
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    char peek() {
        return atEnd() ? '\0' : s.charAt(pos);
    }

    char next() {
        return s.charAt(pos++);
    }

    boolean eat(String token) {
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    /** The first token that matches here, consumed; list longer tokens before their prefixes. */
    String eatAny(List<String> tokens) {
        for (String t : tokens) {
            if (eat(t)) {
                return t;
            }
        }
        return null;
    }

    /** A run of ASCII digits, its value saturating at {@link Digits#CAP}; null if none. */
    Digits digits() {
        int start = pos;
        long value = 0;
        while (!atEnd() && InputText.isDigit(peek())) {
            value = Math.min(Digits.CAP, value * 10 + (s.charAt(pos) - '0'));
            pos++;
        }
        if (pos == start) {
            return null;
        }
        return new Digits(value, pos - start, s.charAt(start) == '0' && pos - start > 1);
    }

    /** A run of digits as written: its value, how many digits, and whether it was zero-padded ({@code 09}). */
    record Digits(long value, int count, boolean zeroPadded) {
        static final long CAP = 1_000_000_000L;
    }
}
