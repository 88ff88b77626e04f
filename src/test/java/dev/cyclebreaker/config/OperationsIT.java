package dev.cyclebreaker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.Application;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.store.RedisServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Health and metrics of the whole app (polling the fake Bot API) on a redis-server of its own,
 * which a test stops to see readiness go down.
 */
class OperationsIT {
    static final String TOKEN = "7000003:OPStokenOPStokenOPStokenOPStokenOPS";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final long USER = 8_100_001;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    RedisServerProcess redis;
    FakeTelegram telegram;
    FakeBotApiServer api;
    ConfigurableApplicationContext app;
    URI base;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start(RedisServerProcess.Options.ephemeral());
        telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
        api = FakeBotApiServer.start(telegram, 0);
        BotConfig config = new BotConfig(TOKEN, api.baseUri(), redis.uri(), Files.createTempDirectory("cb-ops"), 4, 1, 0);
        app = Application.start(config, Clock.systemUTC());
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void readinessIsUpWithRedisAndDownOnceRedisIsGoneWhileLivenessStaysUp() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

        redis.stop();

        HttpResponse<String> down = awaitGet("/actuator/health/readiness", r -> r.statusCode() == 503);
        assertThat(down.body()).contains("\"DOWN\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
    }

    @Test
    void prometheusShowsTheUpdateCounterAndItMovesAfterAnUpdate() throws Exception {
        HttpResponse<String> first = get("/actuator/prometheus");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("cyclebreaker_reminders_pending").contains("cyclebreaker_quizzes_started_total");
        double before = updates(first.body());

        telegram.createUser(USER, "Ops", "en");
        telegram.sendText(USER, "/start");
        telegram.await("a welcome", () -> !telegram.botMessages(USER).isEmpty(), WAIT);

        HttpResponse<String> after = awaitGet("/actuator/prometheus", r -> updates(r.body()) > before);
        assertThat(after.body()).contains("type=\"Command\"")
                .contains("cyclebreaker_update_handling_seconds")
                .containsPattern("cyclebreaker_telegram_calls_total\\{method=\"sendmessage\",outcome=\"ok\"\\} [1-9]");
    }

    @Test
    void nothingButHealthAndPrometheusIsExposed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/info",
                "/actuator/shutdown", "/actuator/loggers", "/actuator/heapdump"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/actuator").body()).doesNotContain("\"env\"").doesNotContain("beans");
    }

    /** The sum of cyclebreaker_updates_total over its labels. */
    static double updates(String scrape) {
        Matcher m = java.util.regex.Pattern.compile("(?m)^cyclebreaker_updates_total\\{[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> awaitGet(String path, Predicate<HttpResponse<String>> until) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r = get(path);
        while (!until.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + path + " answered " + r.statusCode() + " " + r.body());
            }
            Thread.onSpinWait();
            r = get(path);
        }
        return r;
    }
}
