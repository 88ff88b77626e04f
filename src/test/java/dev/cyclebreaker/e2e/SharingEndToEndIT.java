package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.RecordedCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import dev.cyclebreaker.store.RedisTestServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sharing a result, end to end: the link, the friend's card, the comparison, and /forget. */
class SharingEndToEndIT {
    private static final Pattern LINK = Pattern.compile("https://t\\.me/([A-Za-z0-9_]+)\\?start=(r_[A-Za-z0-9_-]{22})");

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(redis);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aFriendOpensTheLinkSeesTheCardTakesTheTestAndSeesTheComparison() {
        long ann = bot.user("Ann", "en");
        ChatMessage profile = finishTest(ann, 5);
        String payload = shareNamed(ann, profile);

        long ben = bot.user("Ben", "en");
        ChatMessage card = bot.send(ben, "/start " + payload);
        assertThat(card.text()).contains("Ann").contains("Pursuit").contains("Distance").contains("▓");
        assertThat(card.buttons()).extracting(InlineButton::value).containsExactly("s");

        ChatMessage screen = bot.press(ben, card, "s");
        for (int i = 1; i <= bot.quizSize(); i++) {
            screen = bot.press(ben, screen, bot.answerData(screen, 1));
        }

        assertThat(screen.text()).contains("You:").contains("your friend:");
        ChatMessage bensProfile = bot.send(ben, "/profile");
        assertThat(bensProfile.text()).contains("your friend:");
        bot.pressExpectingAnyChange(ben, screen, "pc");
        bot.pressExpectingAnyChange(ben, bensProfile, "pc");
        bot.telegram().await("the card, asked for twice", () -> bot.telegram().calls("sendPhoto").stream()
                .filter(c -> c.params().path("chat_id").asLong() == ben).count() == 2, TestBot.WAIT);
        List<RecordedCall> bensCards = bot.telegram().calls("sendPhoto").stream()
                .filter(c -> c.params().path("chat_id").asLong() == ben).toList();
        // the same card twice: uploaded once, then sent by the file_id Telegram gave it
        assertThat(bensCards.get(1).params().path("photo").asText()).startsWith("AgACAgI");
        bot.assertEveryButtonPressWasAnswered();
        bot.assertNoViolations();
    }

    @Test
    void aForgedOrUnknownLinkGetsAFriendlyNoteAndTheWelcome() {
        long cy = bot.user("Cy", "en");

        ChatMessage note = bot.send(cy, "/start r_AAAAAAAAAAAAAAAAAAAAAA");
        ChatMessage welcome = bot.awaitBotMessages(cy, 2);
        ChatMessage forged = bot.send(cy, "/start r_not-a-token");

        assertThat(note.text()).contains("not valid any more");
        assertThat(welcome.buttons()).extracting(InlineButton::value).containsExactly("s");
        assertThat(forged.text()).contains("not valid any more");
        bot.assertNoViolations();
    }

    @Test
    void forgetInvalidatesTheLinksAndLeavesNoKeyOfTheUser() {
        long dee = bot.user("Dee", "zh-hans");
        ChatMessage profile = finishTest(dee, 2);
        String payload = shareAnonymously(dee, profile);
        long eli = bot.user("Eli", "en");
        assertThat(bot.send(eli, "/start " + payload).text()).contains("A friend").doesNotContain("Dee");

        bot.press(dee, bot.send(dee, "/forget"), "f:y");
        bot.awaitNoKeysOf(dee);

        int before = bot.botTexts(eli).size();
        ChatMessage gone = bot.send(eli, "/start " + payload);
        assertThat(gone.text()).contains("no longer shared");
        bot.awaitBotMessages(eli, before + 2);
        assertThat(redis.connection().sync().keys("cb:{s:*")).noneMatch(k -> k.contains(payload.substring(2)));
        bot.assertNoViolations();
    }

    @Test
    void inlineQueriesAreAnsweredWithTheResultOrAnInvitation() {
        long fox = bot.user("Fox", "en");
        long gil = bot.user("Gil", "en");
        finishTest(fox, 4);

        String withResult = bot.telegram().sendInlineQuery(fox, "anything 你好 " + "x".repeat(200));
        String without = bot.telegram().sendInlineQuery(gil, "");
        bot.telegram().await("two inline answers", () -> bot.telegram().inlineAnswers().size() >= 2, TestBot.WAIT);

        JsonNode foxAnswer = answerTo(withResult);
        JsonNode gilAnswer = answerTo(without);
        assertThat(foxAnswer.path("is_personal").asBoolean()).isTrue();
        assertThat(foxAnswer.path("cache_time").asInt()).isLessThanOrEqualTo(60);
        String link = foxAnswer.path("results").get(0).path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText();
        assertThat(link).matches("https://t\\.me/cyclebreaker_sandbox_bot\\?start=r_[A-Za-z0-9_-]{22}");
        assertThat(gilAnswer.path("results").get(0).path("title").asText()).contains("pursuer-distancer test");
        // typing on reuses the link instead of making one per keystroke
        String again = bot.telegram().sendInlineQuery(fox, "more");
        bot.telegram().await("a third inline answer", () -> bot.telegram().inlineAnswers().size() >= 3, TestBot.WAIT);
        assertThat(answerTo(again).path("results").get(0).path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("url").asText()).isEqualTo(link);
        ChatMessage card = bot.send(gil, "/start " + link.substring(link.indexOf("start=") + "start=".length()));
        assertThat(card.text()).contains("Fox");
        bot.assertNoViolations();
    }

    private JsonNode answerTo(String queryId) {
        return bot.telegram().inlineAnswers().stream().filter(a -> a.path("inline_query_id").asText().equals(queryId))
                .findFirst().orElseThrow();
    }

    private ChatMessage finishTest(long user, int choice) {
        ChatMessage screen = bot.finishTest(user, choice);
        assertThat(screen.buttons()).extracting(InlineButton::value).contains("sh");
        return screen;
    }

    private String shareNamed(long user, ChatMessage profile) {
        ChatMessage ask = bot.pressExpectingNew(user, profile, "sh");
        return linkIn(bot.pressExpectingNew(user, ask, "sh:n"));
    }

    private String shareAnonymously(long user, ChatMessage profile) {
        ChatMessage ask = bot.pressExpectingNew(user, profile, "sh");
        return linkIn(bot.pressExpectingNew(user, ask, "sh:a"));
    }

    private static String linkIn(ChatMessage m) {
        Matcher found = LINK.matcher(m.text());
        assertThat(found.find()).as("a result link in " + m.text()).isTrue();
        assertThat(found.group(1)).isEqualTo("cyclebreaker_sandbox_bot");
        assertThat(m.buttons()).anyMatch(b -> b.action().equals("copy_text") && b.value().equals(found.group()));
        // Telegram's own chat picker, then our inline mode in the chosen chat
        assertThat(m.buttons()).anyMatch(b -> b.action().equals("switch_inline_query") && b.value().isEmpty());
        return found.group(2);
    }
}
