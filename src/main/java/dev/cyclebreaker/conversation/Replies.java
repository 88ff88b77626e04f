package dev.cyclebreaker.conversation;

import dev.cyclebreaker.conversation.Effect.AnswerButton;
import dev.cyclebreaker.conversation.Effect.Edit;
import dev.cyclebreaker.conversation.Effect.Send;
import dev.cyclebreaker.conversation.Event.ButtonPressed;
import dev.cyclebreaker.i18n.Lang;
import java.util.ArrayList;
import java.util.List;

/** How the coaching screens go out: a button's press is always answered exactly once, then its message edited. */
final class Replies {
    private final CoachViews views;

    Replies(CoachViews views) {
        this.views = views;
    }

    /** A new message for a command or text; for a button, its press answered and the pressed message replaced. */
    Transition respond(Session next, Event e, String toastKey, Lang l, Message m, Effect... before) {
        if (e instanceof ButtonPressed b) {
            return answer(next, b, toastKey, l, concat(before, new Edit(b.origin().chatId(), b.messageId(), m)));
        }
        return new Transition(next, List.of(concat(before, new Send(e.origin().chatId(), m))));
    }

    /** Like {@link #respond} but a button's message stays (the playbook keeps its buttons): a new message below. */
    Transition reply(Session next, Event e, Lang l, Message m, Effect... before) {
        if (e instanceof ButtonPressed b) {
            return answer(next, b, null, l, concat(before, new Send(b.origin().chatId(), m)));
        }
        return new Transition(next, List.of(concat(before, new Send(e.origin().chatId(), m))));
    }

    Transition answer(Session next, ButtonPressed b, String toastKey, Lang l, Effect... then) {
        List<Effect> effects = new ArrayList<>(then.length + 1);
        effects.add(new AnswerButton(b.callbackId(), toastKey == null ? null : views.text(l, toastKey)));
        effects.addAll(List.of(then));
        return new Transition(next, effects);
    }

    static Effect[] concat(Effect[] first, Effect last) {
        Effect[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    static Effect[] concat(Effect first, Effect last) {
        return new Effect[] {first, last};
    }
}
