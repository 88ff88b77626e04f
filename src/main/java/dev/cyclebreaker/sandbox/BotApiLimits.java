package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Telegram's documented limits, checked on the parameters of one Bot API call (as recorded by
 * {@link FakeTelegram#calls()} or built by hand). Pure: no state, no I/O.
 */
public final class BotApiLimits {
    public static final int MAX_TEXT = 4096;
    public static final int MAX_CAPTION = 1024;
    public static final int MAX_CALLBACK_DATA_BYTES = 64;
    public static final int MAX_BUTTONS = 100;
    public static final int MAX_BUTTONS_PER_ROW = 8;
    public static final int MAX_COPY_TEXT = 256;
    public static final int MAX_INLINE_QUERY = 256;
    public static final int MAX_CALLBACK_ANSWER = 200;

    /** Exactly one of these makes an inline button do something. */
    static final List<String> BUTTON_ACTIONS = List.of("callback_data", "url", "copy_text", "switch_inline_query",
            "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "web_app", "login_url",
            "callback_game", "pay");

    private BotApiLimits() {
    }

    /** Every violation in the call, in the order Telegram would meet them; the first rejected one decides the 400. */
    public static List<Violation> check(String method, JsonNode params) {
        List<Violation> found = new ArrayList<>();
        String m = method.toLowerCase(Locale.ROOT);
        switch (m) {
            case "sendmessage" -> text(method, params, "text", MAX_TEXT, "message is too long", found);
            case "editmessagetext" -> text(method, params, "text", MAX_TEXT, "MESSAGE_TOO_LONG", found);
            case "sendphoto", "senddocument", "sendvideo", "sendaudio", "sendanimation", "sendvoice",
                    "editmessagecaption" -> {
                if (params.hasNonNull("caption")) {
                    text(method, params, "caption", MAX_CAPTION, "message caption is too long", found);
                }
            }
            case "answercallbackquery" -> {
                if (params.path("text").asText("").length() > MAX_CALLBACK_ANSWER) {
                    found.add(new Violation(method, "MESSAGE_TOO_LONG", true));
                }
            }
            case "setmycommands" -> commands(method, params.path("commands"), found);
            default -> {
            }
        }
        JsonNode keyboard = params.path("reply_markup").path("inline_keyboard");
        if (!keyboard.isMissingNode()) {
            keyboard(method, keyboard, found);
        }
        return found;
    }

    /** The text Telegram would show, or the reason it refuses to parse it. */
    static ParsedText parse(String raw, String parseMode) throws HtmlParseException {
        if (parseMode != null && parseMode.equalsIgnoreCase("HTML")) {
            return TelegramHtml.parse(raw);
        }
        return ParsedText.plain(raw);
    }

    private static void text(String method, JsonNode params, String field, int max, String tooLong,
            List<Violation> found) {
        String raw = params.path(field).asText("");
        ParsedText parsed;
        try {
            parsed = parse(raw, params.path("parse_mode").asText(null));
        } catch (HtmlParseException e) {
            found.add(new Violation(method, "can't parse entities: " + e.getMessage(), true));
            return;
        }
        parsed.warnings().forEach(w -> found.add(new Violation(method, "HTML: " + w, false)));
        if (field.equals("text") && parsed.text().isBlank()) {
            found.add(new Violation(method, "message text is empty", true));
        } else if (parsed.text().length() > max) {
            found.add(new Violation(method, tooLong, true));
        }
    }

    private static void keyboard(String method, JsonNode rows, List<Violation> found) {
        if (!rows.isArray()) {
            found.add(new Violation(method, "can't parse inline keyboard: field \"inline_keyboard\" must be an Array",
                    true));
            return;
        }
        int total = 0;
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                found.add(new Violation(method, "can't parse inline keyboard: a row must be an Array", true));
                continue;
            }
            total += row.size();
            if (row.size() > MAX_BUTTONS_PER_ROW) {
                found.add(new Violation(method, "BUTTONS_TOO_MUCH (" + row.size() + " buttons in a row, at most "
                        + MAX_BUTTONS_PER_ROW + ")", true));
            }
            row.forEach(button -> button(method, button, found));
        }
        if (total > MAX_BUTTONS) {
            found.add(new Violation(method, "BUTTONS_TOO_MUCH (" + total + " buttons, at most " + MAX_BUTTONS + ")",
                    true));
        }
    }

    private static void button(String method, JsonNode button, List<Violation> found) {
        if (button.path("text").asText("").isEmpty()) {
            found.add(new Violation(method, "BUTTON_TEXT_INVALID", true));
        }
        List<String> actions = BUTTON_ACTIONS.stream().filter(button::hasNonNull).toList();
        if (actions.isEmpty()) {
            found.add(new Violation(method,
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard", true));
        } else if (actions.size() > 1) {
            found.add(new Violation(method, "can't parse inline keyboard button: exactly one of " + actions
                    + " must be set", true));
        }
        if (button.hasNonNull("callback_data")) {
            int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                found.add(new Violation(method, "BUTTON_DATA_INVALID", true));
            }
        }
        if (button.hasNonNull("url") && button.get("url").asText().isBlank()) {
            found.add(new Violation(method, "BUTTON_URL_INVALID", true));
        }
        if (button.hasNonNull("switch_inline_query")) {
            // the query typed after the bot's name in the picked chat: a string, empty allowed, as long as a query
            JsonNode query = button.get("switch_inline_query");
            if (!query.isTextual() || query.asText().length() > MAX_INLINE_QUERY) {
                found.add(new Violation(method, "SWITCH_INLINE_QUERY_INVALID", true));
            }
        }
        if (button.hasNonNull("copy_text")) {
            int length = button.get("copy_text").path("text").asText("").length();
            if (length < 1 || length > MAX_COPY_TEXT) {
                found.add(new Violation(method, "COPY_TEXT_INVALID (" + length + " characters, 1.." + MAX_COPY_TEXT
                        + ")", true));
            }
        }
    }

    private static void commands(String method, JsonNode commands, List<Violation> found) {
        if (commands.size() > 100) {
            found.add(new Violation(method, "BOT_COMMANDS_TOO_MUCH", true));
        }
        for (JsonNode command : commands) {
            if (!command.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                found.add(new Violation(method, "BOT_COMMAND_INVALID", true));
            }
            int description = command.path("description").asText("").length();
            if (description < 1 || description > 256) {
                found.add(new Violation(method, "BOT_COMMAND_DESCRIPTION_INVALID", true));
            }
        }
    }
}
