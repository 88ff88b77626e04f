package dev.cyclebreaker.sharing;

/**
 * Every word on a result card, already in the user's language: the caller takes them from the
 * message bundles, so the renderer holds no user-facing text. Only {@code footer} may be empty.
 *
 * @param title             the small line above the pattern name
 * @param patternName       the user's pattern, the card's headline
 * @param pursuitLabel      the x axis and the pursuit score's label
 * @param distanceLabel     the y axis and the distance score's label
 * @param pursuer           the high-pursuit, low-distance quadrant
 * @param distancer         the low-pursuit, high-distance quadrant
 * @param pursueAndRetreat  the quadrant high on both
 * @param steady            the quadrant low on both
 * @param middle            the middle band, where the pattern is mixed
 * @param footer            a last small line, such as the bot's handle; empty for none
 */
public record CardText(
        String title,
        String patternName,
        String pursuitLabel,
        String distanceLabel,
        String pursuer,
        String distancer,
        String pursueAndRetreat,
        String steady,
        String middle,
        String footer) {

    public CardText {
        required("title", title);
        required("patternName", patternName);
        required("pursuitLabel", pursuitLabel);
        required("distanceLabel", distanceLabel);
        required("pursuer", pursuer);
        required("distancer", distancer);
        required("pursueAndRetreat", pursueAndRetreat);
        required("steady", steady);
        required("middle", middle);
        if (footer == null) {
            throw new IllegalArgumentException("card text footer is null; use \"\" for none");
        }
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("card text " + name + " is blank");
        }
    }
}
