package dev.cyclebreaker.conversation;

/**
 * A failure that may pass: Redis unreachable, Telegram unreachable or answering 5xx. The update
 * that met it is processed again later rather than dropped.
 */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
