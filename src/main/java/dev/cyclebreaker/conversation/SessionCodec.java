package dev.cyclebreaker.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.coaching.WallClock;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions as small JSON documents carrying a schema number {@code v}. Data of another schema, or
 * data we cannot read, decodes as a fresh session: the user restarts politely instead of the bot
 * crashing on a deploy that changed the shape.
 */
public final class SessionCodec {
    /**
     * Bump when the stored shape changes. 2 added coaching (zone, reminders, flow, practice); the optional
     * {@code fr} (a friend's pattern) and {@code grp} (a remembered group: {@code id}, {@code t} title) came later
     * without a bump, as builds before them simply ignore them (such a build loses the group question, nothing more).
     */
    static final int SCHEMA = 2;
    /** The oldest schema we still read: v1 is v2 without the coaching fields. */
    static final int OLDEST_READABLE = 1;

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
        coaching(s, root);
        if (s.friend() != null) {
            root.put("fr", s.friend().name());
        }
        if (s.group() != null) {
            ObjectNode g = root.putObject("grp");
            g.put("id", s.group().id());
            g.put("t", s.group().title());
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
            int v = root == null ? -1 : root.path("v").asInt(-1);
            if (v < OLDEST_READABLE || v > SCHEMA) {
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
            return readCoaching(root, new Session(lang, state, quiz, result));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            return Session.NEW;
        }
    }

    // Reminders as {"id","k","due" (epoch seconds),"x" (extensions, when not 0),"f" (when fired)}: compact,
    // because every step of every user writes the whole session.
    private static void coaching(Session s, ObjectNode root) {
        if (s.zone() != null) {
            root.put("tz", s.zone().getId());
        }
        if (!s.reminders().isEmpty()) {
            ArrayNode rs = root.putArray("rem");
            for (Session.Reminder r : s.reminders()) {
                ObjectNode n = rs.addObject();
                n.put("id", r.id());
                n.put("k", r.kind().name());
                n.put("due", r.due().getEpochSecond());
                if (r.extensions() != 0) {
                    n.put("x", r.extensions());
                }
                if (r.fired()) {
                    n.put("f", true);
                }
            }
        }
        if (s.flow() != null) {
            ObjectNode f = root.putObject("flow");
            f.put("k", s.flow().kind().name());
            if (s.flow().step() != 0) {
                f.put("n", s.flow().step());
            }
            if (s.flow().ref() != null) {
                f.put("ref", s.flow().ref());
            }
            WallClock w = s.flow().pending();
            if (w != null) {
                f.put("wt", w.time().toString());
                f.put("wd", w.dayOffset());
                f.put("wp", w.couldBePm());
            }
        }
        if (s.practice() != 0) {
            root.put("pr", s.practice());
        }
    }

    private static Session readCoaching(JsonNode root, Session base) {
        ZoneId zone = root.hasNonNull("tz") ? ZoneId.of(root.get("tz").asText()) : null;
        List<Session.Reminder> reminders = new ArrayList<>();
        for (JsonNode n : root.path("rem")) {
            reminders.add(new Session.Reminder(n.path("id").asText(), Session.Reminder.Kind.valueOf(n.path("k").asText()),
                    Instant.ofEpochSecond(n.path("due").asLong()), n.path("x").asInt(0), n.path("f").asBoolean(false)));
        }
        Session.Flow flow = null;
        JsonNode f = root.get("flow");
        if (f != null) {
            WallClock pending = f.hasNonNull("wt")
                    ? new WallClock(LocalTime.parse(f.get("wt").asText()), f.path("wd").asInt(), f.path("wp").asBoolean())
                    : null;
            flow = new Session.Flow(Session.Flow.Kind.valueOf(f.path("k").asText()), f.path("n").asInt(0),
                    f.hasNonNull("ref") ? f.get("ref").asText() : null, pending);
        }
        int practice = root.path("pr").asInt(0);
        // a step this build has no screen for (data from a build with more steps): start that exercise afresh
        if (practice < 0 || practice > CoachViews.PRACTICE_STEPS) {
            practice = 0;
        }
        if (flow != null && (flow.step() < 0 || flow.kind() == Session.Flow.Kind.CHECKIN
                && (flow.step() >= CoachViews.CHECKIN_CHOICES.length || flow.ref() == null))) {
            flow = null;
        }
        // a pattern this build does not know (data from a newer build): no comparison rather than no session
        Pattern friend = root.hasNonNull("fr") ? java.util.Arrays.stream(Pattern.values())
                .filter(p -> p.name().equals(root.get("fr").asText())).findFirst().orElse(null) : null;
        // a group that is not one (a positive id) is dropped, not the session
        JsonNode g = root.get("grp");
        Group group = g != null && g.path("id").asLong(0) < 0 ? new Group(g.get("id").asLong(), g.path("t").asText("")) : null;
        return new Session(base.lang(), base.state(), base.quiz(), base.result(), zone, reminders, flow, practice, friend,
                group);
    }
}
