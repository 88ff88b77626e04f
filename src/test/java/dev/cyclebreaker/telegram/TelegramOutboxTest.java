package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.conversation.TransientFailure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

class TelegramOutboxTest {
    private static final long ANN = 42;
    private static final long BOB = 43;

    private final TelegramClient client = mock(TelegramClient.class);
    private final ScriptedGate gate = new ScriptedGate();
    private final List<Long> blocked = new ArrayList<>();
    private final List<Duration> slept = new ArrayList<>();
    private final TelegramOutbox outbox = new TelegramOutbox(client, gate, blocked::add, slept::add);

    @Test
    void aMessageGoesOutAfterTheGateGrantsItsChatAToken() throws TelegramApiException {
        outbox.deliver(List.of(send(ANN)));

        assertThat(gate.asked).containsExactly(ANN);
        verify(client).execute(any(SendMessage.class));
        assertThat(slept).isEmpty();
    }

    @Test
    void theOutboxWaitsAsLongAsTheGateSaysThenAsksAgain() throws TelegramApiException {
        gate.answers.add(Duration.ofMillis(700));
        gate.answers.add(Duration.ofMillis(300));

        outbox.deliver(List.of(send(ANN)));

        assertThat(slept).containsExactly(Duration.ofMillis(700), Duration.ofMillis(300));
        assertThat(gate.asked).containsExactly(ANN, ANN, ANN);
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void aDeliveryThatWouldWaitMoreThanThirtySecondsIsLeftToALaterAttempt() throws TelegramApiException {
        gate.answers.add(Duration.ofSeconds(20));
        gate.answers.add(Duration.ofSeconds(11));

        assertThatThrownBy(() -> outbox.deliver(List.of(send(ANN)))).isInstanceOf(TransientFailure.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(20));
        verify(client, never()).execute(any(SendMessage.class));
    }

    @Test
    void a429PausesTheChatForEveryInstanceThenTheMessageIsRetried() throws TelegramApiException {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(429, "Too Many Requests: retry after 3", 3))
                .thenReturn(null);
        gate.pauseBecomesWait = true;

        outbox.deliver(List.of(send(ANN)));

        assertThat(gate.paused).containsExactly(ANN + "=" + Duration.ofSeconds(3));
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void a429AskingForMoreThanThirtySecondsPausesTheChatAndLeavesTheUpdateForLater() throws TelegramApiException {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(429, "Too Many Requests: retry after 40", 40));

        assertThatThrownBy(() -> outbox.deliver(List.of(send(ANN)))).isInstanceOf(TransientFailure.class);
        assertThat(gate.paused).containsExactly(ANN + "=" + Duration.ofSeconds(40));
        assertThat(slept).isEmpty();
    }

    @Test
    void a403TellsTheListenerOnceAndNothingMoreGoesToThatChat() throws TelegramApiException {
        when(client.execute(any(SendMessage.class)))
                .thenThrow(refusal(403, "Forbidden: bot was blocked by the user", null))
                .thenReturn(null);

        outbox.deliver(List.of(send(ANN), send(ANN), send(BOB)));

        assertThat(blocked).containsExactly(ANN);
        assertThat(gate.asked).containsExactly(ANN, BOB);
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void answeringAButtonIsNotCountedAgainstTheFloodLimits() throws TelegramApiException {
        gate.answers.add(Duration.ofSeconds(5));

        outbox.deliver(List.of(new Effect.AnswerButton("q1", null)));

        assertThat(gate.asked).isEmpty();
        verify(client).execute(any(AnswerCallbackQuery.class));
    }

    @Test
    void a429ToAButtonAnswerIsWaitedOutWithoutPausingAnyChat() throws TelegramApiException {
        when(client.execute(any(AnswerCallbackQuery.class)))
                .thenThrow(refusal(429, "Too Many Requests: retry after 2", 2)).thenReturn(true);

        outbox.deliver(List.of(new Effect.AnswerButton("q1", null)));

        assertThat(gate.paused).isEmpty();
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        verify(client, times(2)).execute(any(AnswerCallbackQuery.class));
    }

    @Test
    void a5xxIsStillLeftToALaterAttempt() throws TelegramApiException {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(502, "Bad Gateway", null));

        assertThatThrownBy(() -> outbox.deliver(List.of(send(ANN)))).isInstanceOf(TransientFailure.class);
        assertThat(blocked).isEmpty();
    }

    @Test
    void anUnchangedEditIsHarmlessAndNotRetried() throws TelegramApiException {
        when(client.execute(any(BotApiMethod.class))).thenThrow(refusal(400,
                "Bad Request: message is not modified: specified new message content", null));

        outbox.deliver(List.of(new Effect.Edit(ANN, 7, Message.text("same"))));

        verify(client, times(1)).execute(any(BotApiMethod.class));
        assertThat(gate.asked).containsExactly(ANN);
    }

    @Test
    void aResultCardIsUploadedOnceThenSentByItsFileIdAndCountedLikeAMessage() throws TelegramApiException {
        dev.cyclebreaker.sharing.ResultCards cards = new dev.cyclebreaker.sharing.ResultCards(
                new dev.cyclebreaker.sharing.ResultCardRenderer(40, 60), 1 << 20);
        TelegramOutbox withCards = new TelegramOutbox(client, gate, blocked::add, slept::add, cards);
        dev.cyclebreaker.sharing.CardKey card = new dev.cyclebreaker.sharing.CardKey(
                new dev.cyclebreaker.quiz.Profile(80, 20, dev.cyclebreaker.quiz.Pattern.PURSUER),
                new dev.cyclebreaker.sharing.CardText("t", "Pursuer", "Pursuit", "Distance", "P", "D", "PR", "S", "M", ""));
        org.telegram.telegrambots.meta.api.objects.message.Message sent = new org.telegram.telegrambots.meta.api.objects.message.Message();
        sent.setPhoto(List.of(org.telegram.telegrambots.meta.api.objects.photo.PhotoSize.builder()
                .fileId("small").fileUniqueId("s").width(90).height(90).build(),
                org.telegram.telegrambots.meta.api.objects.photo.PhotoSize.builder()
                .fileId("big").fileUniqueId("b").width(800).height(840).build()));
        org.mockito.ArgumentCaptor<org.telegram.telegrambots.meta.api.methods.send.SendPhoto> photos =
                org.mockito.ArgumentCaptor.forClass(org.telegram.telegrambots.meta.api.methods.send.SendPhoto.class);
        when(client.execute(photos.capture())).thenReturn(sent);

        withCards.deliver(List.of(new Effect.SendCard(ANN, card)));
        withCards.deliver(List.of(new Effect.SendCard(BOB, card)));

        assertThat(photos.getAllValues()).hasSize(2);
        assertThat(photos.getAllValues().get(0).getPhoto().isNew()).isTrue();
        assertThat(photos.getAllValues().get(1).getPhoto().isNew()).isFalse();
        assertThat(photos.getAllValues().get(1).getPhoto().getAttachName()).isEqualTo("big");
        assertThat(gate.asked).containsExactly(ANN, BOB);
    }

    private static Effect send(long chat) {
        return new Effect.Send(chat, Message.text("hello"));
    }

    private static TelegramApiRequestException refusal(int code, String description, Integer retryAfter) {
        return new TelegramApiRequestException("refused", ApiResponse.builder().ok(false).errorCode(code)
                .errorDescription(description)
                .parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter)).build());
    }

    /** Answers acquire from a script (then ZERO); remembers what it was asked. */
    private static final class ScriptedGate implements FloodGate {
        final Deque<Duration> answers = new ArrayDeque<>();
        final List<Long> asked = new ArrayList<>();
        final List<String> paused = new ArrayList<>();
        boolean pauseBecomesWait;

        @Override
        public Duration acquire(long chatId) {
            asked.add(chatId);
            return answers.isEmpty() ? Duration.ZERO : answers.poll();
        }

        @Override
        public void pause(long chatId, Duration retryAfter) {
            paused.add(chatId + "=" + retryAfter);
            if (pauseBecomesWait) {
                answers.add(retryAfter);
            }
        }
    }
}
