package dev.cyclebreaker.sandbox;

import java.util.Objects;

/** A Telegram user as the fake knows them; the private chat with the bot has the same id. */
public record FakeUser(long id, String firstName, String username, String languageCode) {
    public FakeUser {
        if (id <= 0) {
            throw new IllegalArgumentException("a user id must be positive, got " + id);
        }
        Objects.requireNonNull(firstName, "firstName");
    }

    public static FakeUser of(long id, String firstName, String languageCode) {
        return new FakeUser(id, firstName, null, languageCode);
    }
}
