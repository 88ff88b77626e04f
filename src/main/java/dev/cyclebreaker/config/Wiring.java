package dev.cyclebreaker.config;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Engine;
import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.store.RedisBackend;
import dev.cyclebreaker.telegram.PollingLoop;
import dev.cyclebreaker.telegram.TelegramEndpoint;
import dev.cyclebreaker.telegram.TelegramOutbox;
import dev.cyclebreaker.telegram.UpdateDispatcher;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Bean(destroyMethod = "close")
    BotApi botApi(BotConfig config) {
        return BotApi.of(config, config.serverPort());
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

    /** Checks the token, removes a webhook, publishes commands; then says in one line what we run on. */
    @Bean
    Announcement announcement(TelegramEndpoint telegram, BotApi api, Texts texts, RedisBackend redis) {
        String username;
        try {
            username = telegram.setUpForPolling(texts);
        } catch (TelegramEndpoint.SetupFailure e) {
            throw new ConfigException(e.getMessage());
        }
        String line = "CycleBreaker @" + username + ": " + api.describe() + " · Redis: " + redis.describe();
        org.slf4j.LoggerFactory.getLogger("dev.cyclebreaker").info(line);
        return new Announcement(username, line);
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
