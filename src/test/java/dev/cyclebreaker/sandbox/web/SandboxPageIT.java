package dev.cyclebreaker.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.store.RedisTestServer;
import java.io.File;
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
