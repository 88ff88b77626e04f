package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LuaScriptTest {

    private static final Pattern KEY_USE = Pattern.compile("KEYS\\[(\\d+)]");

    @Test
    void everyScriptOpensWithAHeaderNamingItsKeysArgvAndReturns() throws Exception {
        for (LuaScript script : allScripts()) {
            String header = header(script);
            assertThat(header).as(script.name()).contains("ARGV").contains("Returns");
            for (int key = 1; key <= script.keyCount(); key++) {
                assertThat(header).as(script.name()).contains("KEYS[" + key + "]");
            }
        }
    }

    @Test
    void noScriptTouchesMoreKeysThanItsNameDeclares() throws Exception {
        for (LuaScript script : allScripts()) {
            Matcher uses = KEY_USE.matcher(script.source());
            while (uses.find()) {
                assertThat(Integer.parseInt(uses.group(1))).as(script.name()).isBetween(1, script.keyCount());
            }
        }
    }

    @Test
    void theDigestIsTheSha1OfTheSource() {
        LuaScript script = LuaScript.load("commitSession-3");

        assertThat(script.sha1()).hasSize(40).matches("[0-9a-f]+");
    }

    @Test
    void aScriptNameWithoutAKeyCountIsRejected() {
        assertThatThrownBy(() -> LuaScript.keyCountOf("commitSession"))
                .hasMessage("Lua script name must end with its key count, like commitSession-1: commitSession");
    }

    @Test
    void aMissingScriptIsNamedInTheError() {
        assertThatThrownBy(() -> LuaScript.load("nothing-0"))
                .hasMessage("Lua script not found on the classpath: redis/nothing-0.lua");
    }

    private static List<LuaScript> allScripts() throws IOException, URISyntaxException {
        Path dir = Path.of(LuaScriptTest.class.getClassLoader().getResource("redis").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<LuaScript> scripts = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".lua"))
                    .map(name -> LuaScript.load(name.substring(0, name.length() - ".lua".length())))
                    .toList();
            assertThat(scripts).isNotEmpty();
            return scripts;
        }
    }

    private static String header(LuaScript script) {
        String source = script.source();
        assertThat(source).as(script.name()).startsWith("--[[");
        return source.substring(0, source.indexOf("]]"));
    }
}
