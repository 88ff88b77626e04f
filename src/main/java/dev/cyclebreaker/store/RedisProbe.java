package dev.cyclebreaker.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks a local redis-server who it is over a bare socket, so the child process can be checked
 * before any Lettuce client exists (and without its reconnect logic muddying the answer).
 */
final class RedisProbe {

    private static final int TIMEOUT_MILLIS = 1_000;

    private RedisProbe() {
    }

    /**
     * The pid of the server on 127.0.0.1:{@code port} once it answers PING with PONG; empty while
     * nothing listens there or the server is still loading its data.
     */
    static Optional<Long> readyServerPid(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write("PING\r\nINFO server\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!readLine(in).equals("+PONG")) {
                return Optional.empty(); // -LOADING while the AOF is replayed
            }
            String info = readBulk(in);
            for (String line : info.split("\r\n")) {
                if (line.startsWith("process_id:")) {
                    return Optional.of(Long.parseLong(line.substring("process_id:".length()).strip()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String readBulk(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith("$")) {
            throw new IOException("expected a bulk string, got " + header);
        }
        byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
