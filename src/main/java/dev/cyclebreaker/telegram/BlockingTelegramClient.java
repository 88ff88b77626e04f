package dev.cyclebreaker.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The library's client, except that {@link #execute(BotApiMethod)} runs the call on the calling
 * thread. The library enqueues every call on OkHttp's dispatcher and waits for the future, two
 * thread hand-offs per call that cost more CPU than the call itself; a worker blocks either way.
 * Same request (JSON body, same URL), same answer handling ({@code deserializeResponse}), same
 * exceptions: a network failure is a {@link TelegramApiException}, a refusal the method's own
 * {@code TelegramApiRequestException}.
 */
final class BlockingTelegramClient extends OkHttpTelegramClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] SUCCESS = ResultUnread.SUCCESS.getBytes(StandardCharsets.US_ASCII);

    /**
     * A method whose successful answer is not read: it maps any answer starting with {@link #SUCCESS}
     * to its result without parsing, so this client hands it just that prefix.
     */
    interface ResultUnread {
        String SUCCESS = "{\"ok\":true,";
    }

    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final HttpUrl base;

    BlockingTelegramClient(OkHttpClient http, String token, TelegramUrl url) {
        this(new ObjectMapper(), http, token, url);
    }

    private BlockingTelegramClient(ObjectMapper mapper, OkHttpClient http, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.http = http;
        this.mapper = mapper;
        HttpUrl.Builder b = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            b.addPathSegment("test");
        }
        this.base = b.build();
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method)
            throws TelegramApiException {
        byte[] answer = call(method);
        if (method instanceof ResultUnread && startsWith(answer, SUCCESS)) {
            // decoding an answer nobody reads (a whole Message, often UTF-16 for its emoji) was most of a call's garbage
            return method.deserializeResponse(ResultUnread.SUCCESS);
        }
        return method.deserializeResponse(new String(answer, StandardCharsets.UTF_8));
    }

    /**
     * getUpdates, keeping each update's JSON as Telegram sent it beside the update read from it, for
     * {@link UpdateReceipts}. The answer is read from its bytes once: each update's slice is found by
     * skipping over it, then read into an {@link Update}. A refusal comes out as the library's
     * {@code TelegramApiRequestException}, as from {@link #execute}.
     */
    List<ReceivedUpdate> receive(GetUpdates method) throws TelegramApiException {
        byte[] answer = call(method);
        List<ReceivedUpdate> updates = new ArrayList<>();
        boolean ok = false;
        try (JsonParser p = mapper.getFactory().createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TelegramApiException("getUpdates answered something other than a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("ok".equals(field)) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if ("result".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getByteOffset();
                        byte[] json = Arrays.copyOfRange(answer, start, end);
                        updates.add(new ReceivedUpdate(mapper.readValue(json, Update.class), json));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new TelegramApiException("Unable to deserialize getUpdates response", e);
        }
        if (!ok) {
            method.deserializeResponse(new String(answer, StandardCharsets.UTF_8)); // throws what the refusal says
            throw new TelegramApiException("getUpdates was not answered ok");
        }
        return updates;
    }

    private byte[] call(BotApiMethod<?> method) throws TelegramApiException {
        if (method == null) {
            throw new TelegramApiException("Parameter method can not be null");
        }
        method.validate();
        Request request;
        try {
            request = new Request.Builder().url(base.newBuilder().addPathSegment(method.getMethod()).build())
                    .post(RequestBody.create(mapper.writeValueAsBytes(method), JSON)).build();
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (body == null) {
                throw new TelegramApiException("Telegram api returned empty response");
            }
            return body.bytes();
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
    }

    private static boolean startsWith(byte[] answer, byte[] prefix) {
        return answer.length >= prefix.length && java.util.Arrays.equals(answer, 0, prefix.length, prefix, 0, prefix.length);
    }
}
