package dev.cyclebreaker.sandbox.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.Application;
import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.store.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole app in sandbox mode (no token), on a free port, with a test redis-server; and a small HTTP client for it. */
final class SandboxApp implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    final URI base;

    private SandboxApp(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://localhost:" + port);
    }

    static SandboxApp start(RedisTestServer redis) throws IOException {
        BotConfig config = new BotConfig(null, BotConfig.TELEGRAM, redis.uri(), Files.createTempDirectory("cb-sandbox"), 4,
                1, 0);
        return start(config);
    }

    static SandboxApp start(BotConfig config) {
        return new SandboxApp(Application.start(config));
    }

    boolean has(Class<?> type) {
        return !context.getBeansOfType(type).isEmpty();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    FakeTelegram telegram() {
        return bean(FakeTelegram.class);
    }

    /** A response: status, parsed JSON body (or null), raw response. */
    record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
        String error() {
            return body == null ? null : body.path("error").asText(null);
        }
    }

    Reply get(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String body) {
        return post(path, "application/json", body);
    }

    Reply post(String path, String contentType, String body) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.startsWith("application/json") ? json.readTree(response.body()) : null;
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
