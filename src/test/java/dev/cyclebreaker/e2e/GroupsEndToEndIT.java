package dev.cyclebreaker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.sandbox.ChatMessage;
import dev.cyclebreaker.sandbox.InlineButton;
import dev.cyclebreaker.sandbox.RecordedCall;
import dev.cyclebreaker.sandbox.ScriptedError;
import dev.cyclebreaker.store.RedisTestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group chats end to end: the invite, the test in private, the question, the post, and groups that go away. */
class GroupsEndToEndIT {
    private static final String BOT = "cyclebreaker_sandbox_bot";
    private static final Pattern INVITE = Pattern.compile("https://t\\.me/" + BOT + "\\?start=(g_[A-Za-z0-9_-]{22})");
    private static final AtomicLong GROUPS = new AtomicLong(-1_009_000_000_000L - System.nanoTime() % 1000 * 1000);
    private static final String TITLE = "Tom & Jerry <3";

    @RegisterExtension
    static final RedisTestServer redis = RedisTestServer.any();

    TestBot bot;
    long group;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(redis);
        group = GROUPS.decrementAndGet();
        bot.telegram().createGroup(group, TITLE);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void quizInAGroupLeadsThroughThePrivateTestToOnePostOfTheCardInTheGroup() {
        long ann = bot.user("Ann", "en");

        String payload = inviteFrom(ann, "/quiz@" + BOT);
        ChatMessage joined = bot.send(ann, "/start " + payload);
        ChatMessage welcome = bot.awaitBotMessages(ann, 2);
        assertThat(joined.text()).contains(TITLE);
        ChatMessage screen = bot.press(ann, welcome, "s");
        for (int i = 1; i <= bot.quizSize(); i++) {
            screen = bot.press(ann, screen, bot.answerData(screen, 2));
        }
        ChatMessage ask = bot.awaitBotMessages(ann, 3);
        assertThat(ask.text()).isEqualTo("Share your result in " + TITLE + "?");
        assertThat(ask.buttons()).extracting(InlineButton::value)
                .containsExactly("g:n:" + group, "g:a:" + group, "g:x:" + group);
        assertThat(photosTo(group)).isEmpty(); // never unasked

        ChatMessage posted = bot.pressExpectingNew(ann, ask, "g:n:" + group);
        long yes = bot.telegram().lastUpdateId();

        assertThat(posted.text()).isEqualTo("✅ Posted in " + TITLE + ".");
        List<RecordedCall> photos = photosTo(group);
        assertThat(photos).hasSize(1);
        assertThat(photos.get(0).params().path("caption").asText()).contains("Ann").contains("/quiz@" + BOT);
        assertThat(bot.telegram().botMessages(group)).filteredOn(m -> "photo".equals(m.kind())).hasSize(1);

        bot.forgePress(ann, ask.messageId(), "g:n:" + group); // a double tap
        bot.telegram().redeliver(yes); // and a replay of the first press
        bot.forgePress(ann, ask.messageId(), "s"); // processed after both: ann's updates are in order
        bot.awaitCallbackAnswers(ann, bot.quizSize() + 4);
        bot.awaitEdits(ann, ask.messageId(), 2);
        assertThat(photosTo(group)).hasSize(1);
        assertThat(bot.botTexts(ann).stream().filter(m -> m.text().contains("Posted in"))).hasSize(1);
        assertThat(bot.session(ann)).doesNotContain("grp");
        bot.assertNoViolations();
    }

    @Test
    void aUserWithAResultIsAskedAtOnceAndNoThanksPostsNothing() {
        long bea = bot.user("Bea", "zh-hans");
        finishTest(bea);
        int before = bot.botTexts(bea).size();

        ChatMessage ask = bot.send(bea, "/start " + inviteFrom(bea, "/START@" + BOT.toUpperCase()));
        ChatMessage done = bot.press(bea, ask, "g:x:" + group);

        assertThat(bot.botTexts(bea)).hasSize(before + 1);
        assertThat(ask.text()).contains(TITLE);
        assertThat(done.text()).contains("结果只留给你自己");
        assertThat(photosTo(group)).isEmpty();
        bot.assertNoViolations();
    }

    @Test
    void helpInAGroupAnswersThreeLinesAndEverythingNotAddressedToUsIsIgnored() {
        long cy = bot.user("Cy", "en");
        bot.telegram().groupMessage(group, cy, "/quiz");
        bot.telegram().groupMessage(group, cy, "/quiz@OtherBot");
        bot.telegram().groupMessage(group, cy, "hello everyone");
        bot.telegram().enqueueRaw(groupUpdate(cy, ",'sender_chat':{'id':" + group + ",'type':'group','title':'G'}"));
        bot.telegram().enqueueRaw(groupUpdate(cy, ",'forward_origin':{'type':'hidden_user','date':1,'sender_user_name':'X'},"
                + "'forward_date':1"));
        bot.telegram().enqueueRaw(groupUpdate(cy, "").replace("\"is_bot\":false", "\"is_bot\":true"));
        bot.telegram().groupMessage(group, cy, "/help@" + BOT);

        ChatMessage help = bot.telegram().awaitMessage(group, m -> m.fromBot(), TestBot.WAIT);

        assertThat(help.text().split("\n")).hasSize(3);
        assertThat(help.text()).contains("/quiz@" + BOT);
        assertThat(help.hasKeyboard()).isFalse();
        assertThat(bot.telegram().botMessages(group)).hasSize(1);
        assertThat(bot.telegram().calls()).filteredOn(c -> c.params().path("chat_id").asLong() == cy).isEmpty();
        bot.assertNoViolations();
    }

    @Test
    void anExpiredOrForgedGroupLinkGetsAFriendlyNoteAndTheWelcome() {
        long dee = bot.user("Dee", "en");

        ChatMessage note = bot.send(dee, "/start g_AAAAAAAAAAAAAAAAAAAAAA");
        ChatMessage welcome = bot.awaitBotMessages(dee, 2);

        assertThat(note.text()).contains("not valid any more");
        assertThat(welcome.buttons()).extracting(InlineButton::value).containsExactly("s");
        assertThat(bot.session(dee)).isNull();
        bot.assertNoViolations();
    }

    @Test
    void afterTheBotWasRemovedAYesPostsNothingAndTheUserIsTold() {
        long eve = bot.user("Eve", "en");
        long fay = bot.user("Fay", "en");
        finishTest(eve);
        ChatMessage ask = bot.send(eve, "/start " + inviteFrom(eve, "/quiz@" + BOT));

        bot.telegram().botRemovedFromGroup(group, fay, true);
        bot.telegram().await("the group forgotten", () -> redis.connection().sync().exists("cb:{g:" + group + "}:group") == 0,
                TestBot.WAIT);
        ChatMessage told = bot.pressExpectingNew(eve, ask, "g:a:" + group);

        assertThat(told.text()).isEqualTo("😕 I couldn't post in " + TITLE + ": I may not be allowed to write there any more.");
        assertThat(photosTo(group)).isEmpty();
        assertThat(bot.session(fay)).isNull(); // the remover's session is not touched
        bot.assertNoViolations();
    }

    @Test
    void aGroupThatRefusesThePostIsTriedOnceForgottenAndTheUserIsTold() {
        long gus = bot.user("Gus", "en");
        finishTest(gus);
        ChatMessage ask = bot.send(gus, "/start " + inviteFrom(gus, "/quiz@" + BOT));
        bot.telegram().failNext(group, new ScriptedError(403, "Forbidden: bot was kicked from the group chat", null));

        ChatMessage told = bot.pressExpectingNew(gus, ask, "g:n:" + group);

        assertThat(told.text()).contains("couldn't post in " + TITLE);
        assertThat(photosTo(group)).hasSize(1);
        assertThat(photosTo(group).get(0).ok()).isFalse();
        assertThat(redis.connection().sync().exists("cb:{g:" + group + "}:group")).isZero();
        assertThat(bot.telegram().violations()).isEmpty();
        assertThat(bot.telegram().calls()).allMatch(c -> c.ok() || c.method().equals("sendPhoto"), "only the post refused");
    }

    /** Someone asks in the group; returns the deep link's payload from the bot's answer there. */
    private String inviteFrom(long user, String command) {
        int before = bot.telegram().botMessages(group).size();
        bot.telegram().groupMessage(group, user, command);
        bot.telegram().await("an answer in the group", () -> bot.telegram().botMessages(group).size() > before, TestBot.WAIT);
        ChatMessage invite = bot.telegram().botMessages(group).get(before);
        assertThat(invite.buttons()).hasSize(1);
        InlineButton button = invite.buttons().get(0);
        assertThat(button.action()).isEqualTo("url");
        Matcher m = INVITE.matcher(button.value());
        assertThat(m.matches()).as(button.value()).isTrue();
        return m.group(1);
    }

    private void finishTest(long user) {
        ChatMessage screen = bot.press(user, bot.send(user, "/start"), "s");
        for (int i = 1; i <= bot.quizSize(); i++) {
            screen = bot.press(user, screen, bot.answerData(screen, 4));
        }
    }

    private List<RecordedCall> photosTo(long chat) {
        return bot.telegram().calls("sendPhoto").stream().filter(c -> c.params().path("chat_id").asLong() == chat).toList();
    }

    private String groupUpdate(long user, String extra) {
        return ("{'message':{'message_id':900,'date':1,'chat':{'id':" + group + ",'type':'group','title':'G'},"
                + "'from':{'id':" + user + ",'is_bot':false,'first_name':'C'},'text':'/quiz@" + BOT + "',"
                + "'entities':[{'type':'bot_command','offset':0,'length':" + ("/quiz@" + BOT).length() + "}]" + extra + "}}")
                .replace('\'', '"');
    }
}
