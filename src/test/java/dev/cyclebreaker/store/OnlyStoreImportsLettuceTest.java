package dev.cyclebreaker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OnlyStoreImportsLettuceTest {

    @Test
    void noMainClassOutsideTheStorePackageImportsLettuce() throws IOException {
        Path main = Path.of("src/main/java");
        Path store = main.resolve("dev/cyclebreaker/store");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> offenders = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(store))
                    .filter(file -> read(file).contains("import io.lettuce"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
