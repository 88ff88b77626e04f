package dev.cyclebreaker.coaching;

import dev.cyclebreaker.i18n.Html;
import dev.cyclebreaker.i18n.Lang;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A return time as a fragment for a message: {@code 21:40}, {@code tomorrow 09:00} / {@code 明天 09:00}, or a
 * dated form further out, always 24-hour in the user's zone. Sentences around it live in {@code messages/}; the
 * two words for "tomorrow" are the only language here, because they are part of how a time is written.
 */
public final class TimeFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATED_EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATED_ZH = DateTimeFormatter.ofPattern("M月d日 EEE HH:mm", Locale.CHINESE);

    // Bot API 9.5 date_time entity in HTML: <tg-time unix="..." format="...">fallback</tg-time>. Checked against
    // several client libraries (pyrogram, mtcute, gramio); verify the names against
    // https://core.telegram.org/bots/api#html-style before relying on them. format is optional and matches
    // r|w?[dD]?[tT]?: t short time, T long time, d short date, D long date, w weekday, r relative ("in 2 hours").
    private static final String TG_TIME = "<tg-time unix=\"%d\" format=\"%s\">%s</tg-time>";
    private static final String TG_FORMAT_TIME = "t";
    private static final String TG_FORMAT_DATE_TIME = "dt";

    private TimeFormat() {
    }

    /** The user's wall time at {@code t}, as seen on {@code now}'s day in {@code zone}. */
    public static String wallTime(Instant t, ZoneId zone, Instant now, Lang lang) {
        ZonedDateTime at = t.atZone(zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(at);
        }
        if (day.equals(today.plusDays(1))) {
            return (lang == Lang.ZH ? "明天 " : "tomorrow ") + TIME.format(at);
        }
        return (lang == Lang.ZH ? DATED_ZH : DATED_EN).format(at);
    }

    /**
     * {@code <tg-time>} markup: clients that know it show {@code t} in the reader's own zone and locale (time only
     * when it is today for the user, else date and time); older clients show {@link #wallTime} as written.
     */
    public static String tgTime(Instant t, ZoneId zone, Instant now, Lang lang) {
        boolean today = LocalDate.ofInstant(t, zone).equals(LocalDate.ofInstant(now, zone));
        return String.format(Locale.ROOT, TG_TIME, t.getEpochSecond(),
                today ? TG_FORMAT_TIME : TG_FORMAT_DATE_TIME, Html.escape(wallTime(t, zone, now, lang)));
    }
}
