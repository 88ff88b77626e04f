package dev.cyclebreaker.sharing;

import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.quiz.Pattern;
import dev.cyclebreaker.quiz.Profile;
import java.util.Map;

/** Fixed card texts and one profile per pattern, worded as in the message bundles. */
final class SampleCards {
    static final int BAND_LOW = 40;
    static final int BAND_HIGH = 60;

    /** A profile well inside each pattern's region for a band of 40 / 60. */
    static final Map<Pattern, Profile> PROFILES = Map.of(
            Pattern.PURSUER, new Profile(82, 18, Pattern.PURSUER),
            Pattern.DISTANCER, new Profile(15, 77, Pattern.DISTANCER),
            Pattern.PURSUE_AND_RETREAT, new Profile(71, 88, Pattern.PURSUE_AND_RETREAT),
            Pattern.STEADY, new Profile(22, 30, Pattern.STEADY),
            Pattern.MIXED, new Profile(52, 35, Pattern.MIXED));

    private static final Map<Pattern, String> EN_NAMES = Map.of(
            Pattern.PURSUER, "Pursuer", Pattern.DISTANCER, "Distancer",
            Pattern.PURSUE_AND_RETREAT, "Pursue-and-retreat", Pattern.STEADY, "Steady", Pattern.MIXED, "In between");
    private static final Map<Pattern, String> ZH_NAMES = Map.of(
            Pattern.PURSUER, "追逐者", Pattern.DISTANCER, "退避者",
            Pattern.PURSUE_AND_RETREAT, "又追又退", Pattern.STEADY, "相对平稳", Pattern.MIXED, "介于之间");

    private SampleCards() {
    }

    static CardText text(Lang lang, Pattern pattern) {
        return switch (lang) {
            case EN -> new CardText("My part in the pursue-withdraw cycle", EN_NAMES.get(pattern), "Pursuit", "Distance",
                    "Pursuer", "Distancer", "Pursue-and-retreat", "Steady", "In between", "@CycleBreakerBot");
            case ZH -> new CardText("我在追逐与退避循环中的位置", ZH_NAMES.get(pattern), "追逐", "退避",
                    "追逐者", "退避者", "又追又退", "相对平稳", "介于之间", "@CycleBreakerBot");
        };
    }
}
