package dev.cyclebreaker.coaching;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Wall-clock times as typed, compacted by {@link InputText#compact}: {@code 21:40}, {@code 9:05}, {@code 9pm},
 * {@code 9:30p.m.}, {@code tomorrow9am}, {@code tonight21:00}, {@code 明天9点30}, {@code 明天上午9点}, {@code 今晚9点},
 * {@code 下午3点}, {@code 21点40分}, {@code 九点半}, {@code noon}, {@code midnight}.
 *
 * <p>Conservative on purpose: a bare number ({@code 9}) and a dotted time ({@code 21.40}, which next to
 * {@code 1.5h} could be either) are not read. A bare hour is accepted only with a day word, a period of day,
 * am/pm or 点. A wrong guess would remind someone at the wrong time; asking again costs one message.
 */
final class WallClockGrammar {
    private static final List<String> AM_PM = List.of("a.m.", "p.m.", "a.m", "p.m", "am", "pm");
    private static final List<String> HOUR_MARKS = List.of("点", "點", "时", "時", "o'clock", "oclock");

    private WallClockGrammar() {
    }

    /**
     * What was typed, before any zone: a time on the day {@code dayOffset} days from today. {@code couldBePm}
     * marks an hour 1-11 written with no period and no zero padding ({@code 9:30}, {@code 9点}, not {@code 09:30}):
     * if that time has passed today, the same hour after noon is the likelier meaning.
     */
    record WallTime(LocalTime time, int dayOffset, boolean couldBePm) {
    }

    private enum Period {
        NONE, SMALL_HOURS, MORNING, NOON, AFTERNOON, EVENING
    }

    private record DayWord(String token, int offset, Period period) {
    }

    // longer tokens first where one is a prefix of another
    private static final List<DayWord> DAY_WORDS = List.of(
            new DayWord("tomorrow", 1, Period.NONE), new DayWord("tmrw", 1, Period.NONE),
            new DayWord("tmr", 1, Period.NONE), new DayWord("today", 0, Period.NONE),
            new DayWord("tonight", 0, Period.EVENING),
            new DayWord("明天", 1, Period.NONE), new DayWord("明日", 1, Period.NONE),
            new DayWord("明早", 1, Period.MORNING), new DayWord("明晚", 1, Period.EVENING),
            new DayWord("今天", 0, Period.NONE), new DayWord("今日", 0, Period.NONE),
            new DayWord("今晚", 0, Period.EVENING));

    private record PeriodWord(String token, Period period) {
    }

    private static final List<PeriodWord> PERIOD_WORDS = List.of(
            new PeriodWord("凌晨", Period.SMALL_HOURS), new PeriodWord("早上", Period.MORNING),
            new PeriodWord("早晨", Period.MORNING), new PeriodWord("上午", Period.MORNING),
            new PeriodWord("中午", Period.NOON), new PeriodWord("下午", Period.AFTERNOON),
            new PeriodWord("傍晚", Period.AFTERNOON), new PeriodWord("晚上", Period.EVENING));

    static Optional<WallTime> parse(String compact) {
        Cursor c = new Cursor(compact);
        c.eat("at");
        int dayOffset = 0;
        boolean dayWord = false;
        Period period = Period.NONE;
        boolean periodWord = false;
        for (DayWord d : DAY_WORDS) {
            if (c.eat(d.token())) {
                dayOffset = d.offset();
                period = d.period();
                dayWord = true;
                c.eat("at");
                break;
            }
        }
        if (period == Period.NONE) {
            for (PeriodWord p : PERIOD_WORDS) {
                if (c.eat(p.token())) {
                    period = p.period();
                    periodWord = true;
                    break;
                }
            }
        }
        if (period == Period.NONE && c.eat("noon")) {
            return c.atEnd() ? Optional.of(new WallTime(LocalTime.NOON, dayOffset, false)) : Optional.empty();
        }
        if (period == Period.NONE && c.eat("midnight")) {
            return c.atEnd() ? Optional.of(new WallTime(LocalTime.MIDNIGHT, dayOffset + 1, false)) : Optional.empty();
        }

        boolean zeroPadded = false;
        int hour;
        Cursor.Digits h = c.digits();
        if (h != null) {
            if (h.count() > 2) {
                return Optional.empty();
            }
            hour = (int) h.value();
            zeroPadded = h.zeroPadded();
        } else {
            hour = ChineseNumerals.read(c);
            if (hour < 0) {
                return Optional.empty();
            }
        }

        int minute = 0;
        boolean marked = true;
        if (c.eat(":")) {
            Cursor.Digits m = c.digits();
            if (m == null || m.count() != 2) {
                return Optional.empty();
            }
            minute = (int) m.value();
        } else if (c.eatAny(HOUR_MARKS) != null) {
            minute = minutesAfterHourMark(c);
            if (minute < 0) {
                return Optional.empty();
            }
        } else {
            marked = false;
        }
        String amPm = c.eatAny(AM_PM);
        if (!c.atEnd() || minute > 59) {
            return Optional.empty();
        }
        if (!marked && !dayWord && period == Period.NONE && amPm == null) {
            return Optional.empty();
        }
        if (amPm != null) {
            // "tonight 9pm" is fine, "下午9pm" is a contradiction we do not settle
            if (periodWord || hour < 1 || hour > 12) {
                return Optional.empty();
            }
            int h24 = amPm.startsWith("a") ? hour % 12 : hour % 12 + 12;
            return Optional.of(new WallTime(LocalTime.of(h24, minute), dayOffset, false));
        }
        return inPeriod(hour, minute, period, dayOffset, zeroPadded);
    }

    /** After 点: 半, 一刻, 三刻, 整, 40, 40分, 5分, 四十, 零五; nothing means on the hour. -1 if malformed. */
    private static int minutesAfterHourMark(Cursor c) {
        if (c.atEnd() || c.eat("整")) {
            return 0;
        }
        if (c.eat("半")) {
            return 30;
        }
        if (c.eat("一刻")) {
            return 15;
        }
        if (c.eat("三刻")) {
            return 45;
        }
        Cursor.Digits m = c.digits();
        if (m != null) {
            // "9点5" could mean :05 or :50; only "9点5分" or "9点05" are clear
            boolean withMark = c.eat("分");
            return m.count() == 2 || (m.count() == 1 && withMark) ? (int) m.value() : -1;
        }
        int n = ChineseNumerals.read(c);
        if (n >= 0) {
            c.eat("分");
            return n;
        }
        // "9点pm" and the like are left for the caller to judge
        return 0;
    }

    private static Optional<WallTime> inPeriod(int hour, int minute, Period period, int dayOffset, boolean zeroPadded) {
        int h24;
        int roll = 0;
        switch (period) {
            case NONE -> {
                if (hour > 23) {
                    return Optional.empty();
                }
                boolean couldBePm = hour >= 1 && hour <= 11 && !zeroPadded;
                return Optional.of(new WallTime(LocalTime.of(hour, minute), dayOffset, couldBePm));
            }
            case SMALL_HOURS -> h24 = hour == 12 ? 0 : hour <= 6 ? hour : -1;
            case MORNING -> h24 = hour <= 12 ? hour : -1;
            case NOON -> h24 = hour == 11 || hour == 12 ? hour : hour >= 1 && hour <= 3 ? hour + 12 : -1;
            case AFTERNOON -> h24 = hour >= 1 && hour <= 11 ? hour + 12 : hour >= 12 && hour <= 23 ? hour : -1;
            case EVENING -> {
                // 晚上12点 / tonight 12: the coming midnight
                if (hour == 12 || hour == 0) {
                    h24 = 0;
                    roll = 1;
                } else {
                    h24 = hour >= 1 && hour <= 11 ? hour + 12 : hour <= 23 ? hour : -1;
                }
            }
            default -> throw new IllegalStateException(period.name());
        }
        if (h24 < 0) {
            return Optional.empty();
        }
        return Optional.of(new WallTime(LocalTime.of(h24, minute), dayOffset + roll, false));
    }
}
