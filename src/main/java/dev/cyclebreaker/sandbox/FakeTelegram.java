package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Telegram as the bot's users see it: users, chats and their messages, pending updates, and
 * everything the bot has called. Tests (and the sandbox web chat) act as users here; the bot
 * reaches the same state over HTTP through {@link FakeBotApiServer}. Thread-safe: one lock guards
 * all state except the update queue, and every change wakes the waiters.
 */
public final class FakeTelegram {
    private static final long RECHECK_NANOS = 20_000_000;
    final ObjectMapper json = new ObjectMapper();
    final Clock clock;
    final UpdateQueue updates = new UpdateQueue();
    final Map<Long, FakeUser> users = new LinkedHashMap<>();
    final Map<Long, Chat> chats = new LinkedHashMap<>();
    /** Unanswered callback and inline query ids, to the user who sent them. */
    final Map<String, Long> openQueries = new HashMap<>();
    final List<RecordedCall> calls = new ArrayList<>();
    final List<CallbackAnswer> answers = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();
    final List<JsonNode> inlineAnswers = new ArrayList<>();
    final Map<String, JsonNode> commands = new HashMap<>();
    final Map<String, byte[]> files = new HashMap<>();
    final Map<Long, Deque<ScriptedError>> scripted = new HashMap<>();
    private final String token;
    private final FakeUser bot;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BotApiMethods methods;
    FloodControl flood;
    int tooManyRequests;
    String webhookUrl = "";
    private long version;
    private int nextQueryId = 1;
    private int nextFileId = 1;

    /** A chat: its JSON as the Bot API shows it, and its messages by id. */
    static final class Chat {
        final long id;
        final ObjectNode json;
        final Map<Integer, StoredMessage> messages = new LinkedHashMap<>();
        int nextMessageId = 1;

        Chat(long id, ObjectNode json) {
            this.id = id;
            this.json = json;
        }
    }

    /**
     * @param token the bot token the HTTP server accepts; its numeric prefix becomes the bot's id
     * @param clock dates of messages and the flood buckets' time
     */
    public FakeTelegram(String token, Clock clock) {
        this.token = token;
        this.clock = clock;
        String prefix = token.contains(":") ? token.substring(0, token.indexOf(':')) : "";
        long botId = prefix.matches("\\d{1,15}") ? Long.parseLong(prefix) : 1_000_000L;
        this.bot = new FakeUser(botId, "CycleBreaker Sandbox", "cyclebreaker_sandbox_bot", null);
        this.flood = new FloodControl(clock, FloodSettings.off());
        this.methods = new BotApiMethods(this);
    }

    public String token() {
        return token;
    }

    public FakeUser bot() {
        return bot;
    }

    // ---- configuration ----------------------------------------------------------------------

    public void flood(FloodSettings settings) {
        locked(() -> flood = new FloodControl(clock, settings));
    }

    /** The next {@code times} calls naming this chat answer with the error instead of acting. */
    public void failNext(long chatId, ScriptedError error, int times) {
        locked(() -> {
            Deque<ScriptedError> queue = scripted.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(error);
            }
        });
    }

    public void failNext(long chatId, ScriptedError error) {
        failNext(chatId, error, 1);
    }

    // ---- acting as users --------------------------------------------------------------------

    public FakeUser createUser(long id, String firstName, String languageCode) {
        return createUser(FakeUser.of(id, firstName, languageCode));
    }

    public FakeUser createUser(FakeUser user) {
        return locked(() -> {
            users.put(user.id(), user);
            ObjectNode chat = json.createObjectNode().put("id", user.id()).put("type", "private")
                    .put("first_name", user.firstName());
            if (user.username() != null) {
                chat.put("username", user.username());
            }
            chats.computeIfAbsent(user.id(), id -> new Chat(id, chat));
            return user;
        });
    }

    /** The user writes in the private chat; a leading /command gets its bot_command entity, as in Telegram. */
    public ChatMessage sendText(long userId, String text) {
        return locked(() -> {
            StoredMessage m = userMessage(userId, chats.get(userId), "text");
            setUserText(m, text);
            enqueue("message", m.toJson(json));
            return m.snapshot();
        });
    }

    public ChatMessage sendSticker(long userId) {
        return locked(() -> {
            StoredMessage m = userMessage(userId, chats.get(userId), "sticker");
            String fileId = newFileId("CAACAgI");
            m.media = json.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                    .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                    .put("is_video", false).put("emoji", "\uD83D\uDC4D");
            enqueue("message", m.toJson(json));
            return m.snapshot();
        });
    }

    public ChatMessage sendPhoto(long userId, String caption) {
        return locked(() -> {
            StoredMessage m = userMessage(userId, chats.get(userId), "photo");
            m.media = photoSizes(newFileId("AgACAgI"), 2048);
            m.text = caption;
            enqueue("message", m.toJson(json));
            return m.snapshot();
        });
    }

    public ChatMessage sendPhoto(long userId) {
        return sendPhoto(userId, null);
    }

    /** The user edits one of their own messages: the chat shows the new text, the bot gets edited_message. */
    public ChatMessage editText(long userId, int messageId, String text) {
        return locked(() -> {
            StoredMessage m = existing(userId, messageId);
            if (m.fromBot) {
                throw new IllegalArgumentException("message " + messageId + " was sent by the bot, not the user");
            }
            m.text = text;
            m.editCount++;
            m.editDate = clock.instant();
            enqueue("edited_message", m.toJson(json));
            return m.snapshot();
        });
    }

    /**
     * The user presses an inline button that the message shows now.
     *
     * @return the callback query id, as answerCallbackQuery will name it
     */
    public String pressButton(long userId, int messageId, String callbackData) {
        return pressButton(userId, userId, messageId, callbackData);
    }

    /** The user presses an inline button on a message in any chat they are in, a group too. */
    public String pressButton(long userId, long chatId, int messageId, String callbackData) {
        return locked(() -> {
            StoredMessage m = existing(chatId, messageId);
            if (m.snapshot().buttons().stream().noneMatch(b -> b.isCallback(callbackData))) {
                throw new IllegalArgumentException("message " + messageId + " in chat " + chatId
                        + " shows no button with callback_data " + callbackData + "; it shows "
                        + m.snapshot().buttons());
            }
            String id = newQueryId(userId);
            ObjectNode query = json.createObjectNode().put("id", id);
            query.set("from", userJson(user(userId)));
            query.set("message", m.toJson(json));
            query.put("chat_instance", "ci" + chatId).put("data", callbackData);
            enqueue("callback_query", query);
            return id;
        });
    }

    /** @return the inline query id, as answerInlineQuery will name it */
    public String sendInlineQuery(long userId, String query) {
        return locked(() -> {
            String id = newQueryId(userId);
            ObjectNode q = json.createObjectNode().put("id", id);
            q.set("from", userJson(user(userId)));
            q.put("query", query).put("offset", "");
            enqueue("inline_query", q);
            return id;
        });
    }

    /** A group with the bot in it, before anyone writes there (chat ids of groups are negative). */
    public void createGroup(long groupId, String title) {
        if (groupId >= 0) {
            throw new IllegalArgumentException("a group id must be negative, got " + groupId);
        }
        locked(() -> {
            chats.computeIfAbsent(groupId, id -> new Chat(id,
                    json.createObjectNode().put("id", id).put("type", "group").put("title", title)));
        });
    }

    /** A user writes in a group the bot is in (chat ids of groups are negative). */
    public ChatMessage groupMessage(long groupId, long userId, String text) {
        return locked(() -> {
            Chat chat = chats.computeIfAbsent(groupId, id -> new Chat(id,
                    json.createObjectNode().put("id", id).put("type", "group").put("title", "Group " + -id)));
            StoredMessage m = userMessage(userId, chat, "text");
            setUserText(m, text);
            enqueue("message", m.toJson(json));
            return m.snapshot();
        });
    }

    /**
     * Someone removes the bot from a group ({@code kicked}: banned) or it leaves: Telegram's {@code my_chat_member}
     * update about the bot, from the user who did it.
     */
    public void botRemovedFromGroup(long groupId, long byUserId, boolean kicked) {
        locked(() -> {
            Chat chat = chats.get(groupId);
            if (chat == null) {
                throw new IllegalArgumentException("no group " + groupId + "; createGroup first");
            }
            ObjectNode update = json.createObjectNode();
            update.set("chat", chat.json.deepCopy());
            update.set("from", userJson(user(byUserId)));
            update.put("date", clock.instant().getEpochSecond());
            update.putObject("old_chat_member").put("status", "member").set("user", userJson(bot));
            ObjectNode now = update.putObject("new_chat_member").put("status", kicked ? "kicked" : "left");
            now.set("user", userJson(bot));
            if (kicked) {
                now.put("until_date", 0);
            }
            enqueue("my_chat_member", update);
        });
    }

    /** A post in a channel the bot administers. */
    public ChatMessage channelPost(long channelId, String text) {
        return locked(() -> {
            Chat chat = chats.computeIfAbsent(channelId, id -> new Chat(id,
                    json.createObjectNode().put("id", id).put("type", "channel").put("title", "Channel " + -id)));
            StoredMessage m = new StoredMessage(chat.id, chat.nextMessageId++, chat.json, null, false,
                    clock.instant(), "text");
            m.text = text;
            chat.messages.put(m.messageId, m);
            enqueue("channel_post", m.toJson(json));
            return m.snapshot();
        });
    }

    /**
     * Any update, as JSON; keeps its update_id if it has one (for replays), else gets the next. A
     * callback query in it can be answered like one from {@link #pressButton}.
     */
    public long enqueueRaw(String updateJson) {
        try {
            JsonNode tree = json.readTree(updateJson);
            if (!(tree instanceof ObjectNode update)) {
                throw new IllegalArgumentException("an update must be a JSON object: " + updateJson);
            }
            return locked(() -> {
                JsonNode query = update.path("callback_query");
                if (query.hasNonNull("id")) {
                    // Telegram expects an answer to every query it delivers, forged data or not.
                    openQueries.put(query.get("id").asText(), query.path("from").path("id").asLong());
                }
                long id = updates.add(update);
                touch();
                return id;
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + updateJson, e);
        }
    }

    /**
     * Webhook mode: takes every queued update off the queue, oldest first, as the JSON Telegram
     * would post to the webhook; the test posts them (getUpdates answers 409 meanwhile).
     */
    public List<String> takeUpdatesForWebhook() {
        return take(u -> true);
    }

    /** As {@link #takeUpdatesForWebhook()}, only the updates from one user (their messages, edits, presses). */
    public List<String> takeUpdatesForWebhook(long userId) {
        return take(u -> {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
                if (it.next().getValue().path("from").path("id").asLong(0) == userId) {
                    return true;
                }
            }
            return false;
        });
    }

    private List<String> take(Predicate<ObjectNode> matching) {
        List<String> bodies = new ArrayList<>();
        for (ObjectNode u : updates.drain(matching)) {
            bodies.add(u.toString());
        }
        touch();
        return bodies;
    }

    /** The URL set with setWebhook, or "" when none is set. */
    public String webhookUrl() {
        return webhookUrlLocked();
    }

    /** Delivers an earlier update again, even if the bot has confirmed it: a replay after a crash. */
    /** The update_id of the update enqueued last (a press, a message...), for {@link #redeliver}. */
    public long lastUpdateId() {
        return updates.lastId();
    }

    public void redeliver(long updateId) {
        updates.redeliver(updateId);
        touch();
    }

    // ---- reading state ----------------------------------------------------------------------

    public List<FakeUser> users() {
        return locked(() -> List.copyOf(users.values()));
    }

    public List<Long> chatIds() {
        return locked(() -> List.copyOf(chats.keySet()));
    }

    /** The chat as it reads now, oldest first; deleted messages are gone, edited ones show their last text. */
    public List<ChatMessage> messages(long chatId) {
        return locked(() -> {
            Chat chat = chats.get(chatId);
            return chat == null ? List.of() : chat.messages.values().stream().map(StoredMessage::snapshot).toList();
        });
    }

    public List<ChatMessage> botMessages(long chatId) {
        return messages(chatId).stream().filter(ChatMessage::fromBot).toList();
    }

    public Optional<ChatMessage> message(long chatId, int messageId) {
        return locked(() -> Optional.ofNullable(chats.get(chatId)).map(c -> c.messages.get(messageId))
                .map(StoredMessage::snapshot));
    }

    public Optional<ChatMessage> latestWithKeyboard(long chatId) {
        return messages(chatId).stream().filter(ChatMessage::hasKeyboard)
                .max(Comparator.comparingInt(ChatMessage::messageId));
    }

    /** Every call but getUpdates (which would drown the rest), in the order they were answered. */
    public List<RecordedCall> calls() {
        return locked(() -> List.copyOf(calls));
    }

    public List<RecordedCall> calls(String method) {
        return calls().stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    public List<CallbackAnswer> callbackAnswers() {
        return locked(() -> List.copyOf(answers));
    }

    public List<Violation> violations() {
        return locked(() -> List.copyOf(violations));
    }

    public List<JsonNode> inlineAnswers() {
        return locked(() -> List.copyOf(inlineAnswers));
    }

    /** Commands set for the default scope and this language ("" for all languages), command to description. */
    public Map<String, String> commands(String languageCode) {
        return locked(() -> {
            Map<String, String> result = new LinkedHashMap<>();
            commands.getOrDefault(commandsKey("default", languageCode), json.createArrayNode())
                    .forEach(c -> result.put(c.path("command").asText(), c.path("description").asText()));
            return result;
        });
    }

    public Optional<byte[]> file(String fileId) {
        return locked(() -> Optional.ofNullable(files.get(fileId)).map(byte[]::clone));
    }

    public int tooManyRequestsCount() {
        return locked(() -> tooManyRequests);
    }

    /** Long polls waiting right now: non-zero means a bot is connected and idle. */
    public int waitingPolls() {
        return updates.waiting();
    }

    public int pendingUpdates() {
        return updates.pending();
    }

    /** Grows with every change; a web page can wait for the next one with {@link #awaitChange}. */
    public long version() {
        return locked(() -> version);
    }

    // ---- waiting, with a deadline and no sleeps -----------------------------------------------

    public void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("not within " + timeout + ": " + what + "; last calls: "
                            + calls.subList(Math.max(0, calls.size() - 10), calls.size()));
                }
                // woken by every change here; the cap re-checks conditions on state kept elsewhere
                changed.awaitNanos(Math.min(remaining, RECHECK_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until some call matches; returns all that do. */
    public List<RecordedCall> awaitCalls(Predicate<RecordedCall> matching, Duration timeout) {
        return awaitCalls(matching, 1, timeout);
    }

    public List<RecordedCall> awaitCalls(Predicate<RecordedCall> matching, int atLeast, Duration timeout) {
        await(atLeast + " matching call(s)", () -> calls.stream().filter(matching).count() >= atLeast, timeout);
        return calls().stream().filter(matching).toList();
    }

    /** Waits until the chat shows a message that matches; returns the latest such. */
    public ChatMessage awaitMessage(long chatId, Predicate<ChatMessage> matching, Duration timeout) {
        await("a matching message in chat " + chatId, () -> messages(chatId).stream().anyMatch(matching), timeout);
        return messages(chatId).stream().filter(matching).reduce((a, b) -> b).orElseThrow();
    }

    /** Returns the version once it exceeds {@code seen}, or the current one after the timeout. */
    public long awaitChange(long seen, Duration timeout) {
        try {
            await("a change", () -> version > seen, timeout);
        } catch (AssertionError timedOut) {
            // a quiet period is a normal answer to a watcher
        }
        return version();
    }

    // ---- for the HTTP side --------------------------------------------------------------------

    /** Answers one Bot API call; {@code method} in any letter case. */
    ApiResult call(String method, ObjectNode params, Map<String, Upload> uploads) {
        String canonical = BotApiMethods.canonical(method);
        if ("getUpdates".equals(canonical)) {
            return methods.getUpdates(params);
        }
        lock.lock();
        try {
            ApiResult result = canonical == null ? ApiResult.error(404, "Not Found")
                    : methods.invoke(canonical, params, uploads);
            if (result.status() == 429) {
                tooManyRequests++;
            }
            calls.add(new RecordedCall(canonical == null ? method : canonical, params, clock.instant(),
                    result.status(), result.description()));
            touch();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Taken apart from the long poll, which must not hold this lock while it waits. */
    String webhookUrlLocked() {
        return locked(() -> webhookUrl);
    }

    static long chatIdOf(JsonNode params) {
        JsonNode id = params.path("chat_id");
        if (id.isIntegralNumber()) {
            return id.asLong();
        }
        try {
            return Long.parseLong(id.asText(""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    ObjectNode userJson(FakeUser user) {
        ObjectNode u = json.createObjectNode().put("id", user.id()).put("is_bot", user == bot)
                .put("first_name", user.firstName());
        if (user.username() != null) {
            u.put("username", user.username());
        }
        if (user.languageCode() != null) {
            u.put("language_code", user.languageCode());
        }
        return u;
    }

    ArrayNode photoSizes(String fileId, int bytes) {
        ArrayNode sizes = json.createArrayNode();
        sizes.addObject().put("file_id", fileId + "-s").put("file_unique_id", "u" + fileId + "-s")
                .put("width", 90).put("height", 67).put("file_size", Math.min(bytes, 1200));
        sizes.addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("width", 1280).put("height", 960).put("file_size", bytes);
        return sizes;
    }

    String newFileId(String prefix) {
        return prefix + "-fake-" + nextFileId++;
    }

    static String commandsKey(String scope, String languageCode) {
        return scope + "|" + (languageCode == null ? "" : languageCode);
    }

    // ---- internals ----------------------------------------------------------------------------

    private StoredMessage userMessage(long userId, Chat chat, String kind) {
        FakeUser user = user(userId);
        if (chat == null) {
            throw new IllegalArgumentException("no chat for user " + userId);
        }
        StoredMessage m = new StoredMessage(chat.id, chat.nextMessageId++, chat.json, userJson(user), false,
                clock.instant(), kind);
        chat.messages.put(m.messageId, m);
        return m;
    }

    private static void setUserText(StoredMessage m, String text) {
        m.text = text;
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            m.entities = List.of(TextEntity.of("bot_command", 0, end < 0 ? text.length() : end));
        }
    }

    private StoredMessage existing(long chatId, int messageId) {
        Chat chat = chats.get(chatId);
        StoredMessage m = chat == null ? null : chat.messages.get(messageId);
        if (m == null) {
            throw new IllegalArgumentException("chat " + chatId + " has no message " + messageId);
        }
        return m;
    }

    private FakeUser user(long userId) {
        FakeUser user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId + "; createUser first");
        }
        return user;
    }

    private String newQueryId(long userId) {
        String id = Long.toString(bot.id() * 1000 + nextQueryId++);
        openQueries.put(id, userId);
        return id;
    }

    private void enqueue(String type, ObjectNode payload) {
        ObjectNode update = json.createObjectNode();
        update.set(type, payload);
        updates.add(update);
        touch();
    }

    private void touch() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
