package dev.cyclebreaker.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cyclebreaker.conversation.SessionStore.CommitResult;
import dev.cyclebreaker.conversation.SessionStore.Stored;
import dev.cyclebreaker.reminders.DueReminders;
import dev.cyclebreaker.reminders.ReminderRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one event: load the session, run the engine, commit with compare-and-set, then deliver.
 *
 * <p>Sessions are cached in this JVM only as a guess: the compare-and-set in the store decides,
 * and a stale guess costs one retry, so several instances stay correct. With a warm cache a quiz
 * step is one Redis round trip.
 */
public final class Conversations {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Conversations.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Stored NOTHING = new Stored(0, 0, null);

    /** A stored session with its decoding, so a cached step decodes nothing. */
    private record Known(Stored stored, Session session) {
    }

    private final Engine engine;
    private final SessionStore store;
    private final Outbox outbox;
    private final DueReminders reminders;
    private final SharedResults shares;
    private final GroupInvites groups;
    private final SessionCodec codec = new SessionCodec();
    private final Cache<Long, Known> cache;
    private final Observer observer;

    /** Told of every committed change of a session, e.g. to count quizzes started and finished. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (before, after) -> { };

        void committed(Session before, Session after);
    }

    public Conversations(Engine engine, SessionStore store, Outbox outbox, DueReminders reminders, long cacheSize) {
        this(engine, store, outbox, reminders, SharedResults.NONE, cacheSize, Observer.NONE);
    }

    public Conversations(Engine engine, SessionStore store, Outbox outbox, DueReminders reminders, SharedResults shares,
            long cacheSize, Observer observer) {
        this(engine, store, outbox, reminders, shares, GroupInvites.NONE, cacheSize, observer);
    }

    public Conversations(Engine engine, SessionStore store, Outbox outbox, DueReminders reminders, SharedResults shares,
            GroupInvites groups, long cacheSize, Observer observer) {
        this.observer = observer;
        this.engine = engine;
        this.shares = shares;
        this.groups = groups;
        this.store = store;
        this.outbox = outbox;
        this.reminders = reminders;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    /** What happened to an event, for logs and metrics. */
    public enum Outcome { APPLIED, UNCHANGED, REPLAY, ERASED }

    /**
     * @throws TransientFailure when the store or Telegram is unreachable: the caller processes the
     *     event again later; whatever was committed makes that a replay, never a double step
     */
    public Outcome handle(Event received) {
        Event event = resolved(received);
        long user = event.origin().userId();
        long updateId = event.origin().updateId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Known known = cached(user);
            Stored current = known.stored();
            Session session = known.session();
            if (updateId > 0 && updateId <= current.lastUpdateId()) {
                carryOut(engine.replay(session, event));
                return Outcome.REPLAY;
            }
            Transition t = engine.handle(session, event);
            if (t.erases()) {
                // Reminders and the goodbye first, the data last: were we stopped in between, the
                // update comes again and finds the session; and sending leaves no counter behind.
                carryOut(t.effects());
                store.erase(user);
                cache.invalidate(user);
                return Outcome.ERASED;
            }
            if (t.session().equals(session)) {
                carryOut(t.effects());
                return Outcome.UNCHANGED;
            }
            byte[] data = codec.encode(t.session());
            CommitResult r = store.commit(user, current.version(), updateId, data);
            if (r instanceof CommitResult.Committed c) {
                cache.put(user, new Known(new Stored(c.version(), Math.max(updateId, current.lastUpdateId()), data),
                        t.session()));
                observe(session, t.session());
                carryOut(t.effects());
                return Outcome.APPLIED;
            }
            if (r instanceof CommitResult.Replay replay) {
                Known now = known(replay.current());
                cache.put(user, now);
                carryOut(engine.replay(now.session(), event));
                return Outcome.REPLAY;
            }
            Stored now = ((CommitResult.Conflict) r).current();
            cache.put(user, known(now == null ? NOTHING : now));
        }
        throw new TransientFailure("session of one user kept changing under " + MAX_ATTEMPTS + " attempts", null);
    }

    private void observe(Session before, Session after) {
        try {
            observer.committed(before, after);
        } catch (RuntimeException e) {
            log.warn("session observer failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Best effort after a bug: tell the user something went wrong rather than leave them waiting. */
    public void apologise(Event event) {
        try {
            outbox.deliver(engine.apology(event));
        } catch (RuntimeException e) {
            log.warn("could not deliver an apology for update {}", event.origin().updateId());
        }
    }

    /** A result link's or group invite's token is looked up here, before the engine, which does no I/O. */
    private Event resolved(Event event) {
        if (event instanceof Event.Command c && c.opensResultLink()) {
            return c.withShared(shares.find(c.payload().substring(Event.Command.RESULT_LINK.length())));
        }
        if (event instanceof Event.Command c && c.opensGroupLink()) {
            return c.withGroup(groups.find(c.payload().substring(Event.Command.GROUP_LINK.length())));
        }
        return event;
    }

    private Known cached(long user) {
        Known k = cache.getIfPresent(user);
        if (k == null) {
            k = known(store.load(user).orElse(NOTHING));
            cache.put(user, k);
        }
        return k;
    }

    private Known known(Stored s) {
        return new Known(s, codec.decode(s.data()));
    }

    /**
     * After the commit: the reminder index first (idempotent, and re-done by a replay, which
     * re-emits every pending reminder), then the messages. A failure of either throws
     * {@link TransientFailure} and the update comes again as a replay.
     */
    private void carryOut(List<Effect> effects) {
        Map<Long, List<String>> cancelled = new LinkedHashMap<>();
        for (Effect e : effects) {
            if (e instanceof Effect.ScheduleReminder s) {
                reminders.schedule(new ReminderRef(s.userId(), s.reminderId()), s.due());
            } else if (e instanceof Effect.CancelReminder c) {
                cancelled.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(c.reminderId());
            } else if (e instanceof Effect.ForgetGroup f) {
                groups.forget(f.groupId()); // idempotent, so a replay may do it again
            }
        }
        // /forget or a block cancels every pending reminder at once: one call per user, not one per reminder.
        cancelled.forEach((user, ids) -> {
            if (ids.size() == 1) {
                reminders.cancel(new ReminderRef(user, ids.get(0)));
            } else {
                reminders.cancelAll(user, ids);
            }
        });
        outbox.deliver(messagesOnly(effects).stream().map(this::published).toList());
    }

    /** A result link is published here, after the commit, where a random token may be drawn; its message goes out in its place. */
    private Effect published(Effect e) {
        if (e instanceof Effect.AnswerInline a) {
            String token = a.share().map(r -> shares.inlineLink(a.userId(), r)).orElse(null);
            return new Effect.InlineAnswer(a.queryId(), engine.inlineArticles(a.lang(), a.share(), token));
        }
        if (e instanceof Effect.PublishShare p) {
            String token = shares.publish(p.userId(), p.result());
            return new Effect.Send(p.chatId(), engine.shareLink(p.lang(), token));
        }
        if (e instanceof Effect.InviteFromGroup i) {
            String token = groups.invite(i.group());
            return new Effect.Send(i.group().id(), engine.groupInvite(i.lang(), token));
        }
        if (e instanceof Effect.PostToGroup p && !groups.isKnown(p.groupId())) {
            // the bot was removed (or refused) since the user was invited: tell them instead of trying
            return new Effect.Send(p.userId(), p.refused());
        }
        return e;
    }

    /** What goes to Telegram: everything but the store's and the reminder index's effects. */
    private static List<Effect> messagesOnly(List<Effect> effects) {
        return effects.stream().filter(e -> !(e instanceof Effect.EraseUser || e instanceof Effect.ScheduleReminder
                || e instanceof Effect.CancelReminder || e instanceof Effect.ForgetGroup)).toList();
    }
}
