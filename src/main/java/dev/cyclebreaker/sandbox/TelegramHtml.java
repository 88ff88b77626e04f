package dev.cyclebreaker.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's HTML parse mode, modelled on TDLib's parser: the allowed tags, entity decoding, error
 * texts with UTF-8 byte offsets. Where TDLib is lenient (a bare {@code &} or {@code >}, an unknown
 * named entity, a link inside a link) the text is accepted and a warning is returned.
 */
public final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji", "tg-time");

    private final String html;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<TextEntity> entities = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int pos;

    private TelegramHtml(String html) {
        this.html = html;
    }

    public static ParsedText parse(String html) throws HtmlParseException {
        return new TelegramHtml(html).run();
    }

    /** The visible length Telegram limits: UTF-16 code units after tags are removed and entities decoded. */
    public static int plainLength(String html) throws HtmlParseException {
        return parse(html).text().length();
    }

    private ParsedText run() throws HtmlParseException {
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<') {
                tag();
            } else if (c == '&') {
                text.append(entity(true));
            } else {
                if (c == '>') {
                    warnings.add("unescaped '>' at byte offset " + byteOffset(pos));
                }
                text.append(c);
                pos++;
            }
        }
        if (!open.isEmpty()) {
            throw new HtmlParseException("Can't find end tag corresponding to start tag \"" + open.peek().name + "\"");
        }
        entities.sort(Comparator.comparingInt(TextEntity::offset).thenComparing(e -> -e.length()));
        return new ParsedText(text.toString(), entities, warnings);
    }

    private String entity(boolean inText) {
        int start = pos;
        int semi = html.indexOf(';', start);
        if (semi > start + 1 && semi - start <= 10) {
            String name = html.substring(start + 1, semi);
            String decoded = decode(name);
            if (decoded != null) {
                pos = semi + 1;
                return decoded;
            }
            if (name.chars().allMatch(Character::isLetterOrDigit)) {
                warnings.add("unsupported entity &" + name + "; at byte offset " + byteOffset(start)
                        + " (Telegram shows it literally)");
                pos++;
                return "&";
            }
        }
        if (inText) {
            warnings.add("unescaped '&' at byte offset " + byteOffset(start));
        }
        pos++;
        return "&";
    }

    private static String decode(String name) {
        switch (name) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            default:
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return null;
    }

    private void tag() throws HtmlParseException {
        int start = pos;
        if (pos + 1 < html.length() && html.charAt(pos + 1) == '/') {
            endTag(start);
            return;
        }
        pos++;
        String name = name();
        if (!TAGS.contains(name)) {
            throw new HtmlParseException("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(start));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            skipSpaces();
            if (pos >= html.length()) {
                throw new HtmlParseException("Unclosed start tag at byte offset " + byteOffset(start));
            }
            if (html.charAt(pos) == '>') {
                pos++;
                break;
            }
            String attribute = name();
            if (attribute.isEmpty()) {
                throw new HtmlParseException("Empty attribute name in the tag \"" + name + "\" at byte offset "
                        + byteOffset(pos));
            }
            skipSpaces();
            String value = "";
            if (pos < html.length() && html.charAt(pos) == '=') {
                pos++;
                skipSpaces();
                value = attributeValue(start);
            }
            attributes.put(attribute, value);
        }
        checkAttributes(name, attributes);
        if (name.equals("a") && open.stream().anyMatch(o -> o.name.equals("a"))) {
            warnings.add("<a> nested in <a> at byte offset " + byteOffset(start) + " (Telegram drops the inner link)");
        }
        open.push(new Open(name, attributes, text.length()));
    }

    private void checkAttributes(String name, Map<String, String> attributes) throws HtmlParseException {
        switch (name) {
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class"))) {
                    throw new HtmlParseException("Tag \"span\" must have class \"tg-spoiler\"");
                }
            }
            case "tg-emoji" -> {
                if (!attributes.containsKey("emoji-id")) {
                    throw new HtmlParseException("Tag \"tg-emoji\" must have attribute \"emoji-id\"");
                }
            }
            case "tg-time" -> {
                String unix = attributes.getOrDefault("unix", "");
                if (!unix.matches("-?\\d{1,12}")) {
                    throw new HtmlParseException("Tag \"tg-time\" must have a numeric attribute \"unix\"");
                }
            }
            default -> {
            }
        }
    }

    private void endTag(int start) throws HtmlParseException {
        pos += 2;
        String name = name();
        skipSpaces();
        if (pos >= html.length() || html.charAt(pos) != '>') {
            throw new HtmlParseException("Unclosed end tag at byte offset " + byteOffset(start));
        }
        pos++;
        if (open.isEmpty()) {
            throw new HtmlParseException("Unexpected end tag at byte offset " + byteOffset(start));
        }
        Open top = open.pop();
        if (!top.name.equals(name)) {
            throw new HtmlParseException("Unmatched end tag at byte offset " + byteOffset(start) + ", expected \"</"
                    + top.name + ">\", found \"</" + name + ">\"");
        }
        emit(top);
    }

    private void emit(Open tag) {
        int offset = tag.textStart;
        int length = text.length() - offset;
        if (tag.name.equals("code") && !open.isEmpty() && open.peek().name.equals("pre")) {
            String cls = tag.attributes.getOrDefault("class", "");
            if (cls.startsWith("language-")) {
                open.peek().language = cls.substring("language-".length());
                return;
            }
        }
        if (length == 0) {
            return;
        }
        TextEntity entity = switch (tag.name) {
            case "b", "strong" -> TextEntity.of("bold", offset, length);
            case "i", "em" -> TextEntity.of("italic", offset, length);
            case "u", "ins" -> TextEntity.of("underline", offset, length);
            case "s", "strike", "del" -> TextEntity.of("strikethrough", offset, length);
            case "span", "tg-spoiler" -> TextEntity.of("spoiler", offset, length);
            case "code" -> TextEntity.of("code", offset, length);
            case "pre" -> new TextEntity("pre", offset, length, null, tag.language, null, null, null);
            case "blockquote" -> TextEntity.of(tag.attributes.containsKey("expandable")
                    ? "expandable_blockquote" : "blockquote", offset, length);
            case "a" -> tag.attributes.containsKey("href")
                    ? new TextEntity("text_link", offset, length, tag.attributes.get("href"), null, null, null, null)
                    : null;
            case "tg-emoji" -> new TextEntity("custom_emoji", offset, length, null, null,
                    tag.attributes.get("emoji-id"), null, null);
            case "tg-time" -> new TextEntity("date_time", offset, length, null, null, null,
                    Long.parseLong(tag.attributes.get("unix")), tag.attributes.get("format"));
            default -> null;
        };
        if (entity != null) {
            entities.add(entity);
        }
    }

    private String attributeValue(int tagStart) throws HtmlParseException {
        if (pos >= html.length()) {
            throw new HtmlParseException("Unclosed start tag at byte offset " + byteOffset(tagStart));
        }
        char quote = html.charAt(pos);
        StringBuilder value = new StringBuilder();
        if (quote == '"' || quote == '\'') {
            pos++;
            while (pos < html.length() && html.charAt(pos) != quote) {
                appendValueChar(value);
            }
            if (pos >= html.length()) {
                throw new HtmlParseException("Unclosed start tag at byte offset " + byteOffset(tagStart));
            }
            pos++;
        } else {
            while (pos < html.length() && !Character.isWhitespace(html.charAt(pos)) && html.charAt(pos) != '>') {
                appendValueChar(value);
            }
        }
        return value.toString();
    }

    private void appendValueChar(StringBuilder value) {
        if (html.charAt(pos) == '&') {
            value.append(entity(false));
        } else {
            value.append(html.charAt(pos++));
        }
    }

    private String name() {
        int start = pos;
        while (pos < html.length() && (Character.isLetterOrDigit(html.charAt(pos)) || html.charAt(pos) == '-')) {
            pos++;
        }
        return html.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private void skipSpaces() {
        while (pos < html.length() && Character.isWhitespace(html.charAt(pos))) {
            pos++;
        }
    }

    private int byteOffset(int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static final class Open {
        final String name;
        final Map<String, String> attributes;
        final int textStart;
        String language;

        Open(String name, Map<String, String> attributes, int textStart) {
            this.name = name;
            this.attributes = attributes;
            this.textStart = textStart;
        }
    }
}
