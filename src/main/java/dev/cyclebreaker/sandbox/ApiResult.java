package dev.cyclebreaker.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Bot API answer: {@code {"ok":true,"result":...}} or the error envelope with its HTTP status. */
record ApiResult(int status, JsonNode result, String description, Integer retryAfter) {
    static ApiResult ok(JsonNode result) {
        return new ApiResult(200, result, null, null);
    }

    static ApiResult error(int status, String description) {
        return new ApiResult(status, null, description, null);
    }

    static ApiResult badRequest(String reason) {
        return error(400, "Bad Request: " + reason);
    }

    static ApiResult of(ScriptedError e) {
        return new ApiResult(e.errorCode(), null, e.description(), e.retryAfter());
    }

    static ApiResult tooManyRequests(int retryAfter) {
        return of(ScriptedError.tooManyRequests(retryAfter));
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        if (status == 200) {
            body.put("ok", true);
            body.set("result", result);
            return body;
        }
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return body;
    }
}
