package dev.cyclebreaker.sandbox;

import static dev.cyclebreaker.sandbox.FakeBotApiFixture.ANN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class BotApiMethodsIT {
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
    void aSentMessageAndItsEditShowInTheChatAndComeBackAsMessages() throws TelegramApiException {
        Message sent = fake.bot.execute(SendMessage.builder().chatId(ANN).parseMode("HTML")
                .text("<b>Question 1</b> &amp; more").replyMarkup(keyboard("q:1:a")).build());

        Serializable edited = fake.bot.execute(EditMessageText.builder().chatId(ANN).messageId(sent.getMessageId())
                .parseMode("HTML").text("<i>Thanks</i>").build());

        assertThat(sent.getText()).isEqualTo("Question 1 & more");
        assertThat(sent.getEntities()).singleElement().satisfies(e -> assertThat(e.getType()).isEqualTo("bold"));
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("q:1:a");
        assertThat(edited).asInstanceOf(type(Message.class)).extracting(Message::getText).isEqualTo("Thanks");
        assertThat(fake.telegram.message(ANN, sent.getMessageId())).get().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Thanks");
            assertThat(m.html()).isEqualTo("<i>Thanks</i>");
            assertThat(m.editCount()).isEqualTo(1);
            assertThat(m.hasKeyboard()).as("an edit without reply_markup drops the keyboard").isFalse();
        });
        assertThat(fake.telegram.violations()).isEmpty();
    }

    @Test
    void editingToTheSameTextAndKeyboardIsNotModified() throws TelegramApiException {
        Message sent = fake.bot.execute(SendMessage.builder().chatId(ANN).text("same")
                .replyMarkup(keyboard("r:1")).build());

        assertThatThrownBy(() -> fake.bot.execute(EditMessageText.builder().chatId(ANN)
                .messageId(sent.getMessageId()).text("same").replyMarkup(keyboard("r:1")).build()))
                .isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Bad Request: message is not modified")
                .extracting(e -> ((TelegramApiRequestException) e).getErrorCode()).isEqualTo(400);
        assertThat(fake.telegram.message(ANN, sent.getMessageId())).get()
                .extracting(ChatMessage::editCount).isEqualTo(0);
    }

    @Test
    void editingAMessageThatDoesNotExistFails() {
        assertThatThrownBy(() -> fake.bot.execute(EditMessageText.builder().chatId(ANN).messageId(99)
                .text("x").build()))
                .hasMessageContaining("Bad Request: message to edit not found");
    }

    @Test
    void theKeyboardCanBeReplacedAndTheMessageDeleted() throws TelegramApiException {
        Message sent = fake.bot.execute(SendMessage.builder().chatId(ANN).text("pick")
                .replyMarkup(keyboard("q:1:a")).build());

        fake.bot.execute(EditMessageReplyMarkup.builder().chatId(ANN).messageId(sent.getMessageId())
                .replyMarkup(keyboard("q:1:b")).build());
        ChatMessage replaced = fake.telegram.latestWithKeyboard(ANN).orElseThrow();
        fake.bot.execute(DeleteMessage.builder().chatId(ANN).messageId(sent.getMessageId()).build());

        assertThat(replaced.buttons()).extracting(InlineButton::value).containsExactly("q:1:b");
        assertThat(fake.telegram.messages(ANN)).isEmpty();
    }

    @Test
    void aPressedButtonIsAnsweredOnceAndTheSecondAnswerIsTooOld() throws TelegramApiException {
        Message sent = fake.bot.execute(SendMessage.builder().chatId(ANN).text("pick")
                .replyMarkup(keyboard("q:1:a")).build());
        String query = fake.telegram.pressButton(ANN, sent.getMessageId(), "q:1:a");

        Boolean first = fake.bot.execute(AnswerCallbackQuery.builder().callbackQueryId(query).text("Saved").build());

        assertThat(first).isTrue();
        assertThat(fake.telegram.callbackAnswers()).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Saved"))
                .satisfies(a -> assertThat(a.userId()).isEqualTo(ANN));
        assertThatThrownBy(() -> fake.bot.execute(AnswerCallbackQuery.builder().callbackQueryId(query).build()))
                .hasMessageContaining("Bad Request: query is too old and response timeout expired");
    }

    @Test
    void pressingAButtonTheMessageDoesNotShowIsATestMistake() throws TelegramApiException {
        Message sent = fake.bot.execute(SendMessage.builder().chatId(ANN).text("pick")
                .replyMarkup(keyboard("q:1:a")).build());

        assertThatThrownBy(() -> fake.telegram.pressButton(ANN, sent.getMessageId(), "q:1:z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shows no button with callback_data q:1:z");
    }

    @Test
    void callbackDataOf65BytesIsRejectedAndRecorded() {
        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).text("pick")
                .replyMarkup(keyboard("x".repeat(65))).build()))
                .hasMessageContaining("Bad Request: BUTTON_DATA_INVALID");
        assertThat(fake.telegram.violations()).containsExactly(new Violation("sendMessage", "BUTTON_DATA_INVALID", true));
        assertThat(fake.telegram.messages(ANN)).isEmpty();
    }

    @Test
    void textOf4097CharactersIsRejectedAsTooLong() {
        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).text("x".repeat(4097)).build()))
                .hasMessageContaining("Bad Request: message is too long");
        assertThat(fake.telegram.calls("sendMessage")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(400));
    }

    @Test
    void brokenHtmlIsRejectedWithTheParsersReason() {
        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).parseMode("HTML")
                .text("<b>open").build()))
                .hasMessageContaining("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
    }

    @Test
    void floodModeAnswers429WithRetryAfterBeyondTheBurst() throws TelegramApiException {
        fake.telegram.flood(FloodSettings.telegramLike());
        for (int i = 0; i < 3; i++) {
            fake.bot.execute(SendMessage.builder().chatId(ANN).text("burst " + i).build());
        }

        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).text("one too many").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("Too Many Requests: retry after 1");
                });
        assertThat(fake.telegram.tooManyRequestsCount()).isEqualTo(1);
        assertThat(fake.telegram.botMessages(ANN)).hasSize(3);
    }

    @Test
    void aScriptedBlockAnswers403OnceThenTheChatWorksAgain() throws TelegramApiException {
        fake.telegram.failNext(ANN, ScriptedError.blockedByUser());

        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("Forbidden: bot was blocked by the user");
                });
        fake.bot.execute(SendMessage.builder().chatId(ANN).text("hi again").build());
        assertThat(fake.telegram.botMessages(ANN)).extracting(ChatMessage::text).containsExactly("hi again");
    }

    @Test
    void aScripted429CarriesItsRetryAfter() {
        fake.telegram.failNext(ANN, ScriptedError.tooManyRequests(7));

        assertThatThrownBy(() -> fake.bot.execute(SendMessage.builder().chatId(ANN).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getParameters().getRetryAfter()).isEqualTo(7));
    }

    @Test
    void aPhotoUploadIsStoredAndItsFileIdCanBeSentAgain() throws TelegramApiException {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

        Message uploaded = fake.bot.execute(SendPhoto.builder().chatId(ANN).caption("<b>card</b>").parseMode("HTML")
                .photo(new InputFile(new ByteArrayInputStream(jpeg), "card.jpg")).replyMarkup(keyboard("r:1")).build());
        String fileId = uploaded.getPhoto().get(uploaded.getPhoto().size() - 1).getFileId();
        Message again = fake.bot.execute(SendPhoto.builder().chatId(ANN).photo(new InputFile(fileId)).build());

        assertThat(uploaded.getCaption()).isEqualTo("card");
        assertThat(fake.telegram.file(fileId)).get().isEqualTo(jpeg);
        assertThat(again.getPhoto().get(again.getPhoto().size() - 1).getFileId()).isEqualTo(fileId);
        assertThat(fake.telegram.messages(ANN)).extracting(ChatMessage::photoFileId).containsExactly(fileId, fileId);
        assertThat(fake.telegram.latestWithKeyboard(ANN)).get().extracting(ChatMessage::html).isEqualTo("<b>card</b>");
    }

    @Test
    void commandsAreStoredPerLanguage() throws TelegramApiException {
        fake.bot.execute(SetMyCommands.builder().command(new BotCommand("start", "Begin")).build());
        fake.bot.execute(SetMyCommands.builder().languageCode("ru").command(new BotCommand("start", "Начать")).build());

        assertThat(fake.telegram.commands("")).containsEntry("start", "Begin");
        assertThat(fake.telegram.commands("ru")).containsEntry("start", "Начать");
        assertThat(fake.bot.execute(GetMyCommands.builder().languageCode("ru").build()))
                .extracting(BotCommand::getDescription).containsExactly("Начать");
    }

    @Test
    void awaitCallsWaitsForTheBotsCallFromAnotherThread() throws TelegramApiException {
        fake.bot.executeAsync(SendMessage.builder().chatId(ANN).text("later").build());

        assertThat(fake.telegram.awaitCalls(c -> "later".equals(c.text()), Duration.ofSeconds(5)))
                .singleElement().extracting(RecordedCall::chatId).isEqualTo(ANN);
    }

    private static InlineKeyboardMarkup keyboard(String callbackData) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Go").callbackData(callbackData).build())).build();
    }
}
