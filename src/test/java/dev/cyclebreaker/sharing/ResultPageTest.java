package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import org.junit.jupiter.api.Test;

class ResultPageTest {
    private static final ResultPage PAGE = new ResultPage(Texts.load());
    private static final Profile DISTANCER = new Profile(28, 74, Pattern.DISTANCER);
    private static final ResultPage.Links LINKS = new ResultPage.Links("https://cb.example.org/r/tok",
            "https://cb.example.org/r/tok.png?lang=en", "https://t.me/cb_bot?start=r_tok");

    @Test
    void thePageCarriesOpenGraphTagsForAGoodPreview() {
        String html = PAGE.html(Lang.EN, DISTANCER, "Ann", LINKS);

        assertThat(html).startsWith("<!doctype html>")
                .contains("<meta property=\"og:title\" content=\"Ann shared a result: Distancer\">")
                .contains("<meta property=\"og:image\" content=\"https://cb.example.org/r/tok.png?lang=en\">")
                .contains("<meta property=\"og:url\" content=\"https://cb.example.org/r/tok\">")
                .contains("<meta property=\"og:description\" content=\"Pursuit 28 · Distance 74. When you feel pressure")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("href=\"https://t.me/cb_bot?start=r_tok\"");
    }

    @Test
    void aSharerWhoStayedAnonymousIsAFriend() {
        String html = PAGE.html(Lang.EN, DISTANCER, null, LINKS);

        assertThat(html).contains("A friend shared a result: Distancer").doesNotContain("Ann");
    }

    @Test
    void aNameIsEscapedEverywhereItAppears() {
        String html = PAGE.html(Lang.EN, DISTANCER, "<script>\"x\"&", LINKS);

        assertThat(html).doesNotContain("<script>").doesNotContain("\"x\"")
                .contains("&lt;script&gt;&quot;x&quot;&amp; shared a result");
    }

    @Test
    void theChinesePageIsInChinese() {
        String html = PAGE.html(Lang.ZH, DISTANCER, "小明", LINKS);

        assertThat(html).contains("<html lang=\"zh-Hans\">").contains("小明 分享了一个结果：退避者").contains("追逐 28");
    }

    @Test
    void aGoneLinkSaysSoAndOffersTheTest() {
        String html = PAGE.gone(Lang.EN, "https://t.me/cb_bot");

        assertThat(html).contains("not valid any more").contains("href=\"https://t.me/cb_bot\"")
                .contains("<meta name=\"robots\" content=\"noindex\">");
    }

    @Test
    void theLanguageComesFromTheBrowsersFirstChoiceOfEnglishOrChinese() {
        assertThat(ResultPage.language("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Lang.ZH);
        assertThat(ResultPage.language("en-US,en;q=0.9,zh;q=0.8")).isEqualTo(Lang.EN);
        assertThat(ResultPage.language("de-DE,zh-TW;q=0.5")).isEqualTo(Lang.ZH);
        assertThat(ResultPage.language("fr")).isEqualTo(Lang.EN);
        assertThat(ResultPage.language(null)).isEqualTo(Lang.EN);
        assertThat(ResultPage.language(";;;q=x,,")).isEqualTo(Lang.EN);
        assertThat(ResultPage.language("zh".repeat(200))).isEqualTo(Lang.EN);
    }
}
