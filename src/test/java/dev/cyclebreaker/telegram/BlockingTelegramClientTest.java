package dev.cyclebreaker.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The client's getUpdates that keeps each update's JSON, against a tiny local HTTP server. */
class BlockingTelegramClientTest {
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final HttpServer server;
    private final BlockingTelegramClient client;

    BlockingTelegramClientTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.get().getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new BlockingTelegramClient(new OkHttpClient(), "1:T",
                new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachUpdateComesReadAndAsTheExactBytesTelegramSent() throws Exception {
        String press = "{\"update_id\":8,\"callback_query\":{\"id\":\"c1\",\"from\":{\"id\":5,\"is_bot\":false,"
                + "\"first_name\":\"汤姆 😀\"},\"chat_instance\":\"x\",\"data\":\"q:1:3\",\"message\":{\"message_id\":2,"
                + "\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"a \\\"quoted\\\" } brace\","
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"d\"}]]}}}}";
        String text = "{\"update_id\":9,\"message\":{\"message_id\":3,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
                + "\"text\":\"hi\",\"some_field_of_a_later_api\":{\"a\":[1,{}]}}}";
        answer.set("{\"ok\":true,\"result\":[" + press + ",\n " + text + "]}");

        List<ReceivedUpdate> updates = client.receive(GetUpdates.builder().offset(0).build());

        assertThat(updates).extracting(ReceivedUpdate::id).containsExactly(8, 9);
        assertThat(new String(updates.get(0).json(), UTF_8)).isEqualTo(press);
        assertThat(new String(updates.get(1).json(), UTF_8)).isEqualTo(text);
        assertThat(updates.get(0).update().getCallbackQuery().getFrom().getFirstName()).isEqualTo("汤姆 😀");
        assertThat(updates.get(1).update().getMessage().getText()).isEqualTo("hi");
    }

    @Test
    void anEmptyAnswerIsNoUpdates() throws Exception {
        answer.set("{\"ok\":true,\"result\":[]}");

        assertThat(client.receive(GetUpdates.builder().offset(0).build())).isEmpty();
    }

    @Test
    void aRefusalIsTheLibrarysRequestExceptionWithItsCode() {
        status.set(409);
        answer.set("{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request\"}");

        assertThatThrownBy(() -> client.receive(GetUpdates.builder().offset(0).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(409));
    }

    @Test
    void anAnswerThatIsNotJsonIsAnApiException() {
        answer.set("<html>bad gateway</html>");

        assertThatThrownBy(() -> client.receive(GetUpdates.builder().offset(0).build()))
                .isInstanceOf(org.telegram.telegrambots.meta.exceptions.TelegramApiException.class);
    }
}
