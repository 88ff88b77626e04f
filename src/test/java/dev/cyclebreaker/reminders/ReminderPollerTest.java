package dev.cyclebreaker.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.TransientFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReminderPollerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final PollerSettings FAST = PollerSettings.defaults()
            .withMaxInterval(Duration.ofMillis(20)).withLease(Duration.ofSeconds(60)).withShutdownGrace(Duration.ofMillis(500));

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryDueReminders index = new InMemoryDueReminders();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<ReminderRef> fired = new CopyOnWriteArrayList<>();
    private ReminderPoller poller;

    @AfterEach
    void tearDown() {
        if (poller != null) {
            poller.stop();
        }
        executor.shutdownNow();
    }

    @Test
    void aDueReminderIsFiredAndAcknowledged() {
        ReminderRef ref = new ReminderRef(1, "a");
        index.schedule(ref, T0);

        start((r, due) -> fired.add(r), FAST);

        Eventually.within(WAIT, "acknowledged", () -> index.acknowledged().size() == 1);
        assertThat(fired).containsExactly(ref);
        assertThat(index.acknowledged().get(0).due()).isEqualTo(T0);
    }

    @Test
    void remindersDueWhileEverythingWasDownAreFiredOnTheFirstPoll() {
        for (int i = 0; i < 250; i++) {
            index.schedule(new ReminderRef(i, "r"), T0.minus(Duration.ofHours(3)).plusSeconds(i));
        }

        start((r, due) -> fired.add(r), FAST.withMaxInterval(Duration.ofSeconds(30)));

        Eventually.within(WAIT, "all 250 fired", () -> fired.size() == 250);
    }

    @Test
    void aReminderThatIsNotDueYetIsNotFiredUntilTheClockReachesIt() {
        ReminderRef later = new ReminderRef(1, "later");
        ReminderRef now = new ReminderRef(2, "now");
        index.schedule(later, T0.plusSeconds(60));
        index.schedule(now, T0);
        start((r, due) -> fired.add(r), FAST);
        Eventually.within(WAIT, "the due one fired", () -> fired.contains(now));

        clock.advance(Duration.ofSeconds(60));

        Eventually.within(WAIT, "the later one fired", () -> fired.contains(later));
        assertThat(fired).containsExactly(now, later);
    }

    @Test
    void aHandlerThatThrowsIsNotAcknowledgedAndThePollerCarriesOn() {
        ReminderRef failing = new ReminderRef(1, "boom");
        ReminderRef next = new ReminderRef(2, "ok");
        index.schedule(failing, T0);
        start((r, due) -> {
            if (r.equals(failing)) {
                throw new IllegalStateException("handler failed");
            }
            fired.add(r);
        }, FAST);

        index.schedule(next, T0);
        poller.wake();

        Eventually.within(WAIT, "the next one fired", () -> fired.contains(next));
        assertThat(index.acknowledged()).extracting(Claim::ref).containsExactly(next);
        assertThat(index.isLeased(failing)).isTrue();
    }

    @Test
    void aReminderWhoseHandlerFailedIsFiredAgainAfterItsLease() {
        ReminderRef ref = new ReminderRef(1, "again");
        index.schedule(ref, T0);
        AtomicInteger attempts = new AtomicInteger();
        start((r, due) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            fired.add(r);
        }, FAST);
        Eventually.within(WAIT, "first attempt", () -> attempts.get() == 1);

        clock.advance(FAST.lease().plusMillis(1));

        Eventually.within(WAIT, "second attempt acknowledged", () -> index.acknowledged().size() == 1);
        assertThat(fired).containsExactly(ref);
    }

    @Test
    void aHandlerThatThrowsAnErrorDoesNotTakeUpAnInFlightSlotForGood() {
        ReminderRef fatal = new ReminderRef(1, "fatal");
        ReminderRef next = new ReminderRef(2, "next");
        index.schedule(fatal, T0);
        start((r, due) -> {
            if (r.equals(fatal)) {
                throw new AssertionError("not an exception");
            }
            fired.add(r);
        }, FAST.withBatch(1));

        index.schedule(next, T0.plusMillis(1));
        clock.advance(Duration.ofMillis(1));

        Eventually.within(WAIT, "the next one fired", () -> fired.contains(next));
    }

    @Test
    void thePollerKeepsRunningWhileTheStoreFailsAndFiresOnceItRecovers() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        InMemoryDueReminders flaky = new InMemoryDueReminders() {
            @Override
            public synchronized java.util.List<Claim> claimDue(Instant now, int max, Duration lease) {
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new TransientFailure("redis down", null);
                }
                return super.claimDue(now, max, lease);
            }
        };
        ReminderRef ref = new ReminderRef(1, "late");
        flaky.schedule(ref, T0);

        poller = new ReminderPoller(flaky, (r, due) -> fired.add(r), clock, executor, FAST.withMaxInterval(Duration.ofMillis(5)));
        poller.start();

        Eventually.within(Duration.ofSeconds(10), "fired after three failures", () -> fired.contains(ref));
        assertThat(failuresLeft).hasValue(0);
        assertThat(poller.isRunning()).isTrue();
    }

    @Test
    void stoppingIsPromptEvenInTheMiddleOfALongSleep() {
        start((r, due) -> fired.add(r), FAST.withMaxInterval(Duration.ofSeconds(30)));
        Eventually.within(WAIT, "running", poller::isRunning);

        long started = System.nanoTime();
        poller.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(poller.isRunning()).isFalse();
    }

    @Test
    void wakeFiresASoonerReminderWithoutWaitingOutTheInterval() {
        start((r, due) -> fired.add(r), FAST.withMaxInterval(Duration.ofSeconds(30)));
        ReminderRef ref = new ReminderRef(1, "soon");

        index.schedule(ref, T0);
        poller.wake();

        Eventually.within(Duration.ofSeconds(3), "fired after wake", () -> fired.contains(ref));
    }

    @Test
    void stoppingReleasesClaimsWhoseHandlersDidNotFinishInTime() throws Exception {
        ReminderRef stuck = new ReminderRef(1, "stuck");
        index.schedule(stuck, T0);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        start((r, due) -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, FAST.withShutdownGrace(Duration.ofMillis(100)));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        poller.stop();

        assertThat(index.released()).extracting(Claim::ref).containsExactly(stuck);
        assertThat(index.nextDueAt()).contains(T0);
        assertThat(index.acknowledged()).isEmpty();
    }

    @Test
    void stoppingWaitsForAHandlerThatFinishesWithinTheGrace() throws Exception {
        ReminderRef slow = new ReminderRef(1, "slow");
        index.schedule(slow, T0);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        start((r, due) -> {
            entered.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, FAST.withShutdownGrace(Duration.ofSeconds(5)));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        executor.execute(finish::countDown); // finishes while stop() waits (the pool has a second thread)
        poller.stop();

        assertThat(index.acknowledged()).extracting(Claim::ref).containsExactly(slow);
        assertThat(index.released()).isEmpty();
    }

    @Test
    void neverMoreThanABatchIsInFlight() throws Exception {
        for (int i = 0; i < 10; i++) {
            index.schedule(new ReminderRef(i, "r"), T0);
        }
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        ExecutorService wide = Executors.newFixedThreadPool(10);
        try {
            poller = new ReminderPoller(index, (r, due) -> {
                started.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fired.add(r);
            }, clock, wide, FAST.withBatch(3));
            poller.start();
            Eventually.within(WAIT, "a batch started", () -> started.get() == 3);
            assertThat(index.pendingCount()).isEqualTo(7);

            release.countDown();

            Eventually.within(WAIT, "all fired", () -> fired.size() == 10);
        } finally {
            poller.stop();
            wide.shutdownNow();
        }
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ReminderPoller.jitter(Duration.ofMillis(250))).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
        }
        assertThat(ReminderPoller.jitter(Duration.ZERO)).isZero();
    }

    private void start(ReminderHandler handler, PollerSettings settings) {
        poller = new ReminderPoller(index, handler, clock, executor, settings);
        poller.start();
    }
}
