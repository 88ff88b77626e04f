package dev.cyclebreaker.telegram;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short pseudonym for a user id in logs: HMAC-SHA256 under a key drawn when the process starts,
 * cut to 12 hex digits. The same user reads the same within one process, so an operator can follow
 * one conversation; a plain hash would not do, since Telegram ids are few enough to enumerate.
 */
final class UserHash {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;

    UserHash(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String of(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
            char[] out = new char[12];
            for (int i = 0; i < 6; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }
}
