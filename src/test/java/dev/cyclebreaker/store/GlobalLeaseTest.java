package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobalLeaseTest {
    private final GlobalLease lease = new GlobalLease(200, 6);

    @Test
    void anEmptyLeaseGivesNoTokenAndAsksForOne() {
        assertThat(lease.take(0)).isNull();
        assertThat(lease.nextBatch()).isEqualTo(1);
    }

    @Test
    void aFilledLeaseHandsOutItsTokensWithinItsWindowOnly() {
        lease.fill(3, 1_000);

        assertThat(lease.take(1_050)).isNotNull();
        assertThat(lease.take(1_100)).isNotNull();
        assertThat(lease.take(1_200)).as("the window is over").isNull();
    }

    @Test
    void aLeaseUsedUpAsksForTwiceAsManyNextTimeUpToTheBatch() {
        lease.fill(2, 0);
        lease.take(10);
        assertThat(lease.nextBatch()).isEqualTo(4);

        lease.fill(4, 20);
        for (int i = 0; i < 3; i++) {
            lease.take(30);
        }
        assertThat(lease.nextBatch()).isEqualTo(6);
    }

    @Test
    void aLeaseThatRanOutOfTimeAsksForWhatItUsed() {
        lease.fill(4, 0);
        lease.take(10);

        assertThat(lease.take(300)).isNull();
        assertThat(lease.nextBatch()).isEqualTo(2);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNotIntoALaterLease() {
        GlobalLease.Token first = lease.fill(1, 0);
        lease.giveBack(first, 10);
        assertThat(lease.take(20)).isNotNull();

        GlobalLease.Token old = lease.fill(1, 30);
        lease.fill(1, 40);
        lease.giveBack(old, 50);
        assertThat(lease.take(60)).isNull();
    }

    @Test
    void anEmptyGlobalBucketIsRememberedUntilItRefills() {
        lease.empty(33, 100);

        assertThat(lease.emptyFor(110)).isEqualTo(23);
        assertThat(lease.emptyFor(133)).isZero();
    }

    @Test
    void aNewLeaseDoesNotClaimTheBucketIsEmptyAtTodaysTime() {
        assertThat(lease.emptyFor(1_795_000_000_000L)).isZero();
    }
}
