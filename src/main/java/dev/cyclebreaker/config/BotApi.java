package dev.cyclebreaker.config;

import dev.cyclebreaker.sandbox.FakeBotApiServer;
import java.net.URI;

/**
 * Which Bot API the bot talks to: Telegram (or whatever {@code TELEGRAM_API_URL} names) with the
 * configured token, or, with no token, a local fake served in this process: the sandbox.
 *
 * @param sandbox the fake in sandbox mode, else null
 */
record BotApi(String token, URI url, FakeBotApiServer sandbox) {
    /** The sandbox's bot: a well-formed token that exists nowhere but here. */
    static final String SANDBOX_TOKEN = "1000001:SANDBOXsandboxSANDBOXsandboxSANDBOX";

    static BotApi telegram(BotConfig config) {
        return new BotApi(config.token(), config.apiUrl(), null);
    }

    /** The fake listens on a free loopback port of its own; people use the web chat instead. */
    static BotApi sandbox(FakeBotApiServer fake) {
        return new BotApi(SANDBOX_TOKEN, fake.baseUri(), fake);
    }

    /** What the bot runs on, for the start-up line; {@code httpPort} is where this app's web server listens. */
    String describe(int httpPort, BotConfig.Webhook webhook) {
        if (sandbox != null) {
            return "sandbox mode: open http://localhost:" + httpPort;
        }
        return webhook == null
                ? "polling " + url + " · HTTP on port " + httpPort
                : "webhook " + webhook.url() + " (Bot API " + url + ") · HTTP on port " + httpPort;
    }
}
