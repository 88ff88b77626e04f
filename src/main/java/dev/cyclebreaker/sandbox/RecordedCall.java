package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One Bot API call the bot made, with its parameters as JSON (form and multipart fields included;
 * uploaded files as their size) and how the fake answered it.
 */
public record RecordedCall(String method, JsonNode params, Instant at, int status, String description) {
    public boolean ok() {
        return status == 200;
    }

    public long chatId() {
        return FakeTelegram.chatIdOf(params);
    }

    public String text() {
        return params.path("text").asText(null);
    }
}
