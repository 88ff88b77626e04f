package dev.cyclebreaker.conversation;

import java.util.Optional;

/**
 * Result links: published after a commit, resolved before the engine runs, so the engine stays
 * pure. Implemented in {@code store}; a user's links are erased with the user.
 */
public interface SharedResults {
    /** Stores {@code result} under a new random token, indexed from the user; returns the token. */
    String publish(long userId, SharedResult result);

    /**
     * The user's inline-mode link for {@code result}: the one made earlier when it still shows this result,
     * else a new one (so typing {@code @bot} does not make a link per keystroke).
     */
    default String inlineLink(long userId, SharedResult result) {
        return publish(userId, result);
    }

    /** The result behind a token; empty when it is malformed, unknown, expired or deleted. */
    Optional<SharedResult> find(String token);

    /** For tests and set-ups without sharing: nothing is ever found, publishing is refused. */
    SharedResults NONE = new SharedResults() {
        @Override
        public String publish(long userId, SharedResult result) {
            throw new IllegalStateException("sharing is not wired");
        }

        @Override
        public Optional<SharedResult> find(String token) {
            return Optional.empty();
        }
    };
}
