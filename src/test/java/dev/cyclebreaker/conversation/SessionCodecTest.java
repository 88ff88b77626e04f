package dev.cyclebreaker.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
    final SessionCodec codec = new SessionCodec();

    @Test
    void aSessionSurvivesARoundTrip() {
        Session s = new Session(Lang.ZH, Session.State.QUIZ, new Session.QuizRun("abcd1234", "k3", List.of(1, 5, 3)),
                new Session.Result("abcd1234", new Profile(62, 30, Pattern.PURSUER)));

        assertThat(codec.decode(codec.encode(s))).isEqualTo(s);
        assertThat(codec.decode(codec.encode(Session.NEW))).isEqualTo(Session.NEW);
    }

    @Test
    void dataOfAnotherSchemaOrGarbageStartsAFreshSession() {
        assertThat(codec.decode("{\"v\":99,\"st\":\"QUIZ\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode("{\"v\":1,\"st\":\"DANCING\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Session.NEW);
        assertThat(codec.decode(null)).isEqualTo(Session.NEW);
    }

    @Test
    void theStoredFormStaysSmallAndCarriesNoText() {
        Session s = Session.NEW.withQuiz(new Session.QuizRun("abcd1234", "k3", List.of(1, 2, 3, 4, 5, 1, 2, 3)));

        String json = new String(codec.encode(s), StandardCharsets.UTF_8);

        assertThat(json.length()).isLessThan(120);
        assertThat(json).contains("\"v\":2");
    }
}
