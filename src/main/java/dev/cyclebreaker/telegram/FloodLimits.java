package dev.cyclebreaker.telegram;

/**
 * Telegram's flood limits as token buckets. Telegram publishes no exact numbers; its guidance is
 * about one message a second per private chat, twenty a minute per group and thirty a second in
 * total.
 *
 * <p>Three choices go beyond the guidance. A group's bucket refills at {@code (groupPerMinute -
 * groupBurst)} a minute, so that no 60-second window holds more than {@code groupPerMinute}
 * messages even right after a burst; the global bucket likewise refills at the rate less its
 * burst (28/s with a burst of 2 at 30/s), so no second holds more than the rate. Our buckets are
 * smaller than Telegram's (taken to be 3 per chat): a private chat's holds 2. Our buckets run on our clocks and Telegram's on its own; when both refill at the
 * same rate, a send granted on the dot by ours may reach Telegram a millisecond early by its
 * count and meet a 429. The spare tokens absorb such differences (network jitter, the gate's
 * batched reservations, clock skew between instances); the price is that a third message in a
 * row to one chat waits a second.
 *
 * @param perChatPerSecond refill of a private chat's bucket (chat id &gt; 0)
 * @param perChatBurst     size of a private chat's bucket
 * @param groupPerMinute   messages in any minute to one group or channel (chat id &lt; 0)
 * @param groupBurst       size of a group's bucket; less than {@code groupPerMinute}
 * @param globalPerSecond  refill of the bucket shared by all chats and all instances
 * @param globalBurst      size of the global bucket
 */
public record FloodLimits(double perChatPerSecond, int perChatBurst, int groupPerMinute, int groupBurst,
        double globalPerSecond, int globalBurst) {

    public static final double DEFAULT_GLOBAL_PER_SECOND = 30;

    public FloodLimits {
        requirePositive("perChatPerSecond", perChatPerSecond);
        requirePositive("perChatBurst", perChatBurst);
        requirePositive("groupPerMinute", groupPerMinute);
        requirePositive("groupBurst", groupBurst);
        requirePositive("globalPerSecond", globalPerSecond);
        requirePositive("globalBurst", globalBurst);
        if (groupBurst >= groupPerMinute) {
            throw new IllegalArgumentException("flood limit groupBurst must be less than groupPerMinute ("
                    + groupPerMinute + "), got " + groupBurst);
        }
    }

    /** Telegram's guidance: 1/s per private chat (burst 2), 20/min per group (burst 3), 30/s in total. */
    public static FloodLimits telegram() {
        return telegram(DEFAULT_GLOBAL_PER_SECOND);
    }

    /** As {@link #telegram()} with another global rate, e.g. from {@code TELEGRAM_GLOBAL_RATE}. */
    public static FloodLimits telegram(double globalPerSecond) {
        int burst = defaultGlobalBurst(globalPerSecond);
        // Like a group's: refill so that a burst plus a second's refill stays within the rate, so
        // no one-second window holds more than globalPerSecond messages (a strict sliding-window
        // limiter, like the benchmark's fake, would answer 429 otherwise).
        double refill = Math.max(globalPerSecond - burst, globalPerSecond / 2);
        return new FloodLimits(1.0, 2, 20, 3, refill, burst);
    }

    /**
     * Parses {@code TELEGRAM_GLOBAL_RATE} (messages a second); unset or blank means the default.
     *
     * @throws IllegalArgumentException with one exact line when it is not a positive number
     */
    public static double globalRate(String value) {
        return rate("TELEGRAM_GLOBAL_RATE", value, DEFAULT_GLOBAL_PER_SECOND);
    }

    /**
     * Parses a rate in messages a second from the variable {@code name}; unset or blank means
     * {@code fallback}.
     *
     * @throws IllegalArgumentException with one exact line when it is not a positive number
     */
    public static double rate(String name, String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive number of messages a second, got: " + value);
    }

    /** The same limits with another rate for one private chat (the burst stays). */
    public FloodLimits withChatRate(double perSecond) {
        return new FloodLimits(perSecond, perChatBurst, groupPerMinute, groupBurst, globalPerSecond, globalBurst);
    }

    static int defaultGlobalBurst(double globalPerSecond) {
        return (int) Math.max(1, Math.ceil(globalPerSecond / 15));
    }

    /** Groups and channels have negative ids. */
    public static boolean isGroup(long chatId) {
        return chatId < 0;
    }

    /** Tokens a second that this chat's bucket regains. */
    public double chatRefillPerSecond(long chatId) {
        return isGroup(chatId) ? (groupPerMinute - groupBurst) / 60.0 : perChatPerSecond;
    }

    public int chatBurst(long chatId) {
        return isGroup(chatId) ? groupBurst : perChatBurst;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("flood limit " + name + " must be positive, got " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("flood limit " + name + " must be positive, got " + value);
        }
    }
}
