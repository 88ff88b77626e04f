package dev.cyclebreaker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotApiLimitsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWellFormedMessageHasNoViolations() {
        ObjectNode params = message("<b>Hi</b> &amp; welcome");
        keyboard(params).addArray().addObject().put("text", "Go").put("callback_data", "q:1:a");

        assertThat(BotApiLimits.check("sendMessage", params)).isEmpty();
    }

    @Test
    void textOf4097CharactersIsTooLongButOf4096IsNot() {
        assertThat(BotApiLimits.check("sendMessage", message("x".repeat(4096)))).isEmpty();
        assertThat(BotApiLimits.check("sendMessage", message("x".repeat(4097))))
                .containsExactly(new Violation("sendMessage", "message is too long", true));
    }

    @Test
    void theLimitCountsTextAfterEntityParsing() {
        assertThat(BotApiLimits.check("sendMessage", message("<b>" + "&lt;".repeat(4096) + "</b>"))).isEmpty();
    }

    @Test
    void anEditThatIsTooLongGetsTheEditError() {
        assertThat(BotApiLimits.check("editMessageText", message("x".repeat(4097))))
                .extracting(Violation::reason).containsExactly("MESSAGE_TOO_LONG");
    }

    @Test
    void whitespaceOnlyTextIsEmpty() {
        assertThat(BotApiLimits.check("sendMessage", message("<b> </b>")))
                .extracting(Violation::reason).containsExactly("message text is empty");
    }

    @Test
    void callbackDataOf65BytesIsRejectedEvenWhenItIs33Characters() {
        ObjectNode params = message("hi");
        keyboard(params).addArray().addObject().put("text", "Go").put("callback_data", "я".repeat(32) + "x");

        assertThat(BotApiLimits.check("sendMessage", params))
                .containsExactly(new Violation("sendMessage", "BUTTON_DATA_INVALID", true));
    }

    @Test
    void callbackDataOf64BytesIsAccepted() {
        ObjectNode params = message("hi");
        keyboard(params).addArray().addObject().put("text", "Go").put("callback_data", "я".repeat(32));

        assertThat(BotApiLimits.check("sendMessage", params)).isEmpty();
    }

    @Test
    void aButtonNeedsExactlyOneAction() {
        ObjectNode params = message("hi");
        ArrayNode row = keyboard(params).addArray();
        row.addObject().put("text", "nothing");
        row.addObject().put("text", "two").put("callback_data", "a").put("url", "https://x.org");

        assertThat(BotApiLimits.check("sendMessage", params)).extracting(Violation::reason).containsExactly(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                "can't parse inline keyboard button: exactly one of [callback_data, url] must be set");
    }

    @Test
    void keyboardsAreLimitedTo8ButtonsARowAnd100InAll() {
        ObjectNode wide = message("hi");
        ArrayNode row = keyboard(wide).addArray();
        for (int i = 0; i < 9; i++) {
            row.addObject().put("text", "b" + i).put("callback_data", "d" + i);
        }
        ObjectNode tall = message("hi");
        ArrayNode rows = keyboard(tall);
        for (int i = 0; i < 101; i++) {
            rows.addArray().addObject().put("text", "b" + i).put("callback_data", "d" + i);
        }

        assertThat(BotApiLimits.check("sendMessage", wide)).extracting(Violation::reason)
                .containsExactly("BUTTONS_TOO_MUCH (9 buttons in a row, at most 8)");
        assertThat(BotApiLimits.check("sendMessage", tall)).extracting(Violation::reason)
                .containsExactly("BUTTONS_TOO_MUCH (101 buttons, at most 100)");
    }

    @Test
    void copyTextIsLimitedTo256Characters() {
        ObjectNode params = message("hi");
        keyboard(params).addArray().addObject().put("text", "Copy").putObject("copy_text").put("text", "c".repeat(257));

        assertThat(BotApiLimits.check("sendMessage", params)).extracting(Violation::reason)
                .containsExactly("COPY_TEXT_INVALID (257 characters, 1..256)");
    }

    @Test
    void aSwitchInlineQueryButtonCarriesAStringOfAtMost256Characters() {
        ObjectNode ok = message("hi");
        keyboard(ok).addArray().addObject().put("text", "Send to a chat").put("switch_inline_query", "");
        ObjectNode tooLong = message("hi");
        keyboard(tooLong).addArray().addObject().put("text", "Send").put("switch_inline_query", "q".repeat(257));
        ObjectNode notAString = message("hi");
        keyboard(notAString).addArray().addObject().put("text", "Send").put("switch_inline_query", 5);

        assertThat(BotApiLimits.check("sendMessage", ok)).isEmpty();
        assertThat(BotApiLimits.check("sendMessage", tooLong)).extracting(Violation::reason)
                .containsExactly("SWITCH_INLINE_QUERY_INVALID");
        assertThat(BotApiLimits.check("sendMessage", notAString)).extracting(Violation::reason)
                .containsExactly("SWITCH_INLINE_QUERY_INVALID");
    }

    @Test
    void captionsAreLimitedTo1024Characters() {
        ObjectNode params = json.createObjectNode().put("caption", "c".repeat(1025));

        assertThat(BotApiLimits.check("sendPhoto", params)).extracting(Violation::reason)
                .containsExactly("message caption is too long");
    }

    @Test
    void unparsableHtmlIsRejectedAndLaxHtmlOnlyReported() {
        List<Violation> broken = BotApiLimits.check("sendMessage", message("<b>open"));
        List<Violation> lax = BotApiLimits.check("sendMessage", message("Tom & Jerry"));

        assertThat(broken).containsExactly(new Violation("sendMessage",
                "can't parse entities: Can't find end tag corresponding to start tag \"b\"", true));
        assertThat(lax).containsExactly(new Violation("sendMessage", "HTML: unescaped '&' at byte offset 4", false));
    }

    @Test
    void withoutParseModeTagsAreJustText() {
        ObjectNode params = json.createObjectNode().put("text", "<b>open");

        assertThat(BotApiLimits.check("sendMessage", params)).isEmpty();
    }

    private ObjectNode message(String html) {
        return json.createObjectNode().put("chat_id", 42).put("text", html).put("parse_mode", "HTML");
    }

    private ArrayNode keyboard(ObjectNode params) {
        return params.putObject("reply_markup").putArray("inline_keyboard");
    }
}
