package dev.cyclebreaker.sandbox.web;

import dev.cyclebreaker.sandbox.FakeTelegram;
import java.util.List;
import java.util.Optional;

/**
 * Who is in the sandbox: two users with their private chats with the bot, and one group with both
 * of them and the bot. Fixed ids, so a restart of the sandbox finds their sessions in Redis again.
 */
public final class SandboxChats {
    static final long ALICE = 1001;
    static final long BOB = 1002;
    static final long GROUP = -1003;

    /** A chat the page can show; a private chat's only member is the user it belongs to. */
    record Chat(long id, String type, String title, List<Long> members) {
        boolean hasMember(long userId) {
            return members.contains(userId);
        }
    }

    private final List<Chat> chats;

    private SandboxChats(List<Chat> chats) {
        this.chats = List.copyOf(chats);
    }

    /** Creates Alice ({@code en}), Bob ({@code zh-hans}) and their group in the fake. */
    public static SandboxChats createIn(FakeTelegram telegram) {
        telegram.createUser(ALICE, "Alice", "en");
        telegram.createUser(BOB, "Bob", "zh-hans");
        telegram.createGroup(GROUP, "Alice & Bob");
        return new SandboxChats(List.of(new Chat(ALICE, "private", "Alice", List.of(ALICE)),
                new Chat(BOB, "private", "Bob", List.of(BOB)),
                new Chat(GROUP, "group", "Alice & Bob", List.of(ALICE, BOB))));
    }

    List<Chat> all() {
        return chats;
    }

    Optional<Chat> chat(long id) {
        return chats.stream().filter(c -> c.id() == id).findFirst();
    }

    List<Long> userIds() {
        return List.of(ALICE, BOB);
    }
}
