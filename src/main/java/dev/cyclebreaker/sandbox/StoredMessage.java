package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message as the fake keeps it; mutable (edits apply in place), guarded by the fake's lock. */
final class StoredMessage {
    final long chatId;
    final int messageId;
    final ObjectNode chat;
    final ObjectNode from;
    final boolean fromBot;
    final Instant date;
    final String kind;
    String text;
    String html;
    List<TextEntity> entities;
    JsonNode replyMarkup;
    int editCount;
    Instant editDate;
    JsonNode media;

    StoredMessage(long chatId, int messageId, ObjectNode chat, ObjectNode from, boolean fromBot, Instant date,
            String kind) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.chat = chat;
        this.from = from;
        this.fromBot = fromBot;
        this.date = date;
        this.kind = kind;
        this.entities = List.of();
    }

    void setText(String raw, String parseMode, ParsedText parsed) {
        this.text = parsed.text();
        this.html = parseMode != null && parseMode.equalsIgnoreCase("HTML") ? raw : null;
        this.entities = parsed.entities();
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", messageId);
        if (from != null) {
            m.set("from", from);
        }
        if ("channel".equals(chat.path("type").asText())) {
            m.set("sender_chat", chat);
        }
        m.put("date", date.getEpochSecond());
        m.set("chat", chat);
        if (editDate != null) {
            m.put("edit_date", editDate.getEpochSecond());
        }
        boolean captioned = !kind.equals("text");
        if (media != null) {
            m.set(kind, media);
        }
        if (text != null) {
            m.put(captioned ? "caption" : "text", text);
        }
        if (!entities.isEmpty()) {
            m.set(captioned ? "caption_entities" : "entities", entitiesJson(json, entities));
        }
        if (replyMarkup != null) {
            m.set("reply_markup", replyMarkup);
        }
        return m;
    }

    static ArrayNode entitiesJson(ObjectMapper json, List<TextEntity> entities) {
        ArrayNode array = json.createArrayNode();
        for (TextEntity e : entities) {
            ObjectNode o = array.addObject().put("type", e.type()).put("offset", e.offset()).put("length", e.length());
            if (e.url() != null) {
                o.put("url", e.url());
            }
            if (e.language() != null) {
                o.put("language", e.language());
            }
            if (e.customEmojiId() != null) {
                o.put("custom_emoji_id", e.customEmojiId());
            }
            if (e.unixTime() != null) {
                o.put("unix_time", e.unixTime());
            }
            if (e.dateTimeFormat() != null) {
                o.put("date_time_format", e.dateTimeFormat());
            }
        }
        return array;
    }

    ChatMessage snapshot() {
        String photoFileId = kind.equals("photo") && media != null && media.size() > 0
                ? media.get(media.size() - 1).path("file_id").asText() : null;
        return new ChatMessage(chatId, messageId, fromBot, from == null ? chatId : from.path("id").asLong(), date,
                kind, text, html, entities, keyboard(replyMarkup), editCount, photoFileId);
    }

    static List<List<InlineButton>> keyboard(JsonNode markup) {
        List<List<InlineButton>> rows = new ArrayList<>();
        if (markup == null) {
            return rows;
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                String action = BotApiLimits.BUTTON_ACTIONS.stream().filter(b::hasNonNull).findFirst().orElse("none");
                JsonNode value = b.path(action);
                String text = action.equals("copy_text") ? value.path("text").asText()
                        : value.isValueNode() ? value.asText() : value.toString();
                buttons.add(new InlineButton(b.path("text").asText(), action, text));
            }
            rows.add(buttons);
        }
        return rows;
    }
}
