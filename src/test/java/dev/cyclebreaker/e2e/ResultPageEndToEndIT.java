package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.store.RedisTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With PUBLIC_BASE_URL: the web page of a shared result, its picture, and 404 for every link that is not (or no longer) shared. */
class ResultPageEndToEndIT {
    private static final String BASE = "https://cb.example.org";
    /** With pages, the link a user shares is the page: it previews with the card in any chat. */
    private static final Pattern PAGE = Pattern.compile(Pattern.quote(BASE) + "/r/([A-Za-z0-9_-]{22})");

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private final HttpClient http = HttpClient.newHttpClient();
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(redis, Clock.systemUTC(), c -> c.withPublicBaseUrl(URI.create(BASE)));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aSharedResultHasAPageWithOpenGraphTagsAndItsPicture() throws Exception {
        long ann = bot.user("Ann", "en");
        String token = share(ann, bot.finishTest(ann, 5), "sh:n");

        HttpResponse<String> page = get("/r/" + token, "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(page.body())
                .contains("<meta property=\"og:title\" content=\"Ann shared a result: ")
                .contains("<meta property=\"og:image\" content=\"" + BASE + "/r/" + token + ".png?lang=en\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE + "/r/" + token + "\">")
                .contains("href=\"https://t.me/cyclebreaker_sandbox_bot?start=r_" + token + "\"");

        HttpResponse<String> chinese = get("/r/" + token, "zh-CN,zh;q=0.9");
        assertThat(chinese.body()).contains("<html lang=\"zh-Hans\">").contains("Ann 分享了一个结果");

        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(local("/r/" + token + ".png?lang=zh")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).isEqualTo(800);
    }

    @Test
    void unknownMalformedAndForgottenLinksAreNotFound() throws Exception {
        long dee = bot.user("Dee", "en");
        String token = share(dee, bot.finishTest(dee, 2), "sh:a");
        assertThat(get("/r/" + token, null).body()).contains("A friend shared a result").doesNotContain("Dee");

        assertThat(get("/r/AAAAAAAAAAAAAAAAAAAAAA", null).statusCode()).isEqualTo(404);
        assertThat(get("/r/AAAAAAAAAAAAAAAAAAAAAA.png", null).statusCode()).isEqualTo(404);
        assertThat(get("/r/%3Cscript%3E", null).statusCode()).isEqualTo(404);
        assertThat(get("/r/" + "A".repeat(500), null).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/r/AAAAAAAAAAAAAAAAAAAAAA", null);
        assertThat(unknown.body()).contains("not valid any more");
        assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("no-store");

        bot.press(dee, bot.send(dee, "/forget"), "f:y");
        bot.awaitNoKeysOf(dee);
        assertThat(get("/r/" + token, null).statusCode()).isEqualTo(404);
        assertThat(get("/r/" + token + ".png", null).statusCode()).isEqualTo(404);
    }

    private String share(long user, ChatMessage profile, String how) {
        ChatMessage ask = bot.pressExpectingNew(user, profile, "sh");
        ChatMessage link = bot.pressExpectingNew(user, ask, how);
        Matcher m = PAGE.matcher(link.text());
        assertThat(m.find()).as("a result page link in " + link.text()).isTrue();
        assertThat(link.buttons()).anyMatch(b -> b.action().equals("copy_text") && b.value().equals(m.group()));
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(local(path));
        if (acceptLanguage != null) {
            r.header("Accept-Language", acceptLanguage);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + bot.httpPort() + path);
    }
}
