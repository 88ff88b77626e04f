package dev.cyclebreaker.config;

import dev.cyclebreaker.sandbox.FakeBotApiServer;
import dev.cyclebreaker.sandbox.FakeTelegram;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * Which Bot API the bot talks to: Telegram (or whatever {@code TELEGRAM_API_URL} names) with the
 * configured token, or, with no token, a local fake served in this process: the sandbox.
 */
record BotApi(String token, URI url, FakeBotApiServer sandbox) implements AutoCloseable {
    /** The sandbox's bot: a well-formed token that exists nowhere but here. */
    static final String SANDBOX_TOKEN = "1000001:SANDBOXsandboxSANDBOXsandboxSANDBOX";

    static BotApi of(BotConfig config, int sandboxPort) {
        if (!config.sandbox()) {
            return new BotApi(config.token(), config.apiUrl(), null);
        }
        try {
            FakeBotApiServer server = FakeBotApiServer.start(new FakeTelegram(SANDBOX_TOKEN, Clock.systemUTC()), sandboxPort);
            return new BotApi(SANDBOX_TOKEN, server.baseUri(), server);
        } catch (IOException e) {
            throw new ConfigException("sandbox: cannot listen on 127.0.0.1:" + sandboxPort + " (" + e.getMessage() + ")");
        }
    }

    String describe() {
        return sandbox == null
                ? "polling " + url
                : "sandbox mode: no TELEGRAM_BOT_TOKEN, so the bot talks to a local fake Bot API at " + url;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
