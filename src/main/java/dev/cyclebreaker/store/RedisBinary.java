package dev.cyclebreaker.store;

import dev.cyclebreaker.store.RedisServerProcess.Binary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import redis.embedded.core.ExecutableProvider;

/** A redis-server executable, where it came from ("system" or "embedded") and its version. */
record RedisBinary(Path path, String origin, String version) {

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("v=([0-9][0-9.]*)");

    /** "system redis-server 7.0.15": the app's startup log names what it runs. */
    String describe() {
        return origin + " redis-server " + version;
    }

    int majorVersion() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    static RedisBinary resolve(Binary choice) {
        Optional<Path> system = onPath(System.getenv("PATH"));
        return switch (choice) {
            case SYSTEM -> of(system.orElseThrow(() -> new IllegalStateException(
                    "redis-server is not on PATH: install it or choose the embedded binary")), "system");
            case EMBEDDED -> embedded();
            case AUTO -> system.map(path -> of(path, "system")).orElseGet(RedisBinary::embedded);
        };
    }

    static boolean systemAvailable() {
        return onPath(System.getenv("PATH")).isPresent();
    }

    static Optional<Path> onPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The library extracts its binary into a fresh temp folder that is deleted when the JVM exits. */
    private static RedisBinary embedded() {
        try {
            return of(ExecutableProvider.newJarResourceProvider().get().toPath(), "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedded redis-server binary", e);
        }
    }

    private static RedisBinary of(Path path, String origin) {
        return new RedisBinary(path, origin, versionOf(path));
    }

    private static String versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Matcher matcher = VERSION.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException(binary + " --version printed no version: " + output.strip());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + binary + " for its version", e);
        }
    }
}
