package dev.cyclebreaker.conversation;

import java.util.List;

/**
 * The one way out to Telegram. Implementations deliver effects in order and throw {@link
 * TransientFailure} when delivery may succeed later (the update is then processed again).
 * Effects Telegram refuses for good (a blocked user, an unchanged edit) are not failures.
 */
public interface Outbox {
    void deliver(List<Effect> effects);
}
