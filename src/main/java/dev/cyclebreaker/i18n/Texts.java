package dev.cyclebreaker.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable lookup of the message bundles in {@code messages/} (read as UTF-8 from the classpath).
 *
 * <p>Bundle values are Telegram HTML. Placeholders are named, {@code {time}}; their values are
 * HTML-escaped unless passed as {@link Raw}. We do not use {@code java.text.MessageFormat}: its
 * apostrophe quoting silently eats text like "I'll" in messages that take arguments.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final Map<Lang, Map<String, String>> bundles;

    private Texts(Map<Lang, Map<String, String>> bundles) {
        this.bundles = bundles;
    }

    /** Loads {@code messages/messages.properties} (English) and {@code messages/messages_zh.properties}. */
    public static Texts load() {
        Map<Lang, Map<String, String>> bundles = new EnumMap<>(Lang.class);
        bundles.put(Lang.EN, read("messages/messages.properties"));
        bundles.put(Lang.ZH, read("messages/messages_zh.properties"));
        return of(bundles);
    }

    public static Texts of(Map<Lang, Map<String, String>> bundles) {
        Map<Lang, Map<String, String>> copy = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            Map<String, String> b = bundles.get(l);
            if (b == null) {
                throw new IllegalArgumentException("message bundle for " + l.code() + " is missing");
            }
            copy.put(l, Map.copyOf(b));
        }
        return new Texts(copy);
    }

    static Map<String, String> read(String resource) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + resource + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys present in one bundle but not the other; empty when they match. */
    public Set<String> keyMismatch() {
        Set<String> en = bundles.get(Lang.EN).keySet();
        Set<String> zh = bundles.get(Lang.ZH).keySet();
        Set<String> diff = new TreeSet<>(en);
        diff.addAll(zh);
        Set<String> both = new TreeSet<>(en);
        both.retainAll(zh);
        diff.removeAll(both);
        return diff;
    }

    public boolean has(String key) {
        return bundles.get(Lang.EN).containsKey(key);
    }

    /**
     * The text for {@code key}, with named arguments given as alternating name, value pairs.
     *
     * @throws IllegalArgumentException for a missing key: startup validation makes that a bug
     */
    public String t(Lang lang, String key, Object... namedArgs) {
        String template = bundles.get(lang).get(key);
        if (template == null) {
            throw new IllegalArgumentException("no message '" + key + "' for " + lang.code());
        }
        if (namedArgs.length == 0) {
            return template;
        }
        if (namedArgs.length % 2 != 0) {
            throw new IllegalArgumentException("named arguments come in pairs: " + key);
        }
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            Object v = namedArgs[i + 1];
            args.put(String.valueOf(namedArgs[i]), v instanceof Raw r ? r.html() : Html.escape(String.valueOf(v)));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String v = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An argument that is already HTML and must not be escaped again. */
    public record Raw(String html) {
    }
}
