package dev.cyclebreaker.i18n;

import java.util.Locale;
import java.util.Optional;

/** The two languages the bot speaks. Persisted by {@link #code()}, never by ordinal. */
public enum Lang {
    EN("en"),
    ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Telegram's {@code language_code}: {@code zh}, {@code zh-hans}, {@code zh-TW}... -> ZH, anything else or missing -> EN. */
    public static Lang fromTelegram(String languageCode) {
        if (languageCode == null) {
            return EN;
        }
        String c = languageCode.toLowerCase(Locale.ROOT);
        return c.equals("zh") || c.startsWith("zh-") || c.startsWith("zh_") ? ZH : EN;
    }

    public static Optional<Lang> fromCode(String code) {
        for (Lang l : values()) {
            if (l.code.equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
