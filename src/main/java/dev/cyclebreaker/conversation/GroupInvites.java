package dev.cyclebreaker.conversation;

import java.util.Optional;

/**
 * Invite links from group chats ({@code /start g_<token>}) and the groups the bot answered in. Written after a
 * commit, read before the engine runs, so the engine stays pure. Implemented in {@code store}. Forgetting a group
 * (the bot was removed, or Telegram refused to let it write there) makes its invites invalid.
 */
public interface GroupInvites {
    /** Remembers the group (or refreshes its title) and returns a new random invite token for it. */
    String invite(Group group);

    /** The group behind an invite token; empty when the token is malformed, unknown, expired or its group forgotten. */
    Optional<Group> find(String token);

    /** Whether the bot still counts itself a member of the group (it was not removed or refused since). */
    boolean isKnown(long groupId);

    /** Forgets the group and so every invite to it; forgetting an unknown group does nothing. */
    void forget(long groupId);

    /** For tests and set-ups without groups: nothing is ever found, inviting is refused. */
    GroupInvites NONE = new GroupInvites() {
        @Override
        public String invite(Group group) {
            throw new IllegalStateException("group invites are not wired");
        }

        @Override
        public Optional<Group> find(String token) {
            return Optional.empty();
        }

        @Override
        public boolean isKnown(long groupId) {
            return false;
        }

        @Override
        public void forget(long groupId) {
        }
    };
}
