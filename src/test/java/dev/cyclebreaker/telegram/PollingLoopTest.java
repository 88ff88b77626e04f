package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.conversation.TransientFailure;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The polling loop against a mocked Bot API client and dispatcher, with receipts kept in memory. */
class PollingLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened, in order: "poll <offset> <limit>", "record <ids> forget <ids>", "submit <id>". */
    final List<String> events = new CopyOnWriteArrayList<>();
    final BlockingQueue<List<ReceivedUpdate>> answers = new LinkedBlockingQueue<>();
    final PollingLoop.Source telegram = poll -> {
        events.add("poll " + poll.getOffset() + " " + poll.getLimit());
        try {
            List<ReceivedUpdate> answer = answers.poll(20, TimeUnit.MILLISECONDS);
            return answer == null ? List.of() : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    };
    final UpdateDispatcher dispatcher = mock(UpdateDispatcher.class);
    final MemoryReceipts receipts = new MemoryReceipts();
    /** The done callbacks of submitted updates, by id, for tests that finish them by hand. */
    final Map<Integer, IntConsumer> pending = new java.util.concurrent.ConcurrentHashMap<>();
    volatile boolean finishAtOnce = true;
    PollingLoop loop;

    PollingLoopTest() {
        doAnswer(call -> {
            Update u = call.getArgument(0);
            events.add("submit " + u.getUpdateId());
            IntConsumer done = call.getArgument(2);
            if (finishAtOnce) {
                done.accept(u.getUpdateId());
            } else {
                pending.put(u.getUpdateId(), done);
            }
            return null;
        }).when(dispatcher).submit(any(Update.class), any(BooleanSupplier.class), any(IntConsumer.class));
    }

    void start(int maxInFlight) {
        loop = new PollingLoop(telegram, () -> { }, dispatcher, receipts, 1, maxInFlight, attempt -> sleep(5));
        loop.start();
    }

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void updatesAreRecordedBeforeTheNextPollTellsTelegramToForgetThem() {
        answers.add(List.of(update(1), update(2)));
        start(10);

        await("second poll", () -> events.stream().anyMatch(e -> e.startsWith("poll 3")));
        assertThat(events).containsSubsequence("poll 0 10", "record [1, 2] forget []", "submit 1", "submit 2",
                first("poll 3"));
    }

    @Test
    void updatesWhoseReceiptsCannotBeWrittenAreNeitherProcessedNorConfirmedAndComeAgain() {
        receipts.failures.set(1);
        answers.add(List.of(update(1)));
        answers.add(List.of(update(1))); // Telegram hands it out again: the offset did not move
        start(10);

        await("the update processed", () -> events.contains("submit 1"));
        assertThat(events).containsSubsequence("poll 0 10", "record failed", "poll 0 10", "record [1] forget []",
                "submit 1");
        assertThat(events.stream().filter(e -> e.equals("submit 1"))).hasSize(1);
    }

    @Test
    void aStoreThatFailsInAnUnexpectedWayDoesNotStopPollingAndLosesNothing() {
        receipts.broken.set(1);
        answers.add(List.of(update(1)));
        answers.add(List.of(update(1)));
        start(10);

        await("the update processed", () -> events.contains("submit 1"));
        assertThat(events).containsSubsequence("poll 0 10", "record broke", "poll 0 10", "record [1] forget []", "submit 1");
    }

    @Test
    void theReceiptsOfFinishedUpdatesAreForgottenByTheNextWrite() {
        answers.add(List.of(update(1)));
        start(10);

        await("receipt forgotten", () -> events.contains("record [] forget [1]"));
        assertThat(receipts.stored).isEmpty();
    }

    @Test
    void updatesLeftUnfinishedByAnEarlierProcessAreProcessedFirstAndNotAskedForAgain() throws Exception {
        receipts.stored.put(7, update(7).json());
        receipts.stored.put(8, update(8).json());
        start(10);

        await("first poll", () -> events.stream().anyMatch(e -> e.startsWith("poll")));
        assertThat(events).startsWith("submit 7", "submit 8", "poll 9 10");
        await("receipts forgotten", () -> receipts.stored.isEmpty());
    }

    @Test
    void noMoreThanMaxInFlightUpdatesAreTakenOn() {
        finishAtOnce = false;
        answers.add(List.of(update(1), update(2)));
        start(2);

        await("both submitted", () -> pending.size() == 2);
        sleep(200);
        assertThat(events.stream().filter(e -> e.startsWith("poll"))).containsExactly("poll 0 2");

        pending.get(1).accept(1);
        await("a poll for one more", () -> events.contains("record [] forget [1]"));
        assertThat(events).containsSubsequence("poll 3 1", "record [] forget [1]");
    }

    private String first(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).findFirst().orElseThrow();
    }

    static ReceivedUpdate update(int id) {
        String json = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"text\":\"/start\"}}";
        try {
            return new ReceivedUpdate(JSON.readValue(json, Update.class), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            sleep(5);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receipts in memory, failing on demand, telling {@link #events} what was written. */
    final class MemoryReceipts implements UpdateReceipts {
        final SortedMap<Integer, byte[]> stored = java.util.Collections.synchronizedSortedMap(new TreeMap<>());
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger broken = new AtomicInteger();

        @Override
        public void record(SortedMap<Integer, byte[]> received, Collection<Integer> finished) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                events.add("record failed");
                throw new TransientFailure("Redis away", null);
            }
            if (broken.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                events.add("record broke");
                throw new IllegalStateException("WRONGTYPE Operation against a key holding the wrong kind of value");
            }
            finished.forEach(stored::remove);
            stored.putAll(received);
            events.add("record " + received.keySet() + " forget " + finished);
        }

        @Override
        public SortedMap<Integer, byte[]> unfinished() {
            return new TreeMap<>(stored);
        }
    }
}
