package dev.cyclebreaker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.Conversations;
import dev.cyclebreaker.conversation.Session;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void aQuizCountsAsStartedWhenANewRunAppearsAndAsFinishedWhenANewResultDoes() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Conversations.Observer observer = Operations.quizCounter(meters);
        Session idle = Session.NEW;
        Session running = idle.withQuiz(new Session.QuizRun("v1", "run-1", List.of()));
        Session answered = running.withQuiz(new Session.QuizRun("v1", "run-1", List.of(3)));

        observer.committed(idle, running);
        observer.committed(running, answered);
        Session done = answered.withQuiz(null).withResult(new Session.Result("v1", new Profile(70, 20, Pattern.PURSUER)));
        observer.committed(answered, done);
        observer.committed(done, done.withLang(null));
        observer.committed(done, done.withQuiz(new Session.QuizRun("v1", "run-2", List.of())));

        assertThat(meters.counter("cyclebreaker.quizzes.started").count()).isEqualTo(2);
        assertThat(meters.counter("cyclebreaker.quizzes.finished").count()).isEqualTo(1);
    }

    @Test
    void aGaugeAsksTheIndexAtMostOncePerPeriodAndShowsNaNWhenItCannot() {
        AtomicLong asked = new AtomicLong();
        Operations.Cached cached = new Operations.Cached(asked::incrementAndGet, Duration.ofHours(1));

        assertThat(cached.sample()).isEqualTo(1);
        assertThat(cached.sample()).isEqualTo(1);
        assertThat(asked).hasValue(1);
        Operations.Cached failing = new Operations.Cached(() -> {
            throw new IllegalStateException("redis away");
        }, Duration.ZERO);
        assertThat(failing.sample()).isNaN();
    }
}
