package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
