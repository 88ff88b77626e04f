package dev.cyclebreaker.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class SessionStoreOnEmbeddedRedisIT extends SessionStoreContract {

    @RegisterExtension
    static final RedisTestServer server = RedisTestServer.embedded();

    @Override
    RedisTestServer server() {
        return server;
    }
}
