package dev.cyclebreaker.sandbox;

import java.util.List;

/**
 * Text after entity parsing: what the user sees, its entities, and the deviations from strict HTML
 * that Telegram accepts silently (we still want our bot never to produce them).
 */
public record ParsedText(String text, List<TextEntity> entities, List<String> warnings) {
    public ParsedText {
        entities = List.copyOf(entities);
        warnings = List.copyOf(warnings);
    }

    static ParsedText plain(String text) {
        return new ParsedText(text, List.of(), List.of());
    }
}
