package dev.cyclebreaker.sharing;

import dev.cyclebreaker.quiz.Profile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One distinct card: the scores and pattern, and the words it is drawn with (which stand for the
 * language and the bundle version at once, so reworded bundles make new cards).
 */
public record CardKey(Profile profile, CardText text) {

    public CardKey {
        if (profile == null || text == null) {
            throw new IllegalArgumentException("a card key needs a profile and a text");
        }
    }

    /**
     * A short id that stays the same across restarts and instances, for a shared store such as
     * Redis: {@code pursuer-82-18-1a2b3c4d}, the last part 8 hex of SHA-256 over the texts.
     */
    public String stableId() {
        return profile.pattern().key() + "-" + profile.pursuit() + "-" + profile.distance() + "-" + textHash();
    }

    private String textHash() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String s : new String[] {text.title(), text.patternName(), text.pursuitLabel(), text.distanceLabel(),
                text.pursuer(), text.distancer(), text.pursueAndRetreat(), text.steady(), text.middle(), text.footer()}) {
            sha256.update(s.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // a separator no text contains, so "ab","c" differs from "a","bc"
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 4);
    }
}
