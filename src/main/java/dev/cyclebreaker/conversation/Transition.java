package dev.cyclebreaker.conversation;

import java.util.List;

/** The engine's answer to one event: the session to store and the effects to carry out after. */
public record Transition(Session session, List<Effect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    public boolean erases() {
        return effects.stream().anyMatch(e -> e instanceof Effect.EraseUser);
    }
}
