package dev.cyclebreaker.conversation;

/** Something the outside world must see after a transition commits. Each names its target. */
public sealed interface Effect {
    record Send(long chatId, Message message) implements Effect {
    }

    /**
     * Send a result card picture: the outbox renders it (cached per distinct card) or reuses the {@code file_id}
     * of an earlier upload. Counted against the chat's flood limits like a message.
     */
    record SendCard(long chatId, dev.cyclebreaker.sharing.CardKey card) implements Effect {
    }

    /** Replace the text and keyboard of a message the bot sent earlier. */
    record Edit(long chatId, int messageId, Message message) implements Effect {
    }

    /** Stop the client's spinner, with an optional short toast. */
    record AnswerButton(String callbackId, String toast) implements Effect {
    }

    /**
     * Make sure a {@link Event.ReminderDue} for {@code reminderId} is raised at {@code due}; scheduling an id
     * again replaces its due time (idempotent). {@code userSet}: the user chose this time, so quiet hours do not
     * apply; the engine has already moved a bot-initiated {@code due} out of them.
     */
    record ScheduleReminder(long userId, String reminderId, java.time.Instant due, boolean userSet) implements Effect {
        public ScheduleReminder(long userId, String reminderId, java.time.Instant due) {
            this(userId, reminderId, due, true);
        }
    }

    /** Forget a scheduled reminder; cancelling an unknown or already delivered id is a no-op. */
    record CancelReminder(long userId, String reminderId) implements Effect {
    }

    /**
     * Publish a result link, then send its message to {@code chatId}: carried out after the commit, where a random
     * token may be drawn. A replay publishes nothing; the user presses again and gets a new link (both erased with
     * the user).
     */
    record PublishShare(long userId, long chatId, dev.cyclebreaker.i18n.Lang lang, SharedResult result) implements Effect {
    }

    /**
     * Answer an inline query: with {@code share} (the user's result) an article with their result and a link,
     * created or reused after the commit; without, an invitation to take the test.
     */
    record AnswerInline(String queryId, long userId, dev.cyclebreaker.i18n.Lang lang, java.util.Optional<SharedResult> share)
            implements Effect {
    }

    /** The articles an inline query is answered with, ready for the outbox ({@link AnswerInline} resolved). */
    record InlineAnswer(String queryId, java.util.List<InlineArticle> articles) implements Effect {
        public InlineAnswer {
            articles = java.util.List.copyOf(articles);
        }
    }

    /** One article of an inline answer: what the picker shows, and the message it sends. */
    record InlineArticle(String id, String title, String description, Message message) {
    }

    /**
     * Answer {@code /quiz@bot} in a group: remember the group and draw an invite token after the commit, then send
     * the invitation with its deep link to the group.
     */
    record InviteFromGroup(Group group, dev.cyclebreaker.i18n.Lang lang) implements Effect {
    }

    /** Forget a group the bot was removed from: its invites stop working. Carried out by the store. */
    record ForgetGroup(long groupId) implements Effect {
    }

    /**
     * Post a user's result card, with a caption, to a group they said yes to; then tell them in private: {@code
     * posted} when Telegram took it, {@code refused} when it did not (the group is then forgotten) or when the group
     * was forgotten already; {@code unconfirmed} when Telegram could not be reached or did not answer, so the post
     * may or may not be there (it is not tried again: a second copy in a group is worse than asking the user to ask
     * again). Emitted only by the transition that clears the remembered group, so a replay or a double tap never
     * posts twice: at most once, never unasked, and the user always hears how it went.
     */
    record PostToGroup(long userId, long groupId, dev.cyclebreaker.sharing.CardKey card, String captionHtml,
                       Message posted, Message refused, Message unconfirmed) implements Effect {
    }

    /** Delete everything stored about the user: executed by the store instead of a session write. */
    record EraseUser(long userId) implements Effect {
    }
}
