package dev.cyclebreaker.config;

import dev.cyclebreaker.telegram.FloodLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated configuration (see the README's table). Built once from the environment by
 * {@link #fromEnvironment(Map)}, which names the first problem in one exact line.
 *
 * @param token the bot token, or null: no token means the local sandbox
 * @param apiUrl the Bot API base URL
 * @param redisUrl an external Redis, or null: start an embedded redis-server
 * @param dataDir where the embedded redis-server keeps its append-only file
 * @param workers threads processing updates of different users in parallel
 * @param pollTimeoutSeconds the long-poll timeout of getUpdates
 * @param serverPort the HTTP port of this app (the sandbox web chat; later webhook, health); 0 for any free one
 * @param floodLimits what the sender allows itself towards Telegram: per chat, per group, in total
 * @param webhook where Telegram posts updates in webhook mode, or null: long polling
 * @param publicBaseUrl where this app's result pages are reachable from the internet, without a
 *     trailing slash, or null: no pages, share links are {@code t.me} deep links
 */
public record BotConfig(String token, URI apiUrl, URI redisUrl, Path dataDir, int workers, int pollTimeoutSeconds,
        int serverPort, FloodLimits floodLimits, Webhook webhook, URI publicBaseUrl) {

    /** Without result pages. */
    public BotConfig(String token, URI apiUrl, URI redisUrl, Path dataDir, int workers, int pollTimeoutSeconds,
            int serverPort, FloodLimits floodLimits, Webhook webhook) {
        this(token, apiUrl, redisUrl, dataDir, workers, pollTimeoutSeconds, serverPort, floodLimits, webhook, null);
    }

    /** With Telegram's flood limits, polling. */
    public BotConfig(String token, URI apiUrl, URI redisUrl, Path dataDir, int workers, int pollTimeoutSeconds,
            int serverPort) {
        this(token, apiUrl, redisUrl, dataDir, workers, pollTimeoutSeconds, serverPort, FloodLimits.telegram());
    }

    /** Polling. */
    public BotConfig(String token, URI apiUrl, URI redisUrl, Path dataDir, int workers, int pollTimeoutSeconds,
            int serverPort, FloodLimits floodLimits) {
        this(token, apiUrl, redisUrl, dataDir, workers, pollTimeoutSeconds, serverPort, floodLimits, null);
    }

    /**
     * Webhook mode: Telegram posts updates to {@code url} with {@code secret} in the
     * {@code X-Telegram-Bot-Api-Secret-Token} header, over at most {@code maxConnections} connections.
     */
    public record Webhook(URI url, String secret, int maxConnections) {
        public Webhook {
            java.util.Objects.requireNonNull(url, "url");
            if (secret == null || !SECRET.matcher(secret).matches()) {
                throw new IllegalArgumentException("a webhook secret is 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }

        /** Never print the secret. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=***, maxConnections=" + maxConnections + "]";
        }
    }

    public BotConfig withWebhook(Webhook w) {
        return new BotConfig(token, apiUrl, redisUrl, dataDir, workers, pollTimeoutSeconds, serverPort, floodLimits, w,
                publicBaseUrl);
    }

    public BotConfig withPublicBaseUrl(URI base) {
        return new BotConfig(token, apiUrl, redisUrl, dataDir, workers, pollTimeoutSeconds, serverPort, floodLimits, webhook,
                base);
    }

    public boolean webhookMode() {
        return webhook != null;
    }

    public static final URI TELEGRAM = URI.create("https://api.telegram.org");
    private static final Pattern TOKEN = Pattern.compile("[0-9]{3,20}:[A-Za-z0-9_-]{30,100}");
    /** What Telegram accepts as a secret_token. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public boolean sandbox() {
        return token == null;
    }

    public static BotConfig fromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw new ConfigException("TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<secret> as given by @BotFather");
        }
        URI api = url(env, "TELEGRAM_API_URL", TELEGRAM, "http", "https");
        URI redis = url(env, "REDIS_URL", null, "redis", "rediss");
        String mode = blankToNull(env.get("BOT_MODE"));
        String m = mode == null ? "polling" : mode.toLowerCase(Locale.ROOT);
        if (!m.equals("polling") && !m.equals("webhook")) {
            throw new ConfigException("BOT_MODE must be polling or webhook, not '" + mode + "'");
        }
        Webhook webhook = null;
        if (m.equals("webhook")) {
            webhook = webhook(env, token);
        }
        Path data = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath().normalize();
        int workers = number(env, "WORKERS", 32, 1, 512);
        int poll = number(env, "POLL_TIMEOUT_SECONDS", 25, 0, 50);
        int port = number(env, "SERVER_PORT", 8080, 0, 65535);
        FloodLimits limits;
        try {
            limits = FloodLimits.telegram(FloodLimits.globalRate(env.get("TELEGRAM_GLOBAL_RATE")))
                    .withChatRate(FloodLimits.rate("TELEGRAM_CHAT_RATE", env.get("TELEGRAM_CHAT_RATE"), 1.0));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return new BotConfig(token, api, redis, data, workers, poll, port, limits, webhook, publicBaseUrl(env));
    }

    /** A plain http(s) base: pages live under it at {@code /r/<token>}. */
    private static URI publicBaseUrl(Map<String, String> env) {
        URI u = url(env, "PUBLIC_BASE_URL", null, "https", "http");
        if (u == null) {
            return null;
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new ConfigException("PUBLIC_BASE_URL must be a plain http(s) URL: no user, query or fragment");
        }
        String s = u.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static Webhook webhook(Map<String, String> env, String token) {
        if (token == null) {
            throw new ConfigException("BOT_MODE=webhook needs TELEGRAM_BOT_TOKEN (without a token the local sandbox polls)");
        }
        String url = blankToNull(env.get("WEBHOOK_URL"));
        if (url == null) {
            throw new ConfigException("WEBHOOK_URL is required when BOT_MODE=webhook");
        }
        URI u = url(env, "WEBHOOK_URL", null, "https");
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new ConfigException("WEBHOOK_URL must be a plain https URL: no user, query or fragment");
        }
        String secret = env.get("WEBHOOK_SECRET");
        if (secret == null || secret.isEmpty()) {
            throw new ConfigException("WEBHOOK_SECRET is required when BOT_MODE=webhook");
        }
        if (!SECRET.matcher(secret).matches()) {
            // Without the value: it is a secret.
            throw new ConfigException("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
        int connections = number(env, "WEBHOOK_MAX_CONNECTIONS", 40, 1, 100);
        return new Webhook(u, secret, connections);
    }

    private static URI url(Map<String, String> env, String name, URI fallback, String... schemes) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        String expected = String.join(":// or ", schemes) + "://";
        try {
            URI u = new URI(value);
            if (u.getScheme() != null && java.util.Arrays.asList(schemes).contains(u.getScheme().toLowerCase(Locale.ROOT))
                    && u.getHost() != null) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // said below, without the value: a URL may carry a password
        }
        throw new ConfigException(name + " is not a valid URL: expected " + expected + "host[:port]");
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Never print the token: records print their components. */
    @Override
    public String toString() {
        return "BotConfig[token=" + (token == null ? "none" : "***") + ", apiUrl=" + apiUrl + ", redis="
                + (redisUrl == null ? "embedded" : redisUrl.getHost() + ":" + redisUrl.getPort()) + ", dataDir=" + dataDir
                + ", workers=" + workers + ", floodLimits=" + floodLimits
                + ", mode=" + (webhook == null ? "polling" : webhook)
                + ", publicBaseUrl=" + (publicBaseUrl == null ? "none" : publicBaseUrl) + "]";
    }
}
