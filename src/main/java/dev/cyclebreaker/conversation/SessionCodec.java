package dev.cyclebreaker.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions as small JSON documents carrying a schema number {@code v}. Data of another schema, or
 * data we cannot read, decodes as a fresh session: the user restarts politely instead of the bot
 * crashing on a deploy that changed the shape.
 */
public final class SessionCodec {
    /** Bump when the stored shape changes incompatibly. */
    static final int SCHEMA = 1;

    private final ObjectMapper json = new ObjectMapper();

    public byte[] encode(Session s) {
        ObjectNode root = json.createObjectNode();
        root.put("v", SCHEMA);
        if (s.lang() != null) {
            root.put("lang", s.lang().code());
        }
        root.put("st", s.state().name());
        if (s.quiz() != null) {
            ObjectNode q = root.putObject("quiz");
            q.put("ver", s.quiz().version());
            q.put("run", s.quiz().run());
            ArrayNode a = q.putArray("a");
            s.quiz().answers().forEach(a::add);
        }
        if (s.result() != null) {
            ObjectNode r = root.putObject("res");
            r.put("ver", s.result().quizVersion());
            r.put("p", s.result().profile().pursuit());
            r.put("d", s.result().profile().distance());
            r.put("pat", s.result().profile().pattern().name());
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a session", e);
        }
    }

    public Session decode(byte[] data) {
        if (data == null || data.length == 0) {
            return Session.NEW;
        }
        try {
            JsonNode root = json.readTree(data);
            if (root == null || root.path("v").asInt(-1) != SCHEMA) {
                return Session.NEW;
            }
            Lang lang = Lang.fromCode(root.path("lang").asText(null)).orElse(null);
            Session.QuizRun quiz = null;
            JsonNode q = root.get("quiz");
            if (q != null) {
                List<Integer> answers = new ArrayList<>();
                q.path("a").forEach(n -> answers.add(n.asInt()));
                quiz = new Session.QuizRun(q.path("ver").asText(), q.path("run").asText(), answers);
            }
            Session.Result result = null;
            JsonNode r = root.get("res");
            if (r != null) {
                result = new Session.Result(r.path("ver").asText(),
                        new Profile(r.path("p").asInt(), r.path("d").asInt(), Pattern.valueOf(r.path("pat").asText())));
            }
            Session.State state = Session.State.valueOf(root.path("st").asText());
            return new Session(lang, state, quiz, result);
        } catch (IOException | IllegalArgumentException e) {
            return Session.NEW;
        }
    }
}
