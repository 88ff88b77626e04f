package dev.cyclebreaker.config;

import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.SandboxClock;
import dev.cyclebreaker.sandbox.web.SandboxApi;
import dev.cyclebreaker.sandbox.web.SandboxChats;
import dev.cyclebreaker.sandbox.web.SandboxRoutes;
import dev.cyclebreaker.sandbox.web.SecurityHeaders;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The local sandbox, only without a token: the fake Telegram with Alice, Bob and their group, its
 * Bot API on a free loopback port for the bot to poll, and the web chat on the app's own port.
 * With a token none of these beans exist, so neither do the sandbox's URLs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxMode.class)
class SandboxWiring {

    @Bean
    FakeTelegram fakeTelegram(Clock clock) {
        return new FakeTelegram(BotApi.SANDBOX_TOKEN, movable(clock));
    }

    @Bean
    SandboxChats sandboxChats(FakeTelegram telegram) {
        return SandboxChats.createIn(telegram);
    }

    @Bean(destroyMethod = "close")
    FakeBotApiServer fakeBotApi(FakeTelegram telegram) {
        try {
            return FakeBotApiServer.start(telegram, 0);
        } catch (IOException e) {
            throw new ConfigException("sandbox: cannot listen on a free port of 127.0.0.1 (" + e.getMessage() + ")");
        }
    }

    @Bean
    SandboxApi sandboxApi(FakeTelegram telegram, Clock clock, SandboxChats chats) {
        return new SandboxApi(telegram, movable(clock), chats);
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxApi api) {
        return SandboxRoutes.of(api);
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> sandboxSecurityHeaders() {
        FilterRegistrationBean<SecurityHeaders> filter = new FilterRegistrationBean<>(new SecurityHeaders());
        filter.addUrlPatterns("/*");
        return filter;
    }

    /** The app's one Clock bean (see {@code Wiring.clock}); not a second bean, so that {@code Clock} stays unambiguous. */
    private static SandboxClock movable(Clock clock) {
        if (clock instanceof SandboxClock sandboxClock) {
            return sandboxClock;
        }
        throw new IllegalStateException("sandbox mode needs the movable clock, got " + clock);
    }
}
