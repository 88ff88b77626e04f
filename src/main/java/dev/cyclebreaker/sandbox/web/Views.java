package dev.cyclebreaker.sandbox.web;

import dev.cyclebreaker.sandbox.CallbackAnswer;
import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.FakeUser;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.TextEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the page reads, as plain records (Spring MVC writes them with its own Jackson). Text and
 * entities travel apart: the page builds DOM nodes from them and never parses HTML.
 */
final class Views {
    private Views() {
    }

    record State(long now, long skippedSeconds, long version, List<User> users, List<ChatSummary> chats) {
    }

    record User(long id, String name, String language) {
        static User of(FakeUser u) {
            return new User(u.id(), u.firstName(), u.languageCode());
        }
    }

    record ChatSummary(long id, String type, String title, List<Long> members) {
        static ChatSummary of(SandboxChats.Chat c) {
            return new ChatSummary(c.id(), c.type(), c.title(), c.members());
        }
    }

    record Chat(long id, String type, String title, long version, long now, List<Message> messages,
            List<Answer> answers) {
    }

    record Message(int id, boolean fromBot, long fromId, String fromName, long date, String kind, String text,
            List<Entity> entities, List<List<Button>> keyboard, int editCount, String photo) {
        static Message of(ChatMessage m, String fromName) {
            return new Message(m.messageId(), m.fromBot(), m.fromId(), fromName, m.date().toEpochMilli(), m.kind(),
                    m.text(), m.entities().stream().map(Entity::of).toList(),
                    m.keyboard().stream().map(row -> row.stream().map(Button::of).toList()).toList(), m.editCount(),
                    m.photoFileId() == null ? null
                            : "/sandbox/files/" + URLEncoder.encode(m.photoFileId(), StandardCharsets.UTF_8));
        }
    }

    /** Offsets and lengths in UTF-16 code units, as in Telegram and in JavaScript strings. */
    record Entity(String type, int offset, int length, String url, String language, Long unixTime) {
        static Entity of(TextEntity e) {
            return new Entity(e.type(), e.offset(), e.length(), e.url(), e.language(), e.unixTime());
        }
    }

    record Button(String text, String action, String value) {
        static Button of(InlineButton b) {
            return new Button(b.text(), b.action(), b.value());
        }
    }

    record Answer(String id, long userId, String text, boolean alert) {
        static Answer of(CallbackAnswer a) {
            return new Answer(a.callbackQueryId(), a.userId(), a.text(), a.showAlert());
        }
    }

    record Sent(int messageId) {
    }

    record Pressed(String callbackQueryId) {
    }

    record Clock(long now, long skippedSeconds) {
    }

    record Version(long version) {
    }

    record Error(int status, String error) {
    }
}
