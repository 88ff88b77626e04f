package dev.cyclebreaker.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class SessionStoreOnSystemRedisIT extends SessionStoreContract {

    @RegisterExtension
    static final RedisTestServer server = RedisTestServer.system();

    @Override
    RedisTestServer server() {
        return server;
    }
}
