package dev.cyclebreaker.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShareTokensTest {
    // Telegram's rule for the start / startgroup parameter.
    private static final String DEEP_LINK_PAYLOAD = "[A-Za-z0-9_-]{1,64}";

    private final ShareTokens tokens = new ShareTokens(seeded(42));

    @Test
    void aTokenIsTwentyTwoBase64UrlCharactersWithoutPadding() {
        for (int i = 0; i < 10_000; i++) {
            String token = tokens.next();

            assertThat(token).hasSize(ShareTokens.LENGTH).matches("[A-Za-z0-9_-]{22}");
        }
    }

    @Test
    void aTokenCarriesAtLeastNinetySixBitsOfEntropy() {
        byte[] decoded = Base64.getUrlDecoder().decode(tokens.next());

        assertThat(decoded.length * 8).isGreaterThanOrEqualTo(96);
    }

    @Test
    void resultAndGroupPayloadsFitTelegramsDeepLinkLimit() {
        String token = tokens.next();

        assertThat("r_" + token).matches(DEEP_LINK_PAYLOAD).hasSizeLessThanOrEqualTo(64);
        assertThat("g_" + token).matches(DEEP_LINK_PAYLOAD).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void everyGeneratedTokenIsWellFormed() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(ShareTokens.isWellFormed(tokens.next())).isTrue();
        }
    }

    @Test
    void aMillionTokensAreAllDistinct() {
        ShareTokens real = new ShareTokens(new SecureRandom());
        int n = 1_000_000;
        // Sized up front so the set never rehashes; about 100 MB at its peak.
        Set<String> seen = new HashSet<>(2 * n);

        for (int i = 0; i < n; i++) {
            seen.add(real.next());
        }

        assertThat(seen).hasSize(n);
    }

    @Test
    void theSameSeedGivesTheSameTokensSoTestsCanPinThem() {
        assertThat(new ShareTokens(seeded(7)).next()).isEqualTo(new ShareTokens(seeded(7)).next());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "AAAAAAAAAAAAAAAAAAAAA",    // 21: one short
        "AAAAAAAAAAAAAAAAAAAAAAA",  // 23: one long
        "AAAAAAAAAAAAAAAAAAAAAA==", // padded
        "AAAAAAAAAAAAAAAAAAAA+A",   // base64 without the url alphabet
        "AAAAAAAAAAAAAAAAAAAA/A",
        "AAAAAAAAAAAAAAAAAAA AA",
        "AAAAAAAAAAAAAAAAAAAA.A",
        "AAAAAAAAAAAAAAAAAAAAАA",   // Cyrillic A
        "AAAAAAAAAAAAAAAAAAAAAB",   // last character has bits that 128 bits cannot set
        "r_AAAAAAAAAAAAAAAAAAAAAA", // the whole payload is not a token
        "AAAAAAAAAAAAAAAAAAAA\nA",
    })
    void malformedTokensAreRejectedBeforeAnyLookup(String token) {
        assertThat(ShareTokens.isWellFormed(token)).isFalse();
    }

    @Test
    void aTokenMadeOfTheRightCharactersIsAccepted() {
        assertThat(ShareTokens.isWellFormed("AZaz09-_AZaz09-_AZaz0w")).isTrue();
    }

    @Test
    void aMissingRandomSourceFailsAtConstruction() {
        assertThatThrownBy(() -> new ShareTokens(null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("random is required");
    }

    private static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before its first use is deterministic, unlike the platform default.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
