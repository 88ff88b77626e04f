package dev.cyclebreaker.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the child's output (a full pipe would block it), logs it at debug, keeps the tail for errors. */
final class ProcessOutput {

    private static final int TAIL_LINES = 20;
    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    private ProcessOutput(Process process, int port) {
        this.reader = new Thread(() -> drain(process, port), "redis-server-output-" + port);
        reader.setDaemon(true);
    }

    static ProcessOutput follow(Process process, int port) {
        ProcessOutput tail = new ProcessOutput(process, port);
        tail.reader.start();
        return tail;
    }

    private void drain(Process process, int port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                log.debug("redis-server:{} {}", port, line);
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > TAIL_LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("redis-server:{} output closed: {}", port, e.toString());
        }
    }

    void awaitEnd() {
        try {
            reader.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean mentions(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    String tail() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
