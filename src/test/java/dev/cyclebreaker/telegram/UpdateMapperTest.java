package dev.cyclebreaker.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyclebreaker.conversation.Action;
import dev.cyclebreaker.conversation.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates as Telegram sends them (JSON), read by the library's own types, then mapped. */
class UpdateMapperTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-25T20:30:00Z");
    static final UpdateMapper MAPPER = new UpdateMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    static Update update(String json) throws Exception {
        return JSON.readValue(json.replace('\'', '"'), Update.class);
    }

    static String privateMessage(String textAndEntities) {
        return "{'update_id':10,'message':{'message_id':5,'date':1,'chat':{'id':42,'type':'private'},"
                + "'from':{'id':42,'is_bot':false,'first_name':'A','language_code':'zh-hans'}," + textAndEntities + "}}";
    }

    @Test
    void aCommandLosesItsSlashAndBotNameAndKeepsItsPayload() throws Exception {
        Optional<Event> e = MAPPER.map(update(privateMessage(
                "'text':'/Start@CycleBreakerBot r_abc','entities':[{'type':'bot_command','offset':0,'length':24}]")));

        Event.Command c = (Event.Command) e.orElseThrow();
        assertThat(c.name()).isEqualTo("start");
        assertThat(c.payload()).isEqualTo("r_abc");
        assertThat(c.origin().userId()).isEqualTo(42);
        assertThat(c.origin().chatId()).isEqualTo(42);
        assertThat(c.origin().updateId()).isEqualTo(10);
        assertThat(c.origin().languageCode()).isEqualTo("zh-hans");
        assertThat(c.origin().at()).isEqualTo(NOW);
    }

    @Test
    void anInlineQueryIsMappedToTheSendersOwnSessionWithItsTextAndFirstName() throws Exception {
        Event e = MAPPER.map(update("{'update_id':12,'inline_query':{'id':'iq9','query':'你好 share',"
                + "'offset':'','from':{'id':42,'is_bot':false,'first_name':'Ann','language_code':'en'}}}")).orElseThrow();

        Event.InlineQuery q = (Event.InlineQuery) e;
        assertThat(q.queryId()).isEqualTo("iq9");
        assertThat(q.query()).isEqualTo("你好 share");
        assertThat(q.origin().userId()).isEqualTo(42);
        assertThat(q.origin().chatId()).isEqualTo(42);
        assertThat(q.origin().firstName()).isEqualTo("Ann");
    }

    @Test
    void anInlineQueryFromABotIsIgnored() throws Exception {
        assertThat(MAPPER.map(update("{'update_id':13,'inline_query':{'id':'iq1','query':'',"
                + "'offset':'','from':{'id':7,'is_bot':true,'first_name':'B'}}}"))).isEmpty();
    }

    @Test
    void plainTextIsText() throws Exception {
        Event e = MAPPER.map(update(privateMessage("'text':'hello /quiz'"))).orElseThrow();

        assertThat(e).isInstanceOf(Event.TextReceived.class);
        assertThat(((Event.TextReceived) e).text()).isEqualTo("hello /quiz");
    }

    @Test
    void stickersAndEditsAreUnsupportedMessages() throws Exception {
        Event sticker = MAPPER.map(update(privateMessage(
                "'sticker':{'file_id':'x','file_unique_id':'y','type':'regular','width':1,'height':1,'is_animated':false,'is_video':false}")))
                .orElseThrow();
        Event edited = MAPPER.map(update("{'update_id':11,'edited_message':{'message_id':5,'date':1,'edit_date':2,"
                + "'chat':{'id':42,'type':'private'},'from':{'id':42,'is_bot':false,'first_name':'A'},'text':'x'}}")).orElseThrow();

        assertThat(((Event.Unsupported) sticker).kind()).isEqualTo(Event.Unsupported.Kind.MEDIA);
        assertThat(((Event.Unsupported) edited).kind()).isEqualTo(Event.Unsupported.Kind.EDITED);
    }

    @Test
    void aButtonPressCarriesItsMessageAndDecodedAction() throws Exception {
        Event e = MAPPER.map(update("{'update_id':12,'callback_query':{'id':'cb1','chat_instance':'c',"
                + "'from':{'id':42,'is_bot':false,'first_name':'A','language_code':'en'},'data':'q:k3:2:5',"
                + "'message':{'message_id':77,'date':1,'chat':{'id':42,'type':'private'},'text':'q'}}}")).orElseThrow();

        Event.ButtonPressed b = (Event.ButtonPressed) e;
        assertThat(b.messageId()).isEqualTo(77);
        assertThat(b.callbackId()).isEqualTo("cb1");
        assertThat(b.action()).contains(new Action.Answer("k3", 2, 5));
    }

    @Test
    void forgedCallbackDataBecomesAnEmptyAction() throws Exception {
        Event e = MAPPER.map(update("{'update_id':12,'callback_query':{'id':'cb1','chat_instance':'c',"
                + "'from':{'id':42,'is_bot':false,'first_name':'A'},'data':'DROP TABLE',"
                + "'message':{'message_id':77,'date':1,'chat':{'id':42,'type':'private'},'text':'q'}}}")).orElseThrow();

        assertThat(((Event.ButtonPressed) e).action()).isEmpty();
    }

    @Test
    void groupsChannelsAndBotsAreIgnored() throws Exception {
        String group = "{'update_id':13,'message':{'message_id':5,'date':1,'chat':{'id':-100,'type':'supergroup','title':'G'},"
                + "'from':{'id':42,'is_bot':false,'first_name':'A'},'text':'/quiz'}}";
        String channel = "{'update_id':14,'channel_post':{'message_id':5,'date':1,'chat':{'id':-200,'type':'channel','title':'C'},'text':'hi'}}";
        String bot = "{'update_id':15,'message':{'message_id':5,'date':1,'chat':{'id':42,'type':'private'},"
                + "'from':{'id':43,'is_bot':true,'first_name':'B'},'text':'/start'}}";

        assertThat(MAPPER.map(update(group))).isEmpty();
        assertThat(MAPPER.map(update(channel))).isEmpty();
        assertThat(MAPPER.map(update(bot))).isEmpty();
    }
}
