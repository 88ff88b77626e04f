package dev.cyclebreaker.sandbox;

import static dev.cyclebreaker.sandbox.FakeBotApiFixture.ANN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class LongPollingIT {
    private FakeBotApiFixture fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeBotApiFixture();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anUpdateIsDeliveredAgainUntilALaterCallConfirmsIt() throws TelegramApiException {
        fake.telegram.sendText(ANN, "one");
        fake.telegram.sendText(ANN, "two");

        List<Update> first = poll(0, 0);
        List<Update> again = poll(0, 0);
        List<Update> afterConfirmingOne = poll(first.get(0).getUpdateId() + 1, 0);
        List<Update> afterConfirmingBoth = poll(first.get(1).getUpdateId() + 1, 0);
        List<Update> stillGone = poll(0, 0);

        assertThat(first).extracting(u -> u.getMessage().getText()).containsExactly("one", "two");
        assertThat(again).extracting(Update::getUpdateId).isEqualTo(ids(first));
        assertThat(afterConfirmingOne).extracting(u -> u.getMessage().getText()).containsExactly("two");
        assertThat(afterConfirmingBoth).isEmpty();
        assertThat(stillGone).isEmpty();
    }

    @Test
    void updateIdsIncreaseAndLimitCapsTheBatch() throws TelegramApiException {
        for (int i = 0; i < 5; i++) {
            fake.telegram.sendText(ANN, "m" + i);
        }

        List<Update> batch = fake.bot.execute(GetUpdates.builder().offset(0).limit(3).timeout(0).build());

        assertThat(batch).hasSize(3);
        assertThat(ids(batch)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aLongPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        CompletableFuture<ArrayList<Update>> waiting = fake.bot.executeAsync(
                GetUpdates.builder().offset(0).timeout(8).build());
        fake.telegram.await("the poll to wait", () -> fake.telegram.waitingPolls() == 1, Duration.ofSeconds(5));
        long start = System.nanoTime();

        fake.telegram.sendText(ANN, "hello");
        List<Update> updates = waiting.get(5, TimeUnit.SECONDS);

        assertThat(updates).extracting(u -> u.getMessage().getText()).containsExactly("hello");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aLongPollWithNothingToDeliverReturnsEmptyAfterItsTimeout() throws TelegramApiException {
        long start = System.nanoTime();

        List<Update> updates = poll(0, 1);

        assertThat(updates).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void aSecondPollerEndsTheFirstWithConflict() throws Exception {
        CompletableFuture<ArrayList<Update>> first = fake.bot.executeAsync(GetUpdates.builder().offset(0).timeout(8).build());
        fake.telegram.await("the first poll to wait", () -> fake.telegram.waitingPolls() == 1, Duration.ofSeconds(5));

        fake.bot.executeAsync(GetUpdates.builder().offset(0).timeout(1).build());

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Conflict: terminated by other getUpdates request");
    }

    @Test
    void allowedUpdatesLeavesOtherKindsUndelivered() throws TelegramApiException {
        fake.telegram.sendText(ANN, "a message");
        fake.telegram.sendInlineQuery(ANN, "a query");

        List<Update> updates = fake.bot.execute(GetUpdates.builder().offset(0).timeout(0)
                .allowedUpdates(List.of("inline_query")).build());

        assertThat(updates).singleElement().satisfies(u -> assertThat(u.hasInlineQuery()).isTrue());
    }

    @Test
    void aRedeliveredUpdateComesBackWithItsIdEvenAfterConfirmation() throws TelegramApiException {
        fake.telegram.sendText(ANN, "once");
        Update original = poll(0, 0).get(0);
        assertThat(poll(original.getUpdateId() + 1, 0)).isEmpty();

        fake.telegram.redeliver(original.getUpdateId());
        List<Update> replayed = poll(original.getUpdateId() + 1, 0);
        List<Update> afterwards = poll(original.getUpdateId() + 1, 0);

        assertThat(replayed).extracting(Update::getUpdateId).containsExactly(original.getUpdateId());
        assertThat(afterwards).isEmpty();
    }

    @Test
    void everyKindOfUserUpdateParsesWithTheRealClient() throws TelegramApiException {
        fake.telegram.sendText(ANN, "/start ref42");
        fake.telegram.sendSticker(ANN);
        fake.telegram.sendPhoto(ANN, "look");
        fake.telegram.editText(ANN, 1, "/start edited");
        fake.telegram.groupMessage(-100, ANN, "in a group");
        fake.telegram.channelPost(-1001234, "in a channel");
        fake.telegram.sendInlineQuery(ANN, "find");
        fake.telegram.enqueueRaw("{\"message_reaction\":{\"chat\":{\"id\":42,\"type\":\"private\"},"
                + "\"message_id\":1,\"date\":0,\"old_reaction\":[],\"new_reaction\":[]}}");

        List<Update> updates = poll(0, 0);

        assertThat(updates).hasSize(8);
        assertThat(updates.get(0).getMessage().getEntities()).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("bot_command"))
                .satisfies(e -> assertThat(e.getLength()).isEqualTo("/start".length()));
        assertThat(updates.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("en");
        assertThat(updates.get(1).getMessage().getSticker().getEmoji()).isEqualTo("\uD83D\uDC4D");
        assertThat(updates.get(2).getMessage().getPhoto()).isNotEmpty();
        assertThat(updates.get(2).getMessage().getCaption()).isEqualTo("look");
        assertThat(updates.get(3).getEditedMessage().getText()).isEqualTo("/start edited");
        assertThat(updates.get(4).getMessage().getChat().getType()).isEqualTo("group");
        assertThat(updates.get(5).getChannelPost().getText()).isEqualTo("in a channel");
        assertThat(updates.get(6).getInlineQuery().getQuery()).isEqualTo("find");
        assertThat(updates.get(7).getMessageReaction()).isNotNull();
        assertThat(fake.telegram.messages(ANN)).extracting(ChatMessage::text)
                .containsExactly("/start edited", null, "look");
    }

    private List<Update> poll(long offset, int timeout) throws TelegramApiException {
        return fake.bot.execute(GetUpdates.builder().offset((int) offset).timeout(timeout).build());
    }

    private static List<Integer> ids(List<Update> updates) {
        return updates.stream().map(Update::getUpdateId).toList();
    }
}
