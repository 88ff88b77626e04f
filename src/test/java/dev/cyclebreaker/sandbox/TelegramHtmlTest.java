package dev.cyclebreaker.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @ParameterizedTest(name = "{0} reads as \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<b>bold</b> and <strong>strong</strong>|bold and strong",
            "<i>a</i><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>|abcdefg",
            "<span class=\"tg-spoiler\">x</span><tg-spoiler>y</tg-spoiler>|xy",
            "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>|link",
            "<code>x &lt; y</code>|x < y",
            "<pre><code class=\"language-java\">int a;</code></pre>|int a;",
            "<blockquote>q</blockquote><blockquote expandable>r</blockquote>|qr",
            "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>|👍",
            "<tg-time unix=\"1647531900\" format=\"wDT\">Thursday</tg-time>|Thursday",
            "<B>upper case tags</B>|upper case tags",
            "Tom &amp; Jerry &quot;&#38;&#x26;&gt;|Tom & Jerry \"&&>",
            "<b>bold <i>and italic</i></b>|bold and italic",
    })
    void allowedTagsAndEntitiesParseToTheirText(String html, String text) throws HtmlParseException {
        ParsedText parsed = TelegramHtml.parse(html);

        assertThat(parsed.text()).isEqualTo(text);
        assertThat(parsed.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<foo>x</foo>|Unsupported start tag \"foo\" at byte offset 0",
            "<p>para</p>|Unsupported start tag \"p\" at byte offset 0",
            "<br/>|Unsupported start tag \"br\" at byte offset 0",
            "<b>never closed|Can't find end tag corresponding to start tag \"b\"",
            "<b><i>crossed</b></i>|Unmatched end tag at byte offset 13, expected \"</i>\", found \"</b>\"",
            "stray</b>|Unexpected end tag at byte offset 5",
            "1 < 2|Unsupported start tag \"\" at byte offset 2",
            "<b|Unclosed start tag at byte offset 0",
            "<span>no class</span>|Tag \"span\" must have class \"tg-spoiler\"",
            "<tg-emoji>x</tg-emoji>|Tag \"tg-emoji\" must have attribute \"emoji-id\"",
            "é<foo>|Unsupported start tag \"foo\" at byte offset 2",
    })
    void invalidHtmlIsRefusedWithTelegramsReason(String html, String reason) {
        assertThatThrownBy(() -> TelegramHtml.parse(html))
                .isInstanceOf(HtmlParseException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest(name = "{0} is accepted with a warning about {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Tom & Jerry|unescaped '&' at byte offset 4",
            "2 > 1|unescaped '>' at byte offset 2",
            "a&nbsp;b|unsupported entity &nbsp;",
            "<a href=\"https://a.org\"><a href=\"https://b.org\">x</a></a>|<a> nested in <a>",
    })
    void laxHtmlThatTelegramAcceptsStillGetsAWarning(String html, String warning) throws HtmlParseException {
        assertThat(TelegramHtml.parse(html).warnings()).singleElement().asString().contains(warning);
    }

    @Test
    void entitiesCountUtf16UnitsOfTheVisibleText() throws HtmlParseException {
        ParsedText parsed = TelegramHtml.parse("👍 <b>&lt;bold&gt;</b> <a href=\"https://x.org\">l</a>");

        assertThat(parsed.text()).isEqualTo("👍 <bold> l");
        assertThat(parsed.entities()).containsExactly(
                TextEntity.of("bold", 3, 6),
                new TextEntity("text_link", 10, 1, "https://x.org", null, null, null, null));
    }

    @Test
    void aLanguageOnCodeInsidePreBecomesThePresLanguage() throws HtmlParseException {
        assertThat(TelegramHtml.parse("<pre><code class=\"language-java\">x</code></pre>").entities())
                .containsExactly(new TextEntity("pre", 0, 1, null, "java", null, null, null));
    }

    @Test
    void plainLengthIgnoresTagsAndDecodesEntities() throws HtmlParseException {
        assertThat(TelegramHtml.plainLength("<b>" + "&amp;".repeat(4096) + "</b>")).isEqualTo(4096);
    }
}
