package dev.cyclebreaker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.Application;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.store.RedisTestServer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code json} profile: every console line is a JSON object, and the per-update line keeps its privacy. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {
    static final String TOKEN = "7000004:JSONtokenJSONtokenJSONtokenJSONtoken";
    static final long USER = 8_200_001;

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    @Test
    void theJsonProfileLogsOneJsonObjectPerLineWithoutTextOrToken(CapturedOutput output) throws Exception {
        FakeTelegram telegram = new FakeTelegram(TOKEN, Clock.systemUTC());
        try (FakeBotApiServer api = FakeBotApiServer.start(telegram, 0)) {
            BotConfig config = new BotConfig(TOKEN, api.baseUri(), redis.uri(), Files.createTempDirectory("cb-json"), 2, 1, 0);
            ConfigurableApplicationContext app = Application.start(config, Clock.systemUTC(), "--spring.profiles.active=json");
            try {
                telegram.createUser(USER, "Json", "en");
                telegram.sendText(USER, "/start secret-words-of-the-user");
                telegram.await("a welcome", () -> !telegram.botMessages(USER).isEmpty(), Duration.ofSeconds(20));
                telegram.await("the update's log line", () -> output.getOut().contains("outcome="), Duration.ofSeconds(20));
            } finally {
                app.close();
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).startsWith("{");
            lines.add(json.readTree(line));
        }
        assertThat(lines).anyMatch(l -> l.path("message").asText().startsWith("CycleBreaker @")
                && l.path("service").path("name").asText().equals("cyclebreaker"));
        assertThat(lines).anyMatch(l -> l.path("log").path("logger").asText().equals("cyclebreaker.updates")
                && l.path("message").asText().contains("type=Command"));
        assertThat(output.getAll()).doesNotContain("secret-words-of-the-user").doesNotContain(TOKEN)
                .doesNotContain(String.valueOf(USER));
    }
}
