package dev.cyclebreaker.telegram;

import static dev.cyclebreaker.telegram.UpdateMapperTest.NOW;
import static dev.cyclebreaker.telegram.UpdateMapperTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyclebreaker.conversation.BotIdentity;
import dev.cyclebreaker.conversation.Event;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** In groups only commands addressed to this bot by name count, and the news that it was removed. */
class GroupUpdateMapperTest {
    static final UpdateMapper MAPPER = new UpdateMapper(Clock.fixed(NOW, ZoneOffset.UTC), new BotIdentity("CycleBreakerBot"));

    static String groupMessage(String text, String extra) {
        int end = text.indexOf(' ');
        return "{'update_id':20,'message':{'message_id':5,'date':1,"
                + "'chat':{'id':-1001234,'type':'supergroup','title':'Tom & Jerry'},"
                + "'from':{'id':42,'is_bot':false,'first_name':'Ann','language_code':'zh-hans'},'text':'" + text + "',"
                + "'entities':[{'type':'bot_command','offset':0,'length':" + (end < 0 ? text.length() : end) + "}]"
                + extra + "}}";
    }

    @Test
    void aCommandAddressedToUsBecomesAGroupCommandFromTheHumanInTheGroup() throws Exception {
        Event e = MAPPER.map(update(groupMessage("/quiz@cyclebreakerbot", ""))).orElseThrow();

        Event.GroupCommand g = (Event.GroupCommand) e;
        assertThat(g.name()).isEqualTo("quiz");
        assertThat(g.groupTitle()).isEqualTo("Tom & Jerry");
        assertThat(g.origin().chatId()).isEqualTo(-1001234);
        assertThat(g.origin().userId()).isEqualTo(42);
        assertThat(g.origin().languageCode()).isEqualTo("zh-hans");
        assertThat(g.origin().firstName()).isEqualTo("Ann");
    }

    @Test
    void startAndHelpAddressedToUsCountToo() throws Exception {
        assertThat(((Event.GroupCommand) MAPPER.map(update(groupMessage("/START@CycleBreakerBot", ""))).orElseThrow()).name())
                .isEqualTo("start");
        assertThat(((Event.GroupCommand) MAPPER.map(update(groupMessage("/help@CycleBreakerBot please", ""))).orElseThrow())
                .name()).isEqualTo("help");
    }

    @Test
    void bareCommandsCommandsToOtherBotsOtherCommandsAndTextAreIgnored() throws Exception {
        assertThat(MAPPER.map(update(groupMessage("/quiz", "")))).isEmpty();
        assertThat(MAPPER.map(update(groupMessage("/quiz@OtherBot", "")))).isEmpty();
        assertThat(MAPPER.map(update(groupMessage("/quiz@CycleBreakerBotX", "")))).isEmpty();
        assertThat(MAPPER.map(update(groupMessage("/forget@CycleBreakerBot", "")))).isEmpty();
        assertThat(MAPPER.map(update("{'update_id':21,'message':{'message_id':5,'date':1,"
                + "'chat':{'id':-5,'type':'group','title':'G'},'from':{'id':42,'is_bot':false,'first_name':'A'},"
                + "'text':'hello @CycleBreakerBot /quiz@CycleBreakerBot'}}"))).isEmpty();
    }

    @Test
    void botsAnonymousAdminsChannelsAndForwardsAreIgnored() throws Exception {
        String fromBot = groupMessage("/quiz@CycleBreakerBot", "").replace("'is_bot':false", "'is_bot':true");
        String anonymousAdmin = groupMessage("/quiz@CycleBreakerBot",
                ",'sender_chat':{'id':-1001234,'type':'supergroup','title':'Tom & Jerry'}");
        String forwarded = groupMessage("/quiz@CycleBreakerBot",
                ",'forward_origin':{'type':'user','date':1,'sender_user':{'id':7,'is_bot':false,'first_name':'X'}}");
        String forwardedOldStyle = groupMessage("/quiz@CycleBreakerBot", ",'forward_date':1");

        assertThat(MAPPER.map(update(fromBot))).isEmpty();
        assertThat(MAPPER.map(update(anonymousAdmin))).isEmpty();
        assertThat(MAPPER.map(update(forwarded))).isEmpty();
        assertThat(MAPPER.map(update(forwardedOldStyle))).isEmpty();
    }

    @Test
    void mediaEditsAndPressesInGroupsAndChannelPostsAreIgnored() throws Exception {
        String photo = "{'update_id':22,'message':{'message_id':5,'date':1,'chat':{'id':-5,'type':'group','title':'G'},"
                + "'from':{'id':42,'is_bot':false,'first_name':'A'},'caption':'/quiz@CycleBreakerBot',"
                + "'photo':[{'file_id':'f','file_unique_id':'u','width':1,'height':1}]}}";
        String edited = "{'update_id':23,'edited_message':{'message_id':5,'date':1,'edit_date':2,"
                + "'chat':{'id':-5,'type':'group','title':'G'},'from':{'id':42,'is_bot':false,'first_name':'A'},"
                + "'text':'/quiz@CycleBreakerBot'}}";
        String press = "{'update_id':24,'callback_query':{'id':'cb1','chat_instance':'c',"
                + "'from':{'id':42,'is_bot':false,'first_name':'A'},'data':'s',"
                + "'message':{'message_id':77,'date':1,'chat':{'id':-5,'type':'group','title':'G'},'text':'q'}}}";
        String channel = "{'update_id':25,'channel_post':{'message_id':5,'date':1,"
                + "'chat':{'id':-200,'type':'channel','title':'C'},'text':'/quiz@CycleBreakerBot'}}";

        assertThat(MAPPER.map(update(photo))).isEmpty();
        assertThat(MAPPER.map(update(edited))).isEmpty();
        assertThat(MAPPER.map(update(press))).isEmpty();
        assertThat(MAPPER.map(update(channel))).isEmpty();
    }

    @Test
    void withoutKnowingItsOwnNameTheMapperIgnoresGroups() throws Exception {
        assertThat(UpdateMapperTest.MAPPER.map(update(groupMessage("/quiz@CycleBreakerBot", "")))).isEmpty();
    }

    static String myChatMember(String chatType, String newStatus) {
        return "{'update_id':30,'my_chat_member':{'chat':{'id':-1001234,'type':'" + chatType + "','title':'G'},"
                + "'from':{'id':42,'is_bot':false,'first_name':'Ann','language_code':'en'},'date':1,"
                + "'old_chat_member':{'status':'member','user':{'id':1,'is_bot':true,'first_name':'CB'}},"
                + "'new_chat_member':{'status':'" + newStatus + "','user':{'id':1,'is_bot':true,'first_name':'CB'}"
                + ("kicked".equals(newStatus) ? ",'until_date':0" : "") + "}}}";
    }

    @Test
    void beingRemovedOrKickedFromAGroupBecomesARemovalOfThatGroup() throws Exception {
        for (String status : new String[] {"left", "kicked"}) {
            Event e = MAPPER.map(update(myChatMember("supergroup", status))).orElseThrow();

            Event.RemovedFromGroup r = (Event.RemovedFromGroup) e;
            assertThat(r.origin().chatId()).isEqualTo(-1001234);
            assertThat(r.origin().userId()).isEqualTo(42);
            assertThat(UpdateMapper.userOf(update(myChatMember("group", status)))).isEqualTo(42);
        }
    }

    @Test
    void otherMembershipNewsIsIgnored() throws Exception {
        assertThat(MAPPER.map(update(myChatMember("group", "administrator")))).isEmpty();
        assertThat(MAPPER.map(update(myChatMember("channel", "left")))).isEmpty();
        assertThat(MAPPER.map(update(myChatMember("private", "kicked")))).isEmpty();
    }
}
