package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Bot API methods the fake serves, each answering as Telegram does. Everything but getUpdates
 * runs under the {@link FakeTelegram} lock, which the caller holds.
 */
final class BotApiMethods {
    private static final Map<String, String> CANONICAL = Stream.of("getMe", "getUpdates", "setWebhook",
            "deleteWebhook", "getWebhookInfo", "setMyCommands", "getMyCommands", "deleteMyCommands", "sendMessage",
            "editMessageText", "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery", "sendPhoto",
            "answerInlineQuery", "sendChatAction")
            .collect(Collectors.collectingAndThen(
                    Collectors.toMap(m -> m.toLowerCase(Locale.ROOT), Function.identity()), Map::copyOf));
    /** Methods that Telegram's flood limits count. */
    private static final Set<String> SENDING = Set.of("sendMessage", "sendPhoto", "editMessageText",
            "editMessageReplyMarkup");
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply"
            + " markup are exactly the same as a current content and reply markup of the message";
    private static final String QUERY_TOO_OLD =
            "query is too old and response timeout expired or query ID is invalid";

    private final FakeTelegram tg;

    BotApiMethods(FakeTelegram tg) {
        this.tg = tg;
    }

    /** The method's proper name, or null when the fake does not serve it. */
    static String canonical(String method) {
        return CANONICAL.get(method.toLowerCase(Locale.ROOT));
    }

    ApiResult getUpdates(ObjectNode params) {
        String webhook = tg.webhookUrlLocked();
        if (!webhook.isEmpty()) {
            return ApiResult.error(409, "Conflict: can't use getUpdates method while webhook is active;"
                    + " use deleteWebhook to delete the webhook first");
        }
        long offset = longParam(params, "offset", 0);
        int limit = (int) Math.max(1, Math.min(100, longParam(params, "limit", 100)));
        long timeout = Math.max(0, longParam(params, "timeout", 0));
        Set<String> allowed = new HashSet<>();
        params.path("allowed_updates").forEach(t -> allowed.add(t.asText()));
        try {
            ArrayNode result = tg.json.createArrayNode();
            tg.updates.poll(offset, limit, Duration.ofSeconds(timeout), allowed).forEach(result::add);
            return ApiResult.ok(result);
        } catch (UpdateQueue.ConflictException e) {
            return ApiResult.error(409, e.getMessage());
        }
    }

    ApiResult invoke(String method, ObjectNode params, Map<String, Upload> uploads) {
        List<Violation> found = BotApiLimits.check(method, params);
        tg.violations.addAll(found);
        long chatId = FakeTelegram.chatIdOf(params);
        Deque<ScriptedError> script = tg.scripted.get(chatId);
        if (script != null && !script.isEmpty()) {
            return ApiResult.of(script.poll());
        }
        if (SENDING.contains(method)) {
            int retryAfter = tg.flood.acquire(chatId == 0 ? null : chatId);
            if (retryAfter > 0) {
                return ApiResult.tooManyRequests(retryAfter);
            }
        }
        for (Violation v : found) {
            if (v.rejected()) {
                return ApiResult.badRequest(v.reason());
            }
        }
        return switch (method) {
            case "getMe" -> ApiResult.ok(tg.userJson(tg.bot()).put("can_join_groups", true)
                    .put("can_read_all_group_messages", false).put("supports_inline_queries", true));
            case "setWebhook" -> {
                tg.webhookUrl = params.path("url").asText("");
                yield ApiResult.ok(BooleanNode.TRUE);
            }
            case "deleteWebhook" -> {
                tg.webhookUrl = "";
                if (params.path("drop_pending_updates").asBoolean(false)) {
                    tg.updates.clear();
                }
                yield ApiResult.ok(BooleanNode.TRUE);
            }
            case "getWebhookInfo" -> ApiResult.ok(tg.json.createObjectNode().put("url", tg.webhookUrl)
                    .put("has_custom_certificate", false).put("pending_update_count", tg.updates.pending()));
            case "setMyCommands" -> {
                tg.commands.put(commandsKey(params), params.path("commands").deepCopy());
                yield ApiResult.ok(BooleanNode.TRUE);
            }
            case "getMyCommands" -> ApiResult.ok(tg.commands.getOrDefault(commandsKey(params),
                    tg.json.createArrayNode()));
            case "deleteMyCommands" -> {
                tg.commands.remove(commandsKey(params));
                yield ApiResult.ok(BooleanNode.TRUE);
            }
            case "sendMessage" -> send(params, "text", null);
            case "sendPhoto" -> sendPhoto(params, uploads);
            case "editMessageText" -> editText(params);
            case "editMessageReplyMarkup" -> editMarkup(params);
            case "deleteMessage" -> delete(params);
            case "answerCallbackQuery" -> answerCallback(params);
            case "answerInlineQuery" -> answerInline(params);
            case "sendChatAction" -> tg.chats.containsKey(chatId) ? ApiResult.ok(BooleanNode.TRUE)
                    : ApiResult.badRequest("chat not found");
            default -> ApiResult.error(404, "Not Found");
        };
    }

    private ApiResult send(ObjectNode params, String kind, JsonNode media) {
        FakeTelegram.Chat chat = tg.chats.get(FakeTelegram.chatIdOf(params));
        if (chat == null) {
            return ApiResult.badRequest("chat not found");
        }
        StoredMessage m = new StoredMessage(chat.id, chat.nextMessageId++, chat.json, tg.userJson(tg.bot()), true,
                tg.clock.instant(), kind);
        String field = kind.equals("text") ? "text" : "caption";
        if (params.hasNonNull(field)) {
            m.setText(params.get(field).asText(), parseMode(params), parsed(params, field));
        }
        m.media = media;
        m.replyMarkup = inlineMarkup(params);
        chat.messages.put(m.messageId, m);
        return ApiResult.ok(m.toJson(tg.json));
    }

    private ApiResult sendPhoto(ObjectNode params, Map<String, Upload> uploads) {
        JsonNode photo = params.path("photo");
        String given = photo.isTextual() ? photo.asText() : "";
        Upload upload = uploads.get(given.startsWith("attach://") ? given.substring("attach://".length()) : "photo");
        String fileId;
        int size;
        if (upload != null) {
            fileId = tg.newFileId("AgACAgI");
            tg.files.put(fileId, upload.bytes());
            size = upload.bytes().length;
        } else if (!given.isEmpty()) {
            fileId = given;
            size = tg.files.containsKey(given) ? tg.files.get(given).length : 0;
        } else {
            return ApiResult.badRequest("there is no photo in the request");
        }
        return send(params, "photo", tg.photoSizes(fileId, size));
    }

    private ApiResult editText(ObjectNode params) {
        StoredMessage m = target(params);
        if (m == null) {
            return ApiResult.badRequest("message to edit not found");
        }
        if (!m.fromBot) {
            return ApiResult.badRequest("message can't be edited");
        }
        if (!m.kind.equals("text")) {
            return ApiResult.badRequest("there is no text in the message to edit");
        }
        ParsedText parsed = parsed(params, "text");
        JsonNode markup = inlineMarkup(params);
        if (parsed.text().equals(m.text) && parsed.entities().equals(m.entities)
                && Objects.equals(markup, m.replyMarkup)) {
            return ApiResult.badRequest(NOT_MODIFIED);
        }
        m.setText(params.path("text").asText(), parseMode(params), parsed);
        m.replyMarkup = markup;
        return edited(m);
    }

    private ApiResult editMarkup(ObjectNode params) {
        StoredMessage m = target(params);
        if (m == null) {
            return ApiResult.badRequest("message to edit not found");
        }
        JsonNode markup = inlineMarkup(params);
        if (Objects.equals(markup, m.replyMarkup)) {
            return ApiResult.badRequest(NOT_MODIFIED);
        }
        m.replyMarkup = markup;
        return edited(m);
    }

    private ApiResult edited(StoredMessage m) {
        m.editCount++;
        m.editDate = tg.clock.instant();
        return ApiResult.ok(m.toJson(tg.json));
    }

    private ApiResult delete(ObjectNode params) {
        StoredMessage m = target(params);
        if (m == null) {
            return ApiResult.badRequest("message to delete not found");
        }
        tg.chats.get(m.chatId).messages.remove(m.messageId);
        return ApiResult.ok(BooleanNode.TRUE);
    }

    private ApiResult answerCallback(ObjectNode params) {
        String id = params.path("callback_query_id").asText("");
        Long userId = tg.openQueries.remove(id);
        if (userId == null) {
            return ApiResult.badRequest(QUERY_TOO_OLD);
        }
        tg.answers.add(new CallbackAnswer(id, userId, params.path("text").asText(null),
                params.path("show_alert").asBoolean(false), params.path("url").asText(null), tg.clock.instant()));
        return ApiResult.ok(BooleanNode.TRUE);
    }

    private ApiResult answerInline(ObjectNode params) {
        if (tg.openQueries.remove(params.path("inline_query_id").asText("")) == null) {
            return ApiResult.badRequest(QUERY_TOO_OLD);
        }
        tg.inlineAnswers.add(params.deepCopy());
        return ApiResult.ok(BooleanNode.TRUE);
    }

    private StoredMessage target(ObjectNode params) {
        FakeTelegram.Chat chat = tg.chats.get(FakeTelegram.chatIdOf(params));
        return chat == null ? null : chat.messages.get((int) longParam(params, "message_id", 0));
    }

    /** Only inline keyboards stay on a message; an empty one is no keyboard, as in Telegram. */
    private static JsonNode inlineMarkup(ObjectNode params) {
        JsonNode keyboard = params.path("reply_markup").path("inline_keyboard");
        return keyboard.isArray() && keyboard.size() > 0 ? params.get("reply_markup").deepCopy() : null;
    }

    private static ParsedText parsed(ObjectNode params, String field) {
        try {
            return BotApiLimits.parse(params.path(field).asText(""), parseMode(params));
        } catch (HtmlParseException e) {
            throw new IllegalStateException("the limits check lets no unparsable text through", e);
        }
    }

    private static String parseMode(ObjectNode params) {
        return params.path("parse_mode").asText(null);
    }

    private static String commandsKey(ObjectNode params) {
        return FakeTelegram.commandsKey(params.path("scope").path("type").asText("default"),
                params.path("language_code").asText(""));
    }

    private static long longParam(JsonNode params, String name, long fallback) {
        JsonNode value = params.path(name);
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return value.isTextual() ? Long.parseLong(value.asText().trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
