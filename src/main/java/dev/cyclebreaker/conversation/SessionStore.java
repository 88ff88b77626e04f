package dev.cyclebreaker.conversation;

import java.util.Optional;

/**
 * Where sessions live. Every write is one atomic compare-and-set in the store itself, so two
 * instances, or a double tap, can never apply one step twice. Sessions are opaque bytes here;
 * {@link SessionCodec} turns them into {@link Session}s.
 */
public interface SessionStore {

    Optional<Stored> load(long userId);

    /**
     * Writes {@code data} if the stored version is still {@code expectedVersion} (0: no session yet)
     * and {@code updateId} was not applied already.
     *
     * @param updateId the Telegram update being applied, or 0 for our own events (no replay check)
     */
    CommitResult commit(long userId, long expectedVersion, long updateId, byte[] data);

    /** Deletes every key that belongs to the user. */
    void erase(long userId);

    /** What is stored for a user: a version that grows with every write, the last applied update, the data. */
    record Stored(long version, long lastUpdateId, byte[] data) {
    }

    sealed interface CommitResult {
        /** Written; the new version. */
        record Committed(long version) implements CommitResult {
        }

        /** This update, or a later one, was applied already: nothing written. */
        record Replay(Stored current) implements CommitResult {
        }

        /** Someone else wrote first: nothing written; here is what is stored now (null: nothing). */
        record Conflict(Stored current) implements CommitResult {
        }
    }
}
