package dev.cyclebreaker.conversation;

/** Something the outside world must see after a transition commits. Each names its target. */
public sealed interface Effect {
    record Send(long chatId, Message message) implements Effect {
    }

    /** Replace the text and keyboard of a message the bot sent earlier. */
    record Edit(long chatId, int messageId, Message message) implements Effect {
    }

    /** Stop the client's spinner, with an optional short toast. */
    record AnswerButton(String callbackId, String toast) implements Effect {
    }

    /** Delete everything stored about the user: executed by the store instead of a session write. */
    record EraseUser(long userId) implements Effect {
    }
}
