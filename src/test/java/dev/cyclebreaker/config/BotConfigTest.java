package dev.cyclebreaker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.telegram.FloodLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {
    static final String TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN123";

    @Test
    void anEmptyEnvironmentMeansSandboxOnEmbeddedRedis() {
        BotConfig c = BotConfig.fromEnvironment(Map.of());

        assertThat(c.sandbox()).isTrue();
        assertThat(c.redisUrl()).isNull();
        assertThat(c.apiUrl()).isEqualTo(BotConfig.TELEGRAM);
        assertThat(c.workers()).isEqualTo(32);
    }

    @Test
    void aFullEnvironmentIsRead() {
        BotConfig c = BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081", "REDIS_URL", "redis://127.0.0.1:6390", "WORKERS", "8"));

        assertThat(c.sandbox()).isFalse();
        assertThat(c.apiUrl().getPort()).isEqualTo(8081);
        assertThat(c.redisUrl().getPort()).isEqualTo(6390);
        assertThat(c.workers()).isEqualTo(8);
    }

    @Test
    void eachProblemIsSaidInOneExactLine() {
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "12345")))
                .hasMessage("TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<secret> as given by @BotFather");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("REDIS_URL", "localhost:6379")))
                .hasMessage("REDIS_URL is not a valid URL: expected redis:// or rediss://host[:port]");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("TELEGRAM_API_URL", "ftp://x")))
                .hasMessage("TELEGRAM_API_URL is not a valid URL: expected http:// or https://host[:port]");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("WORKERS", "many")))
                .hasMessage("WORKERS must be a whole number from 1 to 512, not 'many'");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("BOT_MODE", "carrier-pigeon")))
                .hasMessageStartingWith("BOT_MODE must be");
    }

    @Test
    void floodLimitsDefaultToTelegramsAndCanBeRaisedForAFakeOrALocalBotApi() {
        assertThat(BotConfig.fromEnvironment(Map.of()).floodLimits()).isEqualTo(FloodLimits.telegram());

        BotConfig raised = BotConfig.fromEnvironment(Map.of("TELEGRAM_GLOBAL_RATE", "500", "TELEGRAM_CHAT_RATE", "20"));

        assertThat(raised.floodLimits()).isEqualTo(FloodLimits.telegram(500).withChatRate(20));
        assertThat(raised.floodLimits().perChatPerSecond()).isEqualTo(20);
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("TELEGRAM_CHAT_RATE", "fast")))
                .hasMessage("TELEGRAM_CHAT_RATE must be a positive number of messages a second, got: fast");
    }

    @Test
    void neitherTheTokenNorARedisPasswordIsEverPrinted() {
        BotConfig c = BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "REDIS_URL", "redis://:s3cret@h:1"));

        assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain("AAbench").doesNotContain("s3cret");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("REDIS_URL", "redis//:s3cret@h")))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aPublicBaseUrlIsAPlainHttpUrlKeptWithoutItsTrailingSlash() {
        assertThat(BotConfig.fromEnvironment(Map.of()).publicBaseUrl()).isNull();
        assertThat(BotConfig.fromEnvironment(Map.of("PUBLIC_BASE_URL", "https://cb.example.org/")).publicBaseUrl())
                .hasToString("https://cb.example.org");
        assertThat(BotConfig.fromEnvironment(Map.of("PUBLIC_BASE_URL", "http://localhost:8080/cb")).publicBaseUrl())
                .hasToString("http://localhost:8080/cb");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("PUBLIC_BASE_URL", "cb.example.org")))
                .hasMessage("PUBLIC_BASE_URL is not a valid URL: expected https:// or http://host[:port]");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("PUBLIC_BASE_URL", "https://cb.example.org/?x=1")))
                .hasMessage("PUBLIC_BASE_URL must be a plain http(s) URL: no user, query or fragment");
    }

    @Test
    void webhookModeReadsTheUrlTheSecretAndTheConnections() {
        BotConfig c = BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "BOT_MODE", "Webhook",
                "WEBHOOK_URL", "https://bot.example.org/telegram/webhook", "WEBHOOK_SECRET", "s3cret_-X"));

        assertThat(c.webhookMode()).isTrue();
        assertThat(c.webhook().url().toString()).isEqualTo("https://bot.example.org/telegram/webhook");
        assertThat(c.webhook().secret()).isEqualTo("s3cret_-X");
        assertThat(c.webhook().maxConnections()).isEqualTo(40);
        assertThat(c.toString()).doesNotContain("s3cret_-X");
        assertThat(BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).webhookMode()).isFalse();
        assertThat(BotConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "BOT_MODE", "polling",
                "WEBHOOK_URL", "nonsense")).webhookMode()).isFalse();
    }

    @Test
    void eachWebhookProblemIsSaidInOneExactLineWithoutTheSecret() {
        Map<String, String> ok = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "BOT_MODE", "webhook",
                "WEBHOOK_URL", "https://bot.example.org/hook", "WEBHOOK_SECRET", "abc");

        assertThatThrownBy(() -> BotConfig.fromEnvironment(without(ok, "WEBHOOK_URL")))
                .hasMessage("WEBHOOK_URL is required when BOT_MODE=webhook");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(with(ok, "WEBHOOK_URL", "http://bot.example.org/hook")))
                .hasMessage("WEBHOOK_URL is not a valid URL: expected https://host[:port]");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(with(ok, "WEBHOOK_URL", "https://bot.example.org/hook?x=1")))
                .hasMessage("WEBHOOK_URL must be a plain https URL: no user, query or fragment");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(without(ok, "WEBHOOK_SECRET")))
                .hasMessage("WEBHOOK_SECRET is required when BOT_MODE=webhook");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(with(ok, "WEBHOOK_SECRET", "no spaces!")))
                .hasMessage("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(with(ok, "WEBHOOK_SECRET", "a".repeat(257))))
                .hasMessage("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(without(ok, "TELEGRAM_BOT_TOKEN")))
                .hasMessage("BOT_MODE=webhook needs TELEGRAM_BOT_TOKEN (without a token the local sandbox polls)");
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("BOT_MODE", "carrier-pigeon")))
                .hasMessage("BOT_MODE must be polling or webhook, not 'carrier-pigeon'");
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> env, String name) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.remove(name);
        return copy;
    }
}
