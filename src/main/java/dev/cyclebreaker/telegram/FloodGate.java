package dev.cyclebreaker.telegram;

import java.time.Duration;

/**
 * Telegram's flood limits, shared by every instance of the bot: one token per counted call (a
 * message sent or edited), taken from the chat's bucket and the global one together.
 * Implementations keep their state outside the JVM, so that several instances share one budget.
 */
public interface FloodGate {

    /**
     * Asks to send one message to the chat now.
     *
     * @return {@link Duration#ZERO} when a token was taken for the chat and the global budget (go
     *     now); otherwise how long to wait before asking again, and nothing was taken
     * @throws dev.cyclebreaker.conversation.TransientFailure when the shared state is unreachable
     */
    Duration acquire(long chatId);

    /** Telegram answered 429 for this chat: no instance sends to it until {@code retryAfter} has passed. */
    void pause(long chatId, Duration retryAfter);
}
