package dev.cyclebreaker.sharing;

import dev.cyclebreaker.i18n.Html;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Profile;
import java.util.List;
import java.util.Locale;

/**
 * The web page of a shared result ({@code PUBLIC_BASE_URL/r/<token>}): the card picture, the pattern
 * and both scores, the sharer's first name only if they chose to show it, and a link into the bot.
 * Open Graph tags make the link preview well in any chat. Nothing else about the sharer is on it.
 */
public final class ResultPage {
    private final Texts texts;

    public ResultPage(Texts texts) {
        this.texts = texts;
    }

    /** The addresses a page links to: itself, its picture and the bot's deep link. */
    public record Links(String page, String image, String bot) {
    }

    /**
     * Every text here is an HTML fragment as {@link Texts} gives it (bundle text is Telegram HTML,
     * arguments such as the name arrive escaped); {@link #attribute} makes plain attribute values of them.
     *
     * @param sharerName as the sharer allowed it to be shown, or null: "a friend"
     */
    public String html(Lang l, Profile p, String sharerName, Links links) {
        String key = "pattern." + p.pattern().key();
        String who = sharerName == null ? texts.t(l, "share.a_friend") : sharerName;
        String title = texts.t(l, "page.title", "name", who, "pattern", new Texts.Raw(texts.t(l, key + ".name")));
        String summary = texts.t(l, key + ".summary");
        String scores = texts.t(l, "profile.label.pursuit") + " " + p.pursuit() + " · "
                + texts.t(l, "profile.label.distance") + " " + p.distance();
        String head = meta("name", "description", summary)
                + meta("property", "og:type", "website")
                + meta("property", "og:site_name", "CycleBreaker")
                + meta("property", "og:title", title)
                + meta("property", "og:description", scores + ". " + summary)
                + meta("property", "og:url", Html.escape(links.page()))
                + meta("property", "og:image", Html.escape(links.image()))
                + meta("property", "og:image:type", "image/png")
                + meta("property", "og:image:width", String.valueOf(ResultCardRenderer.WIDTH))
                + meta("property", "og:image:height", String.valueOf(ResultCardRenderer.HEIGHT))
                + meta("property", "og:image:alt", title)
                + meta("name", "twitter:card", "summary_large_image");
        String body = "<img src=\"" + Html.escape(links.image()) + "\" alt=\"" + attribute(title) + "\" width=\""
                + ResultCardRenderer.WIDTH + "\" height=\"" + ResultCardRenderer.HEIGHT + "\">\n"
                + "<h1>" + texts.t(l, "share.card_title", "name", who) + "</h1>\n"
                + "<p>" + texts.t(l, "share.card_pattern", "pattern", new Texts.Raw(texts.t(l, key + ".name"))) + "<br>"
                + scores + "</p>\n"
                + "<p>" + summary + "</p>\n"
                + "<p>" + texts.t(l, "share.card_invite") + "</p>\n"
                + "<p><a class=\"go\" href=\"" + Html.escape(links.bot()) + "\">" + texts.t(l, "button.take_it_yourself")
                + "</a></p>\n";
        return document(l, title, head, body);
    }

    /** For a token that is unknown, malformed, expired or deleted (served with 404). */
    public String gone(Lang l, String botLink) {
        String body = "<p>" + texts.t(l, "share.invalid") + "</p>\n<p><a class=\"go\" href=\"" + Html.escape(botLink)
                + "\">" + texts.t(l, "button.take_the_test") + "</a></p>\n";
        return document(l, "CycleBreaker", meta("name", "robots", "noindex"), body);
    }

    /**
     * The page's language from the browser's {@code Accept-Language}: Chinese when a {@code zh}
     * range comes before any English one, else English (also for a header we cannot read).
     */
    public static Lang language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 256) {
            return Lang.EN;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (range.startsWith("zh")) {
                    return Lang.ZH;
                }
                if (range.startsWith("en")) {
                    return Lang.EN;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header: English
        }
        return Lang.EN;
    }

    /** @param html an HTML fragment: its tags are dropped, its entities kept, its quotes escaped */
    private static String meta(String attribute, String name, String html) {
        return "<meta " + attribute + "=\"" + name + "\" content=\"" + attribute(html) + "\">\n";
    }

    static String attribute(String html) {
        return TAG.matcher(html).replaceAll("").replace("\"", "&quot;");
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

    private static String document(Lang l, String title, String head, String body) {
        return "<!doctype html>\n<html lang=\"" + (l == Lang.ZH ? "zh-Hans" : "en") + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + attribute(title) + "</title>\n" + head + "<style>" + STYLE + "</style>\n</head>\n"
                + "<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static final String STYLE = String.join("",
            List.of("body{margin:0;background:#f4f1ec;color:#222;font:17px/1.5 system-ui,sans-serif}",
                    "main{max-width:560px;margin:0 auto;padding:24px 16px}",
                    "img{width:100%;height:auto;border-radius:12px}h1{font-size:1.3em}",
                    "a.go{display:inline-block;padding:12px 20px;border-radius:10px;background:#2a7de1;color:#fff;",
                    "text-decoration:none;font-weight:600}"));
}
