package dev.cyclebreaker.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fails the build when the two bundles drift apart or a value would be refused by Telegram. */
class MessageBundleParityTest {
    static final String EN = "messages/messages.properties";
    static final String ZH = "messages/messages_zh.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*>");
    private static final Set<String> TAGS = Set.of("b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler");

    private final Map<String, String> en = Texts.read(EN);
    private final Map<String, String> zh = Texts.read(ZH);

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(zh.keySet());
        Set<String> onlyZh = new TreeSet<>(zh.keySet());
        onlyZh.removeAll(en.keySet());

        assertThat(onlyEn).as("keys only in " + EN).isEmpty();
        assertThat(onlyZh).as("keys only in " + ZH).isEmpty();
    }

    @Test
    void noValueIsEmpty() {
        assertThat(blankKeys(en)).as("empty values in " + EN).isEmpty();
        assertThat(blankKeys(zh)).as("empty values in " + ZH).isEmpty();
    }

    @Test
    void eachKeyHasTheSamePlaceholdersInBothLanguages() {
        Map<String, String> differ = new TreeMap<>();
        for (String key : en.keySet()) {
            if (zh.containsKey(key) && !placeholders(en.get(key)).equals(placeholders(zh.get(key)))) {
                differ.put(key, placeholders(en.get(key)) + " vs " + placeholders(zh.get(key)));
            }
        }

        assertThat(differ).as("placeholders that differ (en vs zh)").isEmpty();
    }

    @Test
    void everyValueIsTelegramHtml() {
        assertThat(htmlProblems(en)).as(EN).isEmpty();
        assertThat(htmlProblems(zh)).as(ZH).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceInOneFile() throws IOException {
        assertThat(duplicateKeys(EN)).as(EN).isEmpty();
        assertThat(duplicateKeys(ZH)).as(ZH).isEmpty();
    }

    // The checker checks itself, so a green build means something.

    @Test
    void theCheckerAcceptsNestedAllowedTagsEntitiesAndPlaceholders() {
        assertThat(htmlProblem("<b>Hi <i>{name}</i></b> &amp; &lt;3 <a href=\"https://t.me/x\">x</a>")).isNull();
        assertThat(htmlProblem("<tg-spoiler>a</tg-spoiler> <blockquote>q</blockquote> <code>1 &gt; 0</code>")).isNull();
    }

    @Test
    void theCheckerRejectsBareAmpersandsAndAngleBrackets() {
        assertThat(htmlProblem("you & me")).isEqualTo("unescaped & at 4");
        assertThat(htmlProblem("1 < 2")).isEqualTo("unescaped < at 2");
        assertThat(htmlProblem("2 > 1")).isEqualTo("unescaped > at 2");
        assertThat(htmlProblem("&nbsp;")).isEqualTo("unescaped & at 0");
    }

    @Test
    void theCheckerRejectsUnknownUnclosedAndCrossedTags() {
        assertThat(htmlProblem("<br>")).isEqualTo("tag <br> is not allowed");
        assertThat(htmlProblem("<b>bold")).isEqualTo("<b> is not closed");
        assertThat(htmlProblem("<b><i>x</b></i>")).isEqualTo("</b> at 7 does not close <i>");
        assertThat(htmlProblem("x</b>")).isEqualTo("</b> at 1 closes nothing");
        assertThat(htmlProblem("<b class=\"x\">y</b>")).isEqualTo("<b> takes no attributes");
    }

    @Test
    void theCheckerRejectsBracesThatAreNotPlaceholders() {
        assertThat(htmlProblem("{ name }")).isEqualTo("brace that is not a {placeholder} at 0");
        assertThat(htmlProblem("{n}}")).isEqualTo("brace that is not a {placeholder} at 3");
    }

    static Set<String> placeholders(String value) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> blankKeys(Map<String, String> bundle) {
        return bundle.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).sorted().toList();
    }

    private static Map<String, String> htmlProblems(Map<String, String> bundle) {
        Map<String, String> problems = new TreeMap<>();
        bundle.forEach((k, v) -> {
            String problem = htmlProblem(v);
            if (problem != null) {
                problems.put(k, problem);
            }
        });
        return problems;
    }

    /** The first reason Telegram's HTML parse mode would refuse {@code html}, or null; placeholders count as text. */
    static String htmlProblem(String html) {
        Deque<String> open = new ArrayDeque<>();
        String s = PLACEHOLDER.matcher(html).replaceAll(m -> "x".repeat(m.group().length()));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '}') {
                return "brace that is not a {placeholder} at " + i;
            }
            if (c == '>') {
                return "unescaped > at " + i;
            }
            if (c == '&') {
                Matcher m = ENTITY.matcher(s).region(i, s.length());
                if (!m.lookingAt()) {
                    return "unescaped & at " + i;
                }
                i = m.end() - 1;
            }
            if (c == '<') {
                Matcher m = TAG.matcher(s).region(i, s.length());
                if (!m.lookingAt()) {
                    return "unescaped < at " + i;
                }
                String name = m.group(2);
                if (!TAGS.contains(name)) {
                    return "tag <" + name + "> is not allowed";
                }
                if (m.group(1).isEmpty()) {
                    if (!m.group(3).isEmpty() && !name.equals("a") && !name.equals("code")) {
                        return "<" + name + "> takes no attributes";
                    }
                    open.push(name);
                } else if (open.isEmpty()) {
                    return "</" + name + "> at " + i + " closes nothing";
                } else if (!open.peek().equals(name)) {
                    return "</" + name + "> at " + i + " does not close <" + open.peek() + ">";
                } else {
                    open.pop();
                }
                i = m.end() - 1;
            }
        }
        return open.isEmpty() ? null : "<" + open.peek() + "> is not closed";
    }

    /** Properties keeps the last of two equal keys without a word; a translator's copy-paste would vanish. */
    private static List<String> duplicateKeys(String resource) throws IOException {
        String text;
        try (InputStream in = MessageBundleParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> seen = new HashSet<>();
        List<String> dup = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            String key = t.split("\\s*[=:]", 2)[0];
            if (!seen.add(key)) {
                dup.add(key);
            }
        }
        return dup;
    }
}
