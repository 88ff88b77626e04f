package dev.cyclebreaker.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUpdateReceiptsIT {
    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    private final RedisUpdateReceipts receipts = new RedisUpdateReceipts(redis.connection());

    @Test
    void receivedUpdatesComeBackOldestFirstUntilForgotten() {
        receipts.record(received(12, "{\"update_id\":12}", 3, "{\"update_id\":3,\"message\":{\"text\":\"汤姆 & Jerry\"}}"),
                List.of());
        receipts.record(received(40, "{\"update_id\":40}"), List.of(12));

        SortedMap<Integer, byte[]> left = receipts.unfinished();
        assertThat(left.keySet()).containsExactly(3, 40);
        assertThat(new String(left.get(3), UTF_8)).isEqualTo("{\"update_id\":3,\"message\":{\"text\":\"汤姆 & Jerry\"}}");

        receipts.record(new TreeMap<>(), List.of(3, 40));
        assertThat(receipts.unfinished()).isEmpty();
        assertThat(redis.connection().sync().exists(Keys.receivedUpdates())).as("an empty hash is no key").isZero();
    }

    @Test
    void theReceiptsExpireADayAfterTheLastWriteSoNoTextLingers() {
        receipts.record(received(1, "{}"), List.of());

        assertThat(redis.connection().sync().ttl(Keys.receivedUpdates()))
                .isBetween(RedisUpdateReceipts.TTL.toSeconds() - 5, RedisUpdateReceipts.TTL.toSeconds());
    }

    @Test
    void aWriteWithNothingToDoSendsNothing() {
        long before = commandsProcessed();
        receipts.record(new TreeMap<>(), List.of());

        assertThat(commandsProcessed() - before).as("only the INFO calls themselves").isEqualTo(1);
    }

    @Test
    void aWriteIsOneRoundTripThatForgetsAndRecordsTogether() {
        receipts.record(received(5, "{}"), List.of());
        long before = commandsProcessed();

        receipts.record(received(6, "{}", 7, "{}"), List.of(5));

        assertThat(commandsProcessed() - before).as("HDEL, HSET, EXPIRE and one INFO").isEqualTo(4);
        assertThat(receipts.unfinished().keySet()).containsExactly(6, 7);
    }

    private static long commandsProcessed() {
        String info = redis.connection().sync().info("stats");
        for (String line : info.split("\r\n")) {
            if (line.startsWith("total_commands_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("no total_commands_processed in INFO");
    }

    private static SortedMap<Integer, byte[]> received(Object... idsAndJson) {
        SortedMap<Integer, byte[]> m = new TreeMap<>();
        for (int i = 0; i < idsAndJson.length; i += 2) {
            m.put((Integer) idsAndJson[i], ((String) idsAndJson[i + 1]).getBytes(UTF_8));
        }
        return m;
    }
}
