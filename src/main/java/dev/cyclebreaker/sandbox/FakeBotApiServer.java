package dev.cyclebreaker.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a {@link FakeTelegram} as the Bot API at {@code http://127.0.0.1:<port>/bot<token>/<method>}.
 * Each request gets its own thread, so a long poll never holds up the bot's other calls.
 */
public final class FakeBotApiServer implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z0-9_]+)/?$");

    private static final System.Logger LOG = System.getLogger(FakeBotApiServer.class.getName());

    private final FakeTelegram telegram;
    private final HttpServer server;
    private final ExecutorService threads;

    private FakeBotApiServer(FakeTelegram telegram, HttpServer server, ExecutorService threads) {
        this.telegram = telegram;
        this.server = server;
        this.threads = threads;
    }

    /** Binds 127.0.0.1:{@code port} ({@code 0} for any free port) and starts serving. */
    public static FakeBotApiServer start(FakeTelegram telegram, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        FakeBotApiServer fake = new FakeBotApiServer(telegram, server, threads);
        server.createContext("/", fake::handle);
        server.setExecutor(threads);
        server.start();
        return fake;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}; the client adds {@code /bot<token>/<method>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public FakeTelegram telegram() {
        return telegram;
    }

    /** Stops at once; waiting long polls are interrupted and their connections closed. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResult result;
            Matcher m = PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!m.matches()) {
                result = ApiResult.error(404, "Not Found");
            } else if (!URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).equals(telegram.token())) {
                result = ApiResult.error(401, "Unauthorized");
            } else {
                result = answer(exchange, m.group(2));
            }
            write(exchange, result);
        } catch (IOException e) {
            // the bot hung up, or we are closing: nobody to answer
        }
    }

    private void write(HttpExchange exchange, ApiResult result) throws IOException {
        byte[] body = telegram.json.writeValueAsBytes(result.toJson(telegram.json));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(result.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private ApiResult answer(HttpExchange exchange, String method) {
        RequestBodies.Parsed request;
        try (InputStream in = exchange.getRequestBody()) {
            request = RequestBodies.parse(telegram.json, exchange.getRequestHeaders().getFirst("Content-Type"),
                    in.readAllBytes(), exchange.getRequestURI().getRawQuery());
        } catch (IOException e) {
            return ApiResult.badRequest("can't parse request: " + e.getMessage());
        }
        try {
            return telegram.call(method, request.params(), request.files());
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "fake Bot API failed on " + method, bug);
            return ApiResult.error(500, "Internal Server Error: " + bug);
        }
    }
}
