package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.Application;
import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.ScriptedError;
import dev.cyclebreaker.store.RedisTestServer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Shutting down in webhook mode: the update in flight is finished and acknowledged; the webhook stays set. */
class WebhookShutdownIT {
    static final String TOKEN = "7000005:SHUTDOWNtokenSHUTDOWNtokenSHUTDOWNt";
    static final String SECRET = "shutdown-secret";
    static final long USER = 8_300_001;

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    @Test
    void anUpdateInFlightWhenShutdownBeginsIsFinishedAndAnswered200() throws Exception {
        FakeTelegram telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
        try (FakeBotApiServer api = FakeBotApiServer.start(telegram, 0)) {
            BotConfig config = new BotConfig(TOKEN, api.baseUri(), redis.uri(), Files.createTempDirectory("cb-shutdown"),
                    2, 1, 0).withWebhook(new BotConfig.Webhook(URI.create("https://bot.example.test/hook"), SECRET, 40));
            ConfigurableApplicationContext app = Application.start(config, Clock.systemUTC());
            URI webhook = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()
                    + "/telegram/webhook");
            HttpClient http = HttpClient.newHttpClient();
            telegram.createUser(USER, "Shut", "en");
            // The reply meets a 429: the update is still being applied two seconds later.
            telegram.failNext(USER, ScriptedError.tooManyRequests(2));
            telegram.sendText(USER, "/start");
            List<String> bodies = telegram.takeUpdatesForWebhook(USER);
            HttpRequest post = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(0))).build();

            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
            telegram.await("the reply refused with 429", () -> telegram.tooManyRequestsCount() > 0, Duration.ofSeconds(20));
            app.close();

            assertThat(inFlight.get().statusCode()).isEqualTo(200);
            assertThat(telegram.botMessages(USER)).hasSize(1);
            assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.test/hook");
            assertThat(telegram.calls("deleteWebhook")).isEmpty();
            assertThatThrownBy(() -> http.send(post, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        }
    }
}
