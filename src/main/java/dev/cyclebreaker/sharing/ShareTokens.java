package dev.cyclebreaker.sharing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens for shared-result and group-invite links. 128 bits from a {@link SecureRandom},
 * base64url without padding: 22 characters of {@code [A-Za-z0-9_-]}, so a deep-link payload such as
 * {@code r_<token>} or {@code g_<token>} stays far inside Telegram's 64 characters of that alphabet.
 */
public final class ShareTokens {
    /** Bytes of entropy per token. */
    static final int BYTES = 16;
    /** Characters per token: 128 bits in 6-bit characters, the last one carrying only 2 bits. */
    public static final int LENGTH = 22;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    // The final character holds 2 bits followed by 4 zero bits, so only these four are canonical.
    private static final String LAST_CHARS = "AQgw";

    private final SecureRandom random;

    public ShareTokens(SecureRandom random) {
        if (random == null) {
            throw new IllegalArgumentException("random is required");
        }
        this.random = random;
    }

    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Whether {@code token} could have come from {@link #next()}: exact length, base64url alphabet,
     * canonical last character. Checked before any lookup so forged or mangled tokens cost nothing.
     */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!isBase64Url(token.charAt(i))) {
                return false;
            }
        }
        return LAST_CHARS.indexOf(token.charAt(LENGTH - 1)) >= 0;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
