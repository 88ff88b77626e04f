package dev.cyclebreaker.config;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Engine;
import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.SandboxClock;
import dev.cyclebreaker.store.RedisBackend;
import dev.cyclebreaker.telegram.PollingLoop;
import dev.cyclebreaker.telegram.TelegramEndpoint;
import dev.cyclebreaker.telegram.TelegramOutbox;
import dev.cyclebreaker.telegram.UpdateDispatcher;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the object graph. Features stay free of Spring; this is the one place that knows it. */
@Configuration(proxyBeanMethods = false)
class Wiring {

    @Bean
    Texts texts() {
        Texts texts = Texts.load();
        if (!texts.keyMismatch().isEmpty()) {
            throw new ConfigException("message bundles differ in keys: " + texts.keyMismatch());
        }
        return texts;
    }

    @Bean
    QuizDefinition quizDefinition(Texts texts) {
        try {
            QuizDefinition quiz = QuizDefinition.load();
            quiz.validateAgainst(texts);
            return quiz;
        } catch (IllegalStateException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    @Bean
    Engine engine(QuizDefinition quiz, Texts texts) {
        return new Engine(quiz, texts);
    }

    /**
     * The app's one source of time; take this bean (never {@code Clock.systemUTC()} or
     * {@code Instant.now()}) wherever time matters, reminders first. Telegram mode: the system clock
     * in UTC. Sandbox mode: a {@link SandboxClock} on the system clock that the web chat's "skip
     * ahead" control moves forward, so due times can be reached by hand; the fake Telegram dates
     * its messages with it too.
     */
    @Bean
    Clock clock(BotConfig config) {
        return config.sandbox() ? SandboxClock.startingAt(Clock.systemUTC()) : Clock.systemUTC();
    }

    /** Telegram with the token, or the sandbox's fake (a bean only in sandbox mode, see {@link SandboxWiring}). */
    @Bean
    BotApi botApi(BotConfig config, ObjectProvider<FakeBotApiServer> sandbox) {
        return config.sandbox() ? BotApi.sandbox(sandbox.getObject()) : BotApi.telegram(config);
    }

    @Bean(destroyMethod = "close")
    TelegramEndpoint telegramEndpoint(BotApi api, BotConfig config) {
        return new TelegramEndpoint(api.token(), api.url(), config.workers() * 2);
    }

    @Bean(destroyMethod = "close")
    RedisBackend redis(BotConfig config) {
        try {
            return RedisBackend.start(config.redisUrl(), config.dataDir());
        } catch (IllegalStateException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    @Bean
    SessionStore sessionStore(RedisBackend redis) {
        return redis.sessionStore();
    }

    /** Checks the token, removes a webhook, publishes commands. */
    @Bean
    Announcement announcement(TelegramEndpoint telegram, Texts texts) {
        try {
            return new Announcement(telegram.setUpForPolling(texts));
        } catch (TelegramEndpoint.SetupFailure e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Says in one line what we run on, once the web server listens and its port is known (SERVER_PORT=0). */
    @Bean
    ApplicationListener<WebServerInitializedEvent> announceWhenListening(Announcement ready, BotApi api,
            RedisBackend redis) {
        return event -> LoggerFactory.getLogger("dev.cyclebreaker").info("CycleBreaker @" + ready.botUsername() + ": "
                + api.describe(event.getWebServer().getPort()) + " · Redis: " + redis.describe());
    }

    @Bean
    TelegramOutbox outbox(TelegramEndpoint telegram) {
        return new TelegramOutbox(telegram.sendClient(), seconds -> Thread.sleep(seconds * 1000L));
    }

    @Bean
    Conversations conversations(Engine engine, SessionStore store, TelegramOutbox outbox) {
        return new Conversations(engine, store, outbox, 100_000);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService updateWorkers(BotConfig config) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "update-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    UpdateDispatcher dispatcher(Conversations conversations, ExecutorService updateWorkers) {
        return new UpdateDispatcher(conversations, updateWorkers, UpdateDispatcher.Backoff.exponential());
    }

    @Bean
    PollingLoop pollingLoop(TelegramEndpoint telegram, UpdateDispatcher dispatcher, BotConfig config, Announcement ready) {
        return new PollingLoop(telegram.pollClient(), telegram::cancelPoll, dispatcher, config.pollTimeoutSeconds(),
                UpdateDispatcher.Backoff.exponential());
    }
}
