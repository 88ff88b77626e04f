package dev.cyclebreaker.sandbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** A started fake with one user, Ann (id 42), and the real client pointed at it. */
final class FakeBotApiFixture implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token";
    static final long ANN = 42;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    final FakeTelegram telegram = new FakeTelegram(TOKEN, clock);
    final FakeBotApiServer server;
    final OkHttpTelegramClient bot;

    FakeBotApiFixture() throws IOException {
        server = FakeBotApiServer.start(telegram, 0);
        bot = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", server.port(), false));
        telegram.createUser(ANN, "Ann", "en");
    }

    @Override
    public void close() {
        server.close();
    }
}
