package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetsTest {
    final Offsets offsets = new Offsets();

    @Test
    void theOffsetStaysAtTheOldestUpdateInFlight() {
        offsets.accept(10);
        offsets.accept(11);
        offsets.accept(12);

        offsets.done(12);
        offsets.done(11);

        assertThat(offsets.offset()).isEqualTo(10);
        offsets.done(10);
        assertThat(offsets.offset()).isEqualTo(13);
        assertThat(offsets.inFlight()).isZero();
    }

    @Test
    void anUpdateHeldOrAlreadyDoneIsNotAcceptedAgainWhenAPollBringsItBack() {
        offsets.accept(10);
        offsets.accept(11);
        offsets.done(11);

        assertThat(offsets.accept(10)).as("in flight").isFalse();
        assertThat(offsets.accept(11)).as("done, not yet confirmed").isFalse();
        assertThat(offsets.accept(12)).isTrue();
    }

    @Test
    void anUpdateThatAPollStartedBeforeItFinishedBringsBackIsNotProcessedTwice() {
        offsets.accept(5);
        offsets.done(5); // meanwhile a poll with offset 5 was under way, and returns update 5

        assertThat(offsets.accept(5)).isFalse();
        assertThat(offsets.accept(4)).isFalse();
        assertThat(offsets.offset()).isEqualTo(6);
    }

    @Test
    void anUnfinishedUpdateKeepsEverythingAfterItUnconfirmedAsAfterACrash() {
        offsets.accept(1);
        offsets.accept(2);
        offsets.done(2);

        assertThat(offsets.offset()).as("1 would be delivered again, and 2 skipped by this process only").isEqualTo(1);
    }

    @Test
    void finishingCountsWake() throws InterruptedException {
        offsets.accept(1);
        long since = offsets.finished();
        offsets.done(1);

        offsets.awaitFinished(since, 1, 5_000);

        assertThat(offsets.finished() - since).isEqualTo(1);
    }
}
