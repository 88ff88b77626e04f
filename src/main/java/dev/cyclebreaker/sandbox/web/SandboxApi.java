package dev.cyclebreaker.sandbox.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.FakeTelegram;
import dev.cyclebreaker.sandbox.FakeUser;
import dev.cyclebreaker.sandbox.SandboxClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The sandbox's JSON API: read a chat, act as Alice or Bob in it, skip the clock ahead. Every
 * input is checked here, so a bad request gets a 4xx with one line and never reaches the fake
 * (and so never the bot). Bodies are read with Jackson 2, as everything around the fake is.
 */
public final class SandboxApi implements SmartLifecycle {
    /** Telegram's limit for a message's text. */
    static final int MAX_TEXT = 4096;
    static final int MAX_BODY = 16 * 1024;
    static final long MAX_SKIP_MINUTES = 7 * 24 * 60;
    static final Duration LONG_POLL = Duration.ofSeconds(20);
    private static final Duration SLICE = Duration.ofMillis(250);
    private static final int MAX_ANSWERS = 50;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");
    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final FakeTelegram telegram;
    private final SandboxClock clock;
    private final SandboxChats chats;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean running;

    public SandboxApi(FakeTelegram telegram, SandboxClock clock, SandboxChats chats) {
        this.telegram = telegram;
        this.clock = clock;
        this.chats = chats;
    }

    ServerResponse state(ServerRequest request) {
        List<Views.User> users = telegram.users().stream().filter(u -> chats.userIds().contains(u.id()))
                .map(Views.User::of).toList();
        return ok(new Views.State(clock.millis(), clock.skipped().toSeconds(), telegram.version(), users,
                chats.all().stream().map(Views.ChatSummary::of).toList()));
    }

    ServerResponse chat(ServerRequest request) {
        SandboxChats.Chat chat = chatOf(request);
        long version = telegram.version();
        Map<Long, String> names = new HashMap<>();
        telegram.users().forEach(u -> names.put(u.id(), u.firstName()));
        names.put(telegram.bot().id(), telegram.bot().firstName());
        List<Views.Message> messages = telegram.messages(chat.id()).stream()
                .map(m -> Views.Message.of(m, names.getOrDefault(m.fromId(), "?"))).toList();
        List<Views.Answer> answers = telegram.callbackAnswers().stream().filter(a -> chat.hasMember(a.userId()))
                .map(Views.Answer::of).toList();
        answers = answers.subList(Math.max(0, answers.size() - MAX_ANSWERS), answers.size());
        return ok(new Views.Chat(chat.id(), chat.type(), chat.title(), version, clock.millis(), messages, answers));
    }

    /** A long poll: answers as soon as anything in the fake changes after {@code since}, or after a while. */
    ServerResponse changes(ServerRequest request) {
        long since = request.param("since").map(s -> number(s, "since")).orElse(-1L);
        long deadline = System.nanoTime() + LONG_POLL.toNanos();
        long version = telegram.version();
        if (since > version) {
            return ok(new Views.Version(version)); // a page from before a restart: it must reload now
        }
        // In slices, so that stopping the app does not wait for open pages' polls.
        while (version <= since && running && System.nanoTime() < deadline) {
            version = telegram.awaitChange(since, SLICE);
        }
        return ok(new Views.Version(version));
    }

    ServerResponse send(ServerRequest request) {
        SandboxChats.Chat chat = chatOf(request);
        JsonNode body = body(request);
        long userId = memberOf(chat, body);
        String text = text(body, "text");
        if (text.isBlank()) {
            throw new BadRequest(400, "text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadRequest(400, "text is longer than " + MAX_TEXT + " characters (" + text.length() + ")");
        }
        ChatMessage sent = chat.type().equals("private") ? telegram.sendText(userId, text)
                : telegram.groupMessage(chat.id(), userId, text);
        return ok(new Views.Sent(sent.messageId()));
    }

    ServerResponse press(ServerRequest request) {
        SandboxChats.Chat chat = chatOf(request);
        JsonNode body = body(request);
        long userId = memberOf(chat, body);
        long messageId = integer(body, "messageId");
        String data = text(body, "data");
        ChatMessage message = messageId > 0 && messageId <= Integer.MAX_VALUE
                ? telegram.message(chat.id(), (int) messageId).orElse(null) : null;
        if (message == null) {
            throw new BadRequest(404, "chat " + chat.id() + " has no message " + messageId);
        }
        if (message.buttons().stream().noneMatch(b -> b.isCallback(data))) {
            throw new BadRequest(409, "message " + messageId + " shows no such button now");
        }
        try {
            return ok(new Views.Pressed(telegram.pressButton(userId, chat.id(), (int) messageId, data)));
        } catch (IllegalArgumentException goneMeanwhile) {
            throw new BadRequest(409, "message " + messageId + " shows no such button now");
        }
    }

    ServerResponse language(ServerRequest request) {
        long userId = number(request.pathVariable("userId"), "user id");
        FakeUser user = telegram.users().stream().filter(u -> u.id() == userId && chats.userIds().contains(userId))
                .findFirst().orElseThrow(() -> new BadRequest(404, "no user " + userId));
        String language = text(body(request), "language");
        if (!LANGUAGE.matcher(language).matches()) {
            throw new BadRequest(400, "language must be a Telegram language code such as en or zh-hans");
        }
        FakeUser changed = new FakeUser(user.id(), user.firstName(), user.username(), language);
        telegram.createUser(changed);
        return ok(Views.User.of(changed));
    }

    ServerResponse advanceClock(ServerRequest request) {
        long minutes = integer(body(request), "minutes");
        if (minutes < 1 || minutes > MAX_SKIP_MINUTES) {
            throw new BadRequest(400, "minutes must be from 1 to " + MAX_SKIP_MINUTES);
        }
        Instant now = clock.advance(Duration.ofMinutes(minutes));
        return ok(new Views.Clock(now.toEpochMilli(), clock.skipped().toSeconds()));
    }

    /** A photo the bot sent, as the fake stored it. */
    ServerResponse file(ServerRequest request) {
        String id = request.pathVariable("fileId");
        if (!FILE_ID.matcher(id).matches()) {
            throw new BadRequest(400, "not a file id");
        }
        byte[] bytes = telegram.file(id).orElseThrow(() -> new BadRequest(404, "no file " + id));
        return ServerResponse.ok().contentType(imageType(bytes)).cacheControl(CacheControl.noCache()).body(bytes);
    }

    static ServerResponse error(int status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new Views.Error(status, message));
    }

    // ---- lifecycle: ends open long polls before the web server waits for them ----------------

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- input ----------------------------------------------------------------------------

    private SandboxChats.Chat chatOf(ServerRequest request) {
        long id = number(request.pathVariable("chatId"), "chat id");
        return chats.chat(id).orElseThrow(() -> new BadRequest(404, "no chat " + id));
    }

    private static long memberOf(SandboxChats.Chat chat, JsonNode body) {
        long userId = integer(body, "userId");
        if (!chat.hasMember(userId)) {
            throw new BadRequest(404, "user " + userId + " is not in chat " + chat.id());
        }
        return userId;
    }

    /**
     * The JSON object in the body. Only {@code application/json} is taken: a page on another site
     * cannot send that without a CORS preflight, which this server never grants.
     */
    private JsonNode body(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            throw new BadRequest(415, "send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = request.servletRequest().getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new BadRequest(400, "cannot read the body");
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "the body is larger than " + MAX_BODY + " bytes");
        }
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new BadRequest(400, "the body must be a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw new BadRequest(400, "the body is not JSON");
        } catch (IOException e) {
            throw new BadRequest(400, "cannot read the body");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequest(400, field + " is missing");
        }
        if (!value.isTextual()) {
            throw new BadRequest(400, field + " must be a string");
        }
        return value.asText();
    }

    private static long integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequest(400, field + " is missing");
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new BadRequest(400, field + " must be a whole number");
        }
        return value.asLong();
    }

    private static long number(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadRequest(400, what + " must be a whole number");
        }
    }

    private static ServerResponse ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static MediaType imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return MediaType.IMAGE_PNG;
        }
        if (b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return MediaType.IMAGE_JPEG;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
