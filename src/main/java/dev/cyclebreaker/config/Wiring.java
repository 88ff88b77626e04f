package dev.cyclebreaker.config;

import dev.cyclebreaker.conversation.BotIdentity;
import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Engine;
import dev.cyclebreaker.conversation.Event;
import dev.cyclebreaker.conversation.GroupInvites;
import dev.cyclebreaker.conversation.Origin;
import dev.cyclebreaker.conversation.SessionStore;
import dev.cyclebreaker.conversation.SharedResults;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.quiz.QuizDefinition;
import dev.cyclebreaker.reminders.DueReminders;
import dev.cyclebreaker.reminders.PollerSettings;
import dev.cyclebreaker.reminders.ReminderHandler;
import dev.cyclebreaker.reminders.ReminderPoller;
import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.SandboxClock;
import dev.cyclebreaker.sharing.ResultCardRenderer;
import dev.cyclebreaker.sharing.ResultCards;
import dev.cyclebreaker.sharing.ShareTokens;
import dev.cyclebreaker.store.RedisBackend;
import dev.cyclebreaker.telegram.ChatStatusListener;
import dev.cyclebreaker.telegram.FloodGate;
import dev.cyclebreaker.telegram.PollingLoop;
import dev.cyclebreaker.telegram.TelegramEndpoint;
import dev.cyclebreaker.telegram.TelegramOutbox;
import dev.cyclebreaker.telegram.UpdateDispatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
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

    /** The bot's username comes from getMe (the {@link Announcement}); deep links need it. */
    @Bean
    Engine engine(QuizDefinition quiz, Texts texts, Announcement ready, BotConfig config) {
        return new Engine(quiz, texts, new BotIdentity(ready.botUsername(),
                config.publicBaseUrl() == null ? null : config.publicBaseUrl().toString()));
    }

    /** Result card pictures: rendered once per distinct card, 16 MB of them kept (some 400). */
    @Bean
    ResultCards resultCards(QuizDefinition quiz) {
        return new ResultCards(new ResultCardRenderer(quiz.bandLow(), quiz.bandHigh()), 16L << 20);
    }

    @Bean
    SharedResults sharedResults(RedisBackend redis) {
        return redis.sharedResults(new ShareTokens(new SecureRandom()));
    }

    /**
     * The app's one source of time; take this bean (never {@code Clock.systemUTC()} or
     * {@code Instant.now()}) wherever time matters, reminders first. Telegram mode: the system clock
     * in UTC. Sandbox mode: a {@link SandboxClock} on the system clock that the web chat's "skip
     * ahead" control moves forward, so due times can be reached by hand; the fake Telegram dates
     * its messages with it too.
     */
    @Bean
    Clock clock(BotConfig config, ConfigInitializer.BaseClock base) {
        return config.sandbox() ? SandboxClock.startingAt(base.clock()) : base.clock();
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
    GroupInvites groupInvites(RedisBackend redis) {
        return redis.groupInvites(new ShareTokens(new SecureRandom()));
    }

    /**
     * Flood limits count real seconds towards Telegram, not the app's clock, which the sandbox and
     * tests move ahead.
     */
    @Bean
    FloodGate floodGate(RedisBackend redis, BotConfig config) {
        return redis.floodGate(config.floodLimits(), Clock.systemUTC());
    }

    /** A commit takes the private chat's flood token for the step's message (one round trip for both). */
    @Bean
    SessionStore sessionStore(RedisBackend redis, FloodGate floodGate) {
        return redis.sessionStore(floodGate);
    }

    @Bean
    DueReminders dueReminders(RedisBackend redis) {
        return redis.dueReminders();
    }

    /** Checks the token, removes a webhook (polling) or sets ours (webhook mode), publishes commands. */
    @Bean
    Announcement announcement(TelegramEndpoint telegram, Texts texts, BotConfig config) {
        try {
            BotConfig.Webhook w = config.webhook();
            return new Announcement(w == null ? telegram.setUpForPolling(texts)
                    : telegram.setUpForWebhook(texts, w.url(), w.secret(), w.maxConnections()));
        } catch (TelegramEndpoint.SetupFailure e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Says in one line what we run on, once the web server listens and its port is known (SERVER_PORT=0). */
    @Bean
    ApplicationListener<WebServerInitializedEvent> announceWhenListening(Announcement ready, BotApi api,
            RedisBackend redis, BotConfig config) {
        return event -> LoggerFactory.getLogger("dev.cyclebreaker").info("CycleBreaker @" + ready.botUsername() + ": "
                + api.describe(event.getWebServer().getPort(), config.webhook()) + " · Redis: " + redis.describe());
    }

    @Bean
    TelegramOutbox outbox(TelegramEndpoint telegram, FloodGate gate, BotConfig config, Clock clock,
            ObjectProvider<Conversations> conversations, MeterRegistry meters, ResultCards cards, GroupInvites groups) {
        // A user who blocked the bot: their reminders go (the listener runs after a commit, so the
        // nested event is an ordinary compare-and-set of its own). A group that refuses us is forgotten,
        // so its invites stop working and nothing more is posted there.
        ChatStatusListener blocked = chatId -> {
            if (chatId < 0) {
                try {
                    groups.forget(chatId);
                } catch (RuntimeException e) {
                    // the next post there meets the same refusal and tries again
                    org.slf4j.LoggerFactory.getLogger(TelegramOutbox.class).warn("could not forget a group: {}", e.toString());
                }
                return;
            }
            if (chatId == 0) {
                return;
            }
            try {
                conversations.getObject().handle(new Event.Blocked(new Origin(0, chatId, chatId, null, clock.instant())));
            } catch (RuntimeException e) {
                // Their reminders stay; each one meets the same 403 and tries again.
                org.slf4j.LoggerFactory.getLogger(TelegramOutbox.class).warn("could not cancel the reminders of a blocked chat: {}",
                        e.toString());
            }
        };
        return new TelegramOutbox(telegram.sendClient(), gate, blocked, TelegramOutbox.Sleeper.REAL, meters, cards);
    }

    @Bean
    Conversations conversations(Engine engine, SessionStore store, TelegramOutbox outbox, DueReminders reminders,
            SharedResults shares, GroupInvites groups, MeterRegistry meters) {
        return new Conversations(engine, store, outbox, reminders, shares, groups, 100_000, Operations.quizCounter(meters));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService reminderWorkers() {
        return daemonPool("reminder", 4);
    }

    /** Raises each due reminder as an event for its user; the engine decides what, if anything, to send. */
    @Bean
    ReminderPoller reminderPoller(DueReminders reminders, Conversations conversations, Clock clock,
            ExecutorService reminderWorkers, MeterRegistry meters) {
        Counter fired = meters.counter("cyclebreaker.reminders.fired");
        ReminderHandler fire = (ref, due) -> {
            conversations.handle(new Event.ReminderDue(
                    new Origin(0, ref.userId(), ref.userId(), null, clock.instant()), ref.id()));
            fired.increment();
        };
        return new ReminderPoller(reminders, fire, clock, reminderWorkers, PollerSettings.defaults());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService updateWorkers(BotConfig config) {
        return daemonPool("update", config.workers());
    }

    private static ExecutorService daemonPool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    UpdateDispatcher dispatcher(Conversations conversations, ExecutorService updateWorkers, Clock clock,
            MeterRegistry meters, Announcement ready) {
        // the bot's username tells the commands addressed to it in groups from other bots' ones
        return new UpdateDispatcher(conversations, updateWorkers, UpdateDispatcher.Backoff.exponential(), clock, meters,
                new BotIdentity(ready.botUsername()));
    }

    /** Not in webhook mode: Telegram refuses getUpdates while a webhook is set. */
    @Bean
    @Conditional(BotModes.Polling.class)
    PollingLoop pollingLoop(TelegramEndpoint telegram, UpdateDispatcher dispatcher, RedisBackend redis, BotConfig config,
            Announcement ready) {
        // Four updates per worker keep every worker busy while their Telegram calls are under way (measured: see README).
        return new PollingLoop(telegram.updates(), telegram::cancelPoll, dispatcher, redis.updateReceipts(),
                config.pollTimeoutSeconds(), config.workers() * 4,
                UpdateDispatcher.Backoff.exponential());
    }
}
