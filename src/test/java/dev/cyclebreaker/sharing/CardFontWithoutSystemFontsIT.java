package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with no fonts at all: Java cannot load even the bundled font, and the bot must say why
 * in one line instead of the JDK's "Problem reading font data". Starts a JVM that sees an empty
 * fontconfig.
 */
@EnabledOnOs(OS.LINUX)
class CardFontWithoutSystemFontsIT {

    @Test
    void withNoFontOnTheMachineLoadingTheCardFontSaysWhatToInstall(@TempDir Path dir) throws Exception {
        Path emptyConfig = Files.writeString(dir.resolve("fonts.conf"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");

        String output = probe(dir, "FONTCONFIG_FILE", emptyConfig.toString());

        assertThat(output).isEqualTo("failed " + CardFont.NO_FONT_SYSTEM);
    }

    @Test
    void withTheMachinesFontsTheCardFontLoads(@TempDir Path home) throws Exception {
        assertThat(probe(home, "CYCLEBREAKER_UNUSED", "")).isEqualTo("loaded Noto Sans CJK SC");
    }

    /** {@code home} is a fresh user.home: the JDK caches what fontconfig said in ~/.java/fonts. */
    private static String probe(Path home, String envName, String envValue) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"),
                CardFontProbe.class.getName());
        pb.environment().put(envName, envValue);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe JVM finished").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("loaded ") || l.startsWith("failed ")).findFirst().orElse(out);
    }
}
