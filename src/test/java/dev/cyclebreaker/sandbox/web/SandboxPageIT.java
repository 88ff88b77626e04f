package dev.cyclebreaker.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.store.RedisTestServer;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox page in headless Chromium, used as a person would: type /start, click through the
 * whole test, read the profile, switch to Bob. Uses the system's chromium and chromedriver
 * (Debian's packages, which {@code .ci/run} installs); never downloads a browser.
 */
class SandboxPageIT {
    static final Path SCREENSHOT = Path.of("target", "sandbox-screenshot.png");
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    final ObjectMapper json = new ObjectMapper();
    SandboxApp app;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> chromium = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            boolean ci = "true".equals(System.getenv("CI"));
            String missing = "no chromium/chromedriver on PATH: apt-get install -y chromium chromium-driver";
            if (ci) {
                throw new AssertionError(missing + " (CI=true, so this test must run)");
            }
            Assumptions.abort(missing + " (skipped outside CI)");
        }
        app = SandboxApp.start(redis);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aliceTakesTheWholeTestByClickingAndBobHasAChatOfHisOwn() throws Exception {
        browser.get(app.base.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-alice.active")));

        type("/start");
        WebElement start = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@class,'kb') and contains(., 'Start the test')]")));
        assertThat(lastBotText()).contains("pursue–distance cycle");
        assertThat(browser.findElements(By.cssSelector(".row.bot .text b"))).isNotEmpty(); // <b> rendered as bold
        int welcomeId = Integer.parseInt(messageRowOf(start).getAttribute("data-message-id"));
        start.click();

        int questions = QuizDefinition.load().size();
        for (int i = 1; i <= questions; i++) {
            String progress = i + "/" + questions;
            WebElement row = wait.until(d -> rowWithText(welcomeId, progress));
            String choice = ":" + (i % 5 + 1);
            WebElement answer = row.findElements(By.cssSelector(".kb[data-value^='q:']")).stream()
                    .filter(b -> b.getAttribute("data-value").endsWith(choice)).findFirst().orElseThrow();
            answer.click();
        }

        WebElement profile = wait.until(d -> rowWithText(welcomeId, "▓"));
        assertThat(profile.getText()).containsAnyOf("Pursuer", "Distancer", "Pursue-and-retreat", "Steady",
                "In between");
        assertThat(profile.getAttribute("class")).contains("in").doesNotContain("out");
        assertThat(browser.findElements(By.cssSelector(".row.out"))).hasSize(1); // /start, on the right
        Files.write(Path.of("target", "sandbox-alice-profile.png"), browser.getScreenshotAs(OutputType.BYTES));

        profile.findElement(By.xpath(".//button[contains(., 'playbook')]")).click();
        WebElement copy = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".kb[data-action='copy_text']")));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Copied to clipboard"));

        browser.findElement(By.id("skip-10m")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clock-skipped"), "skipped ahead 10 min"));

        browser.findElement(By.id("chat-bob")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-bob.active")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "No messages yet"));
        type("/start");
        wait.until(d -> !d.findElements(By.cssSelector(".row.bot")).isEmpty());
        assertThat(lastBotText()).containsPattern("\\p{IsHan}{4,}");
        assertThat(browser.findElements(By.cssSelector(".row.bot"))).hasSize(1); // Alice's chat is not Bob's

        wait.until(d -> d.findElements(By.cssSelector(".toast")).isEmpty()); // the copy toast has gone
        Files.createDirectories(SCREENSHOT.getParent());
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void htmlFromTheBotBecomesElementsItsTextStaysTextAndAnEditReplacesTheMessageInPlace() throws Exception {
        browser.get(app.base.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-alice.active")));
        String html = "<b>bold</b> <i>italic</i> <u>under</u> <s>struck</s> <code>code</code>\n"
                + "<tg-spoiler>secret</tg-spoiler> <a href='https://example.org/x'>a link</a>\n"
                + "&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;\n"
                + "<blockquote>a quote</blockquote><pre><code class='language-java'>int x = 1;</code></pre>";
        ObjectNode message = json.createObjectNode().put("chat_id", SandboxChats.ALICE).put("parse_mode", "HTML")
                .put("text", html);
        ArrayNode row = message.putObject("reply_markup").putArray("inline_keyboard").addArray();
        row.addObject().put("text", "Open").put("url", "https://example.org/");
        row.addObject().put("text", "Copy it").putObject("copy_text").put("text", "copied words");
        JsonNode sent = botApi("sendMessage", message);
        int id = sent.path("result").path("message_id").asInt();

        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".row[data-message-id='" + id + "'] .text")));
        assertThat(text.findElement(By.tagName("b")).getText()).isEqualTo("bold");
        assertThat(text.findElement(By.tagName("i")).getText()).isEqualTo("italic");
        assertThat(text.findElement(By.tagName("u")).getText()).isEqualTo("under");
        assertThat(text.findElement(By.tagName("s")).getText()).isEqualTo("struck");
        assertThat(text.findElement(By.cssSelector("span.spoiler")).getAttribute("textContent")).isEqualTo("secret");
        assertThat(text.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.org/x");
        assertThat(text.findElement(By.tagName("blockquote")).getText()).isEqualTo("a quote");
        assertThat(text.findElement(By.cssSelector("pre code")).getText()).isEqualTo("int x = 1;");
        assertThat(text.getText()).contains("<img src=x onerror=alert(1)>", "<script>alert(2)</script>");
        assertThat(text.findElements(By.tagName("img"))).isEmpty();
        assertThat(text.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".kb[data-action='url']")).getAttribute("href"))
                .isEqualTo("https://example.org/");
        Files.write(Path.of("target", "sandbox-formatting.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.cssSelector(".kb[data-action='copy_text']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "copied words"));

        botApi("editMessageText", json.createObjectNode().put("chat_id", SandboxChats.ALICE).put("message_id", id)
                .put("text", "edited text"));
        wait.until(d -> rowWithText(id, "edited text"));
        assertThat(browser.findElements(By.cssSelector(".row"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".row .meta")).getText()).startsWith("edited");

        browser.findElement(By.id("chat-group")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sender")));
        new Select(browser.findElement(By.id("sender"))).selectByVisibleText("Bob");
        type("hello from Bob");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".row.out"), "hello from Bob"));
        new Select(browser.findElement(By.id("sender"))).selectByVisibleText("Alice");
        WebElement fromBob = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.in")));
        assertThat(fromBob.findElement(By.cssSelector(".sender")).getText()).isEqualTo("Bob");
        assertThat(app.telegram().messages(SandboxChats.GROUP)).extracting(m -> m.fromId()).containsExactly(SandboxChats.BOB);

        browser.findElement(By.id("chat-alice")).click();
        wait.until(d -> rowWithText(id, "edited text"));
    }

    /** Calls the fake Bot API as the bot would (the fake checks the call as Telegram does). */
    private JsonNode botApi(String method, ObjectNode params) throws Exception {
        FakeBotApiServer fake = app.bean(FakeBotApiServer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                fake.baseUri().resolve("/bot" + fake.telegram().token() + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(params.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("ok").asBoolean()).as("%s: %s", method, response.body()).isTrue();
        return body;
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.clear();
        input.sendKeys(text);
        browser.findElement(By.id("send")).click();
        wait.until(d -> d.findElement(By.id("text")).getAttribute("value").isEmpty());
    }

    private String lastBotText() {
        List<WebElement> rows = browser.findElements(By.cssSelector(".row.bot .text"));
        return rows.get(rows.size() - 1).getText();
    }

    private static WebElement messageRowOf(WebElement button) {
        return button.findElement(By.xpath("ancestor::div[contains(@class,'row')]"));
    }

    /** The message's row once its text contains {@code text}, else null (so the wait goes on). */
    private WebElement rowWithText(int messageId, String text) {
        try {
            WebElement row = browser.findElement(By.cssSelector(".row[data-message-id='" + messageId + "']"));
            return row.findElement(By.cssSelector(".text")).getText().contains(text) ? row : null;
        } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException replacedByAnEdit) {
            return null;
        }
    }

    private static Optional<Path> executable(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(names).flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
