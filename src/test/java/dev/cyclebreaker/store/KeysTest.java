package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void theSessionKeyCarriesTheUsersHashTag() {
        assertThat(Keys.session(123)).isEqualTo("cb:{u:123}:session");
    }

    @Test
    void everyKeyOfAUserSharesItsHashTagSoOneScriptMayTouchThemAllOnACluster() {
        assertThat(Keys.allOf(42)).isNotEmpty().allMatch(key -> key.startsWith("cb:{u:42}:"));
    }

    @Test
    void allKeysOfAUserIncludeTheSession() {
        assertThat(Keys.allOf(42)).contains(Keys.session(42));
    }

    @Test
    void theThreeKeysOfADueIndexShardShareOneHashTag() {
        Keys.DueShard shard = Keys.dueShard(3);

        assertThat(shard.all()).containsExactly("cb:{due:3}:pending", "cb:{due:3}:leased", "cb:{due:3}:dues");
    }

    @Test
    void aChatsFloodKeysShareTheChatsHashTagSoOneScriptMayTouchBoth() {
        assertThat(Keys.chatFlood(-1001)).isEqualTo("cb:{c:-1001}:flood");
        assertThat(Keys.chatPause(-1001)).isEqualTo("cb:{c:-1001}:pause");
    }

    @Test
    void theGlobalFloodBucketHasItsOwnHashTag() {
        assertThat(Keys.globalFlood()).isEqualTo("cb:{flood}:global");
    }

    @Test
    void aUsersPrivateChatKeysAreErasedWithTheUserAndShareTheSessionsSlot() {
        assertThat(Keys.chatKeysOf(42)).containsExactly("cb:{u:42}:flood", "cb:{u:42}:pause");
        assertThat(SlotHash.getSlot(Keys.chatFlood(42))).isEqualTo(SlotHash.getSlot(Keys.session(42)));
    }
}
