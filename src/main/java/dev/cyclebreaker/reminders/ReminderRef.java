package dev.cyclebreaker.reminders;

import java.util.regex.Pattern;

/**
 * Which reminder of which user. The id is short (base-36, at most 13 characters: a long fits) so
 * a million pending reminders stay small in Redis, where the pair is stored as {@code <userId>:<id>}.
 */
public record ReminderRef(long userId, String id) {

    private static final Pattern ID = Pattern.compile("[0-9a-z]{1,13}");

    public ReminderRef {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("reminder id must match [0-9a-z]{1,13}, got: " + id);
        }
    }

    /** The index member, {@code <userId>:<id>}. */
    public String encoded() {
        return userId + ":" + id;
    }

    /** @throws IllegalArgumentException when the text is not {@code <userId>:<id>} */
    public static ReminderRef decode(String encoded) {
        int colon = encoded.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a reminder member <userId>:<id>: " + encoded);
        }
        try {
            return new ReminderRef(Long.parseLong(encoded.substring(0, colon)), encoded.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a reminder member <userId>:<id>: " + encoded, e);
        }
    }
}
