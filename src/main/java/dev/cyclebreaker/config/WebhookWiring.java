package dev.cyclebreaker.config;

import dev.cyclebreaker.telegram.UpdateDispatcher;
import dev.cyclebreaker.telegram.WebhookReceiver;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Webhook mode only: {@code POST /telegram/webhook}. The body is read as bytes by the receiver
 * (never bound by Spring MVC, whose Jackson 3 cannot build the library's Jackson 2 types).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(BotModes.Webhook.class)
class WebhookWiring {
    static final String PATH = "/telegram/webhook";
    /** Well inside the minute Telegram waits for an answer; then 503 and Telegram delivers again. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Bean
    WebhookReceiver webhookReceiver(BotConfig config, UpdateDispatcher dispatcher) {
        return new WebhookReceiver(config.webhook().secret(), dispatcher, PATIENCE);
    }

    @Bean
    RouterFunction<ServerResponse> webhookRoute(WebhookReceiver receiver) {
        return RouterFunctions.route().POST(PATH, request -> {
            var servlet = request.servletRequest();
            WebhookReceiver.Answer a = receiver.receive(request.headers().firstHeader("X-Telegram-Bot-Api-Secret-Token"),
                    servlet.getContentLengthLong(), servlet.getInputStream());
            return ServerResponse.status(a.status()).contentType(MediaType.TEXT_PLAIN).body(a.reason());
        }).build();
    }
}
