package dev.cyclebreaker.quiz;

import java.util.Locale;

/**
 * The four quadrant patterns, plus {@link #MIXED} for answers inside the middle band on either
 * dimension, so near-midpoint scores are not forced into a label. Persisted by name.
 */
public enum Pattern {
    PURSUER,
    DISTANCER,
    PURSUE_AND_RETREAT,
    STEADY,
    MIXED;

    /** The key fragment used in {@code messages/}: {@code pattern.pursue_and_retreat.name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
