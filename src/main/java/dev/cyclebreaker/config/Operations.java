package dev.cyclebreaker.config;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Session;
import dev.cyclebreaker.reminders.DueReminders;
import dev.cyclebreaker.store.RedisBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an operator watches: Redis in the readiness probe, the reminder index as gauges, quizzes
 * started and finished. The meters of updates and Telegram calls live in the dispatcher and the
 * outbox, which get the registry from {@link Wiring}.
 */
@Configuration(proxyBeanMethods = false)
class Operations {
    /** A probe that waits longer than this tells the orchestrator too late. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(1);
    /** Scrapes are cheap: the index is counted at most this often. */
    static final Duration GAUGE_CACHE = Duration.ofSeconds(10);

    /** {@code redis} in {@code /actuator/health} and its readiness group. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisBackend redis) {
        return () -> redis.ping(PING_TIMEOUT) ? Health.up().build()
                : Health.down().withDetail("redis", "no PONG within " + PING_TIMEOUT.toMillis() + " ms").build();
    }

    @Bean
    ReminderGauges reminderGauges(DueReminders reminders, Clock clock, MeterRegistry meters) {
        ReminderGauges gauges = new ReminderGauges(
                new Cached(reminders::pendingCount, GAUGE_CACHE),
                new Cached(() -> reminders.lateCount(clock.instant()), GAUGE_CACHE));
        Gauge.builder("cyclebreaker.reminders.pending", gauges.pending, Cached::sample)
                .description("reminders scheduled and not yet delivered").register(meters);
        Gauge.builder("cyclebreaker.reminders.late", gauges.late, Cached::sample)
                .description("reminders past due that nobody has claimed yet").register(meters);
        return gauges;
    }

    /** Holds the gauges' samplers (a gauge keeps only a weak reference to its object). */
    record ReminderGauges(Cached pending, Cached late) {
    }

    /** A count read at most once per {@code maxAge}; NaN while Redis cannot be asked. */
    static final class Cached {
        private final LongSupplier source;
        private final long maxAgeNanos;
        private double value = Double.NaN;
        private long readAt;
        private boolean read;

        Cached(LongSupplier source, Duration maxAge) {
            this.source = source;
            this.maxAgeNanos = maxAge.toNanos();
        }

        synchronized double sample() {
            long now = System.nanoTime();
            if (!read || now - readAt >= maxAgeNanos) {
                read = true;
                readAt = now;
                try {
                    value = source.getAsLong();
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
            }
            return value;
        }
    }

    /** Counts a quiz as started when a new run appears, finished when a new result does. */
    static Conversations.Observer quizCounter(MeterRegistry meters) {
        Counter started = meters.counter("cyclebreaker.quizzes.started");
        Counter finished = meters.counter("cyclebreaker.quizzes.finished");
        return (before, after) -> {
            Session.QuizRun run = after.quiz();
            if (run != null && (before.quiz() == null || !Objects.equals(before.quiz().run(), run.run()))) {
                started.increment();
            }
            if (after.result() != null && !Objects.equals(before.result(), after.result())) {
                finished.increment();
            }
        };
    }
}
