package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cyclebreaker.conversation.Effect;
import dev.cyclebreaker.conversation.Message;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import dev.cyclebreaker.sharing.CardKey;
import dev.cyclebreaker.sharing.CardText;
import dev.cyclebreaker.sharing.ResultCards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Posting a result card in a group: once, with its caption, and a word to the user either way. */
class GroupPostTest {
    private static final long ANN = 42;
    private static final long GROUP = -1001234;
    private static final CardKey CARD = new CardKey(new Profile(30, 70, Pattern.DISTANCER),
            new CardText("t", "Distancer", "P", "D", "a", "b", "c", "d", "e", "@bot"));
    private static final Effect.PostToGroup POST = new Effect.PostToGroup(ANN, GROUP, CARD, "<b>Ann</b>'s result",
            Message.text("posted"), Message.text("refused"), Message.text("unconfirmed"));

    private final TelegramClient client = mock(TelegramClient.class);
    private final ResultCards cards = mock(ResultCards.class);
    private final List<Long> asked = new ArrayList<>();
    private final List<Long> refusedChats = new ArrayList<>();
    private final FloodGate gate = new FloodGate() {
        @Override
        public Duration acquire(long chatId) {
            asked.add(chatId);
            return Duration.ZERO;
        }

        @Override
        public void pause(long chatId, Duration retryAfter) {
        }
    };
    private final TelegramOutbox outbox = new TelegramOutbox(client, gate, refusedChats::add, d -> { }, cards);

    @Test
    void theCardGoesToTheGroupWithItsCaptionThenTheUserIsToldItWasPosted() throws TelegramApiException {
        when(cards.fileId(CARD)).thenReturn(Optional.of("file-1"));

        outbox.deliver(List.of(POST));

        ArgumentCaptor<SendPhoto> photo = ArgumentCaptor.forClass(SendPhoto.class);
        verify(client).execute(photo.capture());
        assertThat(photo.getValue().getChatId()).isEqualTo(Long.toString(GROUP));
        assertThat(photo.getValue().getCaption()).isEqualTo("<b>Ann</b>'s result");
        assertThat(photo.getValue().getParseMode()).isEqualToIgnoringCase("HTML");
        assertThat(told()).isEqualTo("posted");
        assertThat(asked).containsExactly(GROUP, ANN);
        assertThat(refusedChats).isEmpty();
    }

    @Test
    void aGroupThatRefusesWith403IsReportedOnceNotRetriedAndTheUserIsTold() throws TelegramApiException {
        when(cards.fileId(CARD)).thenReturn(Optional.of("file-1"));
        when(client.execute(any(SendPhoto.class))).thenThrow(refusal(403, "Forbidden: bot was kicked from the supergroup chat"));

        outbox.deliver(List.of(POST));

        verify(client, times(1)).execute(any(SendPhoto.class));
        assertThat(refusedChats).containsExactly(GROUP);
        assertThat(told()).isEqualTo("refused");
        verify(cards, never()).forgetFileId(any());
    }

    @Test
    void aGroupWhereTheBotMayNotWriteAnswering400IsTreatedLikeA403() throws TelegramApiException {
        for (String description : List.of("Bad Request: not enough rights to send photos to the chat",
                "Bad Request: CHAT_WRITE_FORBIDDEN", "Bad Request: chat not found")) {
            when(cards.fileId(CARD)).thenReturn(Optional.of("file-1"));
            when(client.execute(any(SendPhoto.class))).thenThrow(refusal(400, description));

            outbox.deliver(List.of(POST));
        }

        assertThat(refusedChats).containsExactly(GROUP, GROUP, GROUP);
        verify(client, times(3)).execute(any(SendPhoto.class));
        verify(cards, never()).forgetFileId(any());
    }

    @Test
    void anotherRefusalOfThePictureForgetsNoGroupButStillTellsTheUser() throws TelegramApiException {
        when(cards.fileId(CARD)).thenReturn(Optional.of("file-1"));
        when(client.execute(any(SendPhoto.class))).thenThrow(refusal(400, "Bad Request: wrong file identifier"));

        outbox.deliver(List.of(POST));

        assertThat(refusedChats).isEmpty();
        assertThat(told()).isEqualTo("refused");
        verify(cards).forgetFileId(CARD);
    }

    @Test
    void aPostTelegramDoesNotConfirmIsNotRetriedAndTheUserIsToldHowToAskAgain() throws TelegramApiException {
        when(cards.fileId(CARD)).thenReturn(Optional.of("file-1"));
        when(client.execute(any(SendPhoto.class))).thenThrow(refusal(502, "Bad Gateway"))
                .thenThrow(new AssertionError("a post to a group is tried once"));

        outbox.deliver(List.of(POST));

        verify(client, times(1)).execute(any(SendPhoto.class));
        assertThat(refusedChats).isEmpty();
        assertThat(told()).isEqualTo("unconfirmed");
    }

    @Test
    void aMessageToAGroupThatMayNotBeWrittenToReportsTheGroup() throws TelegramApiException {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(400, "Bad Request: CHAT_WRITE_FORBIDDEN"));

        outbox.deliver(List.of(new Effect.Send(GROUP, Message.text("hi")), new Effect.Send(GROUP, Message.text("again"))));

        assertThat(refusedChats).containsExactly(GROUP);
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    private String told() throws TelegramApiException {
        ArgumentCaptor<SendMessage> message = ArgumentCaptor.forClass(SendMessage.class);
        verify(client).execute(message.capture());
        assertThat(message.getValue().getChatId()).isEqualTo(Long.toString(ANN));
        return message.getValue().getText();
    }

    private static TelegramApiRequestException refusal(int code, String description) {
        return new TelegramApiRequestException("refused", ApiResponse.builder().ok(false).errorCode(code)
                .errorDescription(description).build());
    }
}
