package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightTest {
    final InFlight inFlight = new InFlight();

    @Test
    void theOffsetPassesEveryUpdateWhoseReceiptIsWrittenFinishedOrNot() {
        assertThat(inFlight.offset()).as("nothing received yet: Telegram's own offset").isZero();
        inFlight.accept(10);
        inFlight.accept(11);

        assertThat(inFlight.offset()).isEqualTo(12);
        assertThat(inFlight.inProgress()).isEqualTo(2);
    }

    @Test
    void finishedUpdatesAreHandedOutOnceForForgettingAndCanBeGivenBack() {
        inFlight.accept(10);
        inFlight.accept(11);
        inFlight.done(11);

        assertThat(inFlight.hasFinished()).isTrue();
        List<Integer> taken = inFlight.takeFinished();
        assertThat(taken).containsExactly(11);
        assertThat(inFlight.takeFinished()).isEmpty();

        inFlight.giveBack(taken); // the write failed
        inFlight.done(10);
        assertThat(inFlight.takeFinished()).containsExactly(11, 10);
        assertThat(inFlight.inProgress()).isZero();
    }

    @Test
    void anUpdateInProgressIsNotTakenTwiceButALowerIdTelegramChoseAnewIs() {
        inFlight.accept(500);

        assertThat(inFlight.isNew(500)).isFalse();
        assertThat(inFlight.isNew(7)).as("ids restart at random after a week without updates").isTrue();
        inFlight.accept(7);
        assertThat(inFlight.offset()).isEqualTo(501);
    }

    @Test
    void finishingTwiceOrFinishingAnUnknownUpdateCountsOnce() {
        inFlight.accept(1);
        inFlight.done(1);
        inFlight.done(1);
        inFlight.done(2);

        assertThat(inFlight.takeFinished()).containsExactly(1);
        assertThat(inFlight.finished()).isEqualTo(1);
    }

    @Test
    void finishingWakesAWaiter() throws InterruptedException {
        inFlight.accept(1);
        long since = inFlight.finished();
        Thread t = new Thread(() -> inFlight.done(1));
        t.start();

        inFlight.awaitFinished(since, 1, 5_000);

        assertThat(inFlight.finished()).isEqualTo(since + 1);
        t.join();
    }
}
