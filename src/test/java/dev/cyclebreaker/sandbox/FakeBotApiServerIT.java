package dev.cyclebreaker.sandbox;

import static dev.cyclebreaker.sandbox.FakeBotApiFixture.ANN;
import static dev.cyclebreaker.sandbox.FakeBotApiFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;

class FakeBotApiServerIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeBotApiFixture fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeBotApiFixture();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"getMe", "getme", "GETME", "GetMe"})
    void methodNamesAreCaseInsensitive(String method) throws Exception {
        HttpResponse<String> response = post("/bot" + TOKEN + "/" + method, "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).at("/result/is_bot").asBoolean()).isTrue();
    }

    @Test
    void aWrongTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = post("/bot999:wrong/getMe", "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
                "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
    }

    @Test
    void anUnknownMethodIsNotFound() throws Exception {
        HttpResponse<String> response = post("/bot" + TOKEN + "/sendTelepathy", "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("ok").asBoolean(true)).isFalse();
    }

    @Test
    void aFormEncodedSendMessageWithAJsonKeyboardIsUnderstood() throws Exception {
        String form = "chat_id=" + ANN + "&parse_mode=HTML&text=" + enc("<b>Hi</b> & bye")
                + "&reply_markup=" + enc("{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"q:1:a\"}]]}");

        HttpResponse<String> response = post("/bot" + TOKEN + "/sendMessage", "application/x-www-form-urlencoded",
                form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.telegram.latestWithKeyboard(ANN)).get().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Hi & bye");
            assertThat(m.buttons()).containsExactly(new InlineButton("Go", "callback_data", "q:1:a"));
        });
        assertThat(fake.telegram.violations()).extracting(Violation::reason)
                .containsExactly("HTML: unescaped '&' at byte offset 10");
    }

    @Test
    void parametersInTheQueryStringWork() throws Exception {
        HttpResponse<String> response = post("/bot" + TOKEN + "/sendMessage?chat_id=" + ANN + "&text=hi", "", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.telegram.botMessages(ANN)).extracting(ChatMessage::text).containsExactly("hi");
    }

    /**
     * Documents what the fake must accept: how telegrambots-client 9.6.0 talks to the Bot API.
     * Note the upload: {@code photo=attach://p.jpg} plus a file part named after the file.
     */
    @Test
    void theRealClientPostsJsonToLowerCasePathsAndUploadsAsMultipart() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = recordingProxy(seen);
        try {
            OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN,
                    new TelegramUrl("http", "127.0.0.1", proxy.getAddress().getPort(), false));

            User me = client.execute(new GetMe());
            client.execute(SendMessage.builder().chatId(ANN).text("hi").build());
            client.execute(GetUpdates.builder().offset(0).timeout(0).build());
            client.execute(SendPhoto.builder().chatId(ANN)
                    .photo(new InputFile(new ByteArrayInputStream(new byte[] {1, 2}), "p.jpg")).build());

            assertThat(me.getId()).isEqualTo(123456L);
            assertThat(seen).containsExactly(
                    "POST /bot" + TOKEN + "/getme application/json",
                    "POST /bot" + TOKEN + "/sendmessage application/json",
                    "POST /bot" + TOKEN + "/getupdates application/json",
                    "POST /bot" + TOKEN + "/sendphoto multipart/form-data");
            assertThat(fake.telegram.calls("sendPhoto")).singleElement().satisfies(c -> {
                assertThat(c.params().path("chat_id").asText()).isEqualTo(String.valueOf(ANN));
                assertThat(c.params().path("photo").asText()).isEqualTo("attach://p.jpg");
                assertThat(c.params().at("/p.jpg/upload_bytes").asInt()).isEqualTo(2);
            });
        } finally {
            proxy.stop(0);
        }
    }

    private HttpServer recordingProxy(List<String> seen) throws IOException {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + type.split(";")[0]);
                HttpResponse<byte[]> forwarded = http.send(HttpRequest.newBuilder(
                                fake.server.baseUri().resolve(exchange.getRequestURI().getPath()))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(forwarded.statusCode(), forwarded.body().length);
                exchange.getResponseBody().write(forwarded.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        return proxy;
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fake.server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
