package dev.cyclebreaker.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The due index's contract in a few synchronized maps, for poller unit tests. */
class InMemoryDueReminders implements DueReminders {

    private final Map<ReminderRef, Instant> pending = new HashMap<>();
    private final Map<ReminderRef, Claim> leased = new HashMap<>();
    final List<Claim> acknowledged = new ArrayList<>();
    final List<Claim> released = new ArrayList<>();

    @Override
    public synchronized void schedule(ReminderRef ref, Instant due) {
        pending.put(ref, due);
    }

    @Override
    public synchronized void cancel(ReminderRef ref) {
        pending.remove(ref);
        leased.remove(ref);
    }

    @Override
    public synchronized void cancelAll(long userId, Collection<String> ids) {
        ids.forEach(id -> cancel(new ReminderRef(userId, id)));
    }

    @Override
    public synchronized List<Claim> claimDue(Instant now, int max, Duration lease) {
        long leaseUntil = now.toEpochMilli() + lease.toMillis();
        List<Claim> claims = new ArrayList<>();
        for (Claim expired : List.copyOf(leased.values())) {
            if (claims.size() < max && expired.leaseUntilMillis() < now.toEpochMilli()) {
                claims.add(new Claim(expired.ref(), expired.due(), leaseUntil));
            }
        }
        pending.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(max - claims.size())
                .toList()
                .forEach(e -> claims.add(new Claim(e.getKey(), e.getValue(), leaseUntil)));
        for (Claim claim : claims) {
            pending.remove(claim.ref());
            leased.put(claim.ref(), claim);
        }
        return claims;
    }

    @Override
    public synchronized boolean acknowledge(Claim claim) {
        if (!claim.equals(leased.get(claim.ref()))) {
            return false;
        }
        leased.remove(claim.ref());
        acknowledged.add(claim);
        return true;
    }

    @Override
    public synchronized boolean release(Claim claim) {
        if (!claim.equals(leased.get(claim.ref()))) {
            return false;
        }
        leased.remove(claim.ref());
        pending.merge(claim.ref(), claim.due(), (a, b) -> a.isBefore(b) ? a : b);
        released.add(claim);
        return true;
    }

    @Override
    public synchronized Optional<Instant> nextDueAt() {
        return pending.values().stream().min(Comparator.naturalOrder());
    }

    @Override
    public synchronized long pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized long lateCount(Instant now) {
        return pending.values().stream().filter(due -> due.isBefore(now)).count();
    }

    synchronized List<Claim> acknowledged() {
        return List.copyOf(acknowledged);
    }

    synchronized List<Claim> released() {
        return List.copyOf(released);
    }

    synchronized boolean isLeased(ReminderRef ref) {
        return leased.containsKey(ref);
    }
}
