package dev.cyclebreaker.quiz;

/** A scored test: both dimensions on 0-100 and the pattern they fall in. */
public record Profile(int pursuit, int distance, Pattern pattern) {
    public Profile {
        if (pursuit < 0 || pursuit > 100 || distance < 0 || distance > 100) {
            throw new IllegalArgumentException("scores are 0-100: " + pursuit + ", " + distance);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is required");
        }
    }
}
