package dev.cyclebreaker.telegram;

import java.util.Collection;
import java.util.SortedMap;

/**
 * Updates taken from {@code getUpdates} and not yet finished, kept outside the JVM. Telegram shows
 * at most 100 updates past the confirmed offset, so confirming only what is committed would cap the
 * updates in progress at 100, behind the slowest of them. Instead the polling loop records what it
 * receives here and then confirms it at once; a process that dies before finishing an update
 * leaves its receipt, and the next one processes it.
 *
 * <p>A receipt holds the update as Telegram sent it (message text included) for as long as it is
 * in progress: it is forgotten with the next poll after the update's effect is committed.
 */
public interface UpdateReceipts {

    /**
     * Records the updates just received and forgets the finished ones, in one round trip.
     *
     * @param received update id to the update's JSON
     * @param finished ids whose effect is committed (or that were found useless)
     * @throws dev.cyclebreaker.conversation.TransientFailure when the store is unreachable: then
     *     nothing may be confirmed to Telegram
     */
    void record(SortedMap<Integer, byte[]> received, Collection<Integer> finished);

    /** The updates recorded and not yet forgotten, oldest first: after a restart, the unfinished ones. */
    SortedMap<Integer, byte[]> unfinished();
}
