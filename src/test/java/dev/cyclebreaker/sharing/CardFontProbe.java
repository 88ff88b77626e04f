package dev.cyclebreaker.sharing;

/** Loads the card font in a fresh JVM and prints what happened, for {@link CardFontWithoutSystemFontsIT}. */
final class CardFontProbe {
    private CardFontProbe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("loaded " + CardFont.base().getFamily());
        } catch (Throwable t) {
            Throwable cause = t instanceof ExceptionInInitializerError e ? e.getCause() : t;
            System.out.println("failed " + cause.getMessage());
        }
    }
}
