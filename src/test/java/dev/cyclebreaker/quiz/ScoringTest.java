package dev.cyclebreaker.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyclebreaker.quiz.QuizDefinition.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final QuizDefinition TWO_BY_TWO = QuizDefinition.of(5, 40, 60, List.of(
            new Item("p1", Dimension.PURSUIT, false),
            new Item("d1", Dimension.DISTANCE, false),
            new Item("p2", Dimension.PURSUIT, true),
            new Item("d2", Dimension.DISTANCE, true)));

    /** 25 forward items per dimension on a 5-point scale: every score from 0 to 100 is reachable. */
    private static final QuizDefinition FINE = fine();

    @Test
    void aReverseKeyedItemCountsFromTheOtherEnd() {
        Profile p = TWO_BY_TWO.score(List.of(5, 1, 1, 5));

        assertThat(p).isEqualTo(new Profile(100, 0, Pattern.PURSUER));
    }

    @Test
    void agreeingWithEveryForwardItemAndNoReverseItemScoresOneHundred() {
        assertThat(TWO_BY_TWO.score(List.of(5, 5, 1, 1))).isEqualTo(new Profile(100, 100, Pattern.PURSUE_AND_RETREAT));
    }

    @Test
    void allMinimumAnswersOnForwardItemsScoreZero() {
        assertThat(FINE.score(Collections.nCopies(50, 1))).isEqualTo(new Profile(0, 0, Pattern.STEADY));
    }

    @Test
    void allMaximumAnswersOnForwardItemsScoreOneHundred() {
        assertThat(FINE.score(Collections.nCopies(50, 5))).isEqualTo(new Profile(100, 100, Pattern.PURSUE_AND_RETREAT));
    }

    @Test
    void onTheShippedQuizTappingTheSameAnswerEveryTimeLandsInTheMiddleBand() {
        QuizDefinition quiz = QuizDefinition.load();

        for (int a = 1; a <= quiz.points(); a++) {
            assertThat(quiz.score(Collections.nCopies(quiz.size(), a)).pattern()).as("all %d", a).isEqualTo(Pattern.MIXED);
        }
    }

    @Test
    void scoresRoundHalfUp() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(new Item("p" + i, Dimension.PURSUIT, false));
            items.add(new Item("d" + i, Dimension.DISTANCE, false));
        }
        QuizDefinition quiz = QuizDefinition.of(5, 40, 60, items);
        // pursuit: 12 points above the minimum of 32 possible = 37.5; distance: 13 of 32 = 40.625
        List<Integer> answers = new ArrayList<>(Collections.nCopies(16, 1));
        for (int i = 0; i < 3; i++) {
            answers.set(2 * i, 5);
            answers.set(2 * i + 1, 5);
        }
        answers.set(7, 2);

        Profile p = quiz.score(answers);

        assertThat(p.pursuit()).isEqualTo(38);
        assertThat(p.distance()).isEqualTo(41);
    }

    @Test
    void aScoreOfExactlyBandLowIsLow() {
        assertThat(FINE.score(answers(40, 100))).isEqualTo(new Profile(40, 100, Pattern.DISTANCER));
    }

    @Test
    void aScoreJustAboveBandLowIsInTheMiddleBand() {
        assertThat(FINE.score(answers(41, 100))).isEqualTo(new Profile(41, 100, Pattern.MIXED));
    }

    @Test
    void aScoreJustBelowBandHighIsInTheMiddleBand() {
        assertThat(FINE.score(answers(59, 0))).isEqualTo(new Profile(59, 0, Pattern.MIXED));
    }

    @Test
    void aScoreOfExactlyBandHighIsHigh() {
        assertThat(FINE.score(answers(60, 0))).isEqualTo(new Profile(60, 0, Pattern.PURSUER));
    }

    @Test
    void bothScoresAtTheBoundariesGiveTheQuadrantPatterns() {
        assertThat(FINE.score(answers(60, 60)).pattern()).isEqualTo(Pattern.PURSUE_AND_RETREAT);
        assertThat(FINE.score(answers(40, 40)).pattern()).isEqualTo(Pattern.STEADY);
        assertThat(FINE.score(answers(40, 60)).pattern()).isEqualTo(Pattern.DISTANCER);
        assertThat(FINE.score(answers(60, 40)).pattern()).isEqualTo(Pattern.PURSUER);
    }

    @Test
    void aMiddleScoreOnOneSideIsMixedWhateverTheOtherSide() {
        assertThat(FINE.score(answers(50, 0)).pattern()).isEqualTo(Pattern.MIXED);
        assertThat(FINE.score(answers(100, 50)).pattern()).isEqualTo(Pattern.MIXED);
    }

    @Test
    void everyPatternIsReachableOnTheShippedQuiz() {
        QuizDefinition quiz = QuizDefinition.load();

        assertThat(quiz.score(extremes(quiz, true, false)).pattern()).isEqualTo(Pattern.PURSUER);
        assertThat(quiz.score(extremes(quiz, false, true)).pattern()).isEqualTo(Pattern.DISTANCER);
        assertThat(quiz.score(extremes(quiz, true, true)).pattern()).isEqualTo(Pattern.PURSUE_AND_RETREAT);
        assertThat(quiz.score(extremes(quiz, false, false)).pattern()).isEqualTo(Pattern.STEADY);
        assertThat(quiz.score(Collections.nCopies(quiz.size(), 3)).pattern()).isEqualTo(Pattern.MIXED);
        assertThat(quiz.score(extremes(quiz, true, false))).isEqualTo(new Profile(100, 0, Pattern.PURSUER));
    }

    @Test
    void tooFewAnswersAreRejected() {
        assertThatThrownBy(() -> TWO_BY_TWO.score(List.of(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 4 answers, got 3");
    }

    @Test
    void tooManyAnswersAreRejected() {
        assertThatThrownBy(() -> TWO_BY_TWO.score(List.of(1, 2, 3, 4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 4 answers, got 5");
    }

    @Test
    void anAnswerAboveTheScaleIsRejected() {
        assertThatThrownBy(() -> TWO_BY_TWO.score(List.of(1, 2, 6, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer 3 is 6, must be 1-5");
    }

    @Test
    void anAnswerOfZeroIsRejected() {
        assertThatThrownBy(() -> TWO_BY_TWO.score(List.of(0, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer 1 is 0, must be 1-5");
    }

    @Test
    void aMissingAnswerIsRejected() {
        assertThatThrownBy(() -> TWO_BY_TWO.score(Arrays.asList(1, 2, 3, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer 4 is null, must be 1-5");
    }

    private static QuizDefinition fine() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(new Item("p" + i, Dimension.PURSUIT, false));
        }
        for (int i = 0; i < 25; i++) {
            items.add(new Item("d" + i, Dimension.DISTANCE, false));
        }
        return QuizDefinition.of(5, 40, 60, items);
    }

    /** Answers to {@link #FINE} that score exactly {@code pursuit} and {@code distance}: each item adds 0-4. */
    private static List<Integer> answers(int pursuit, int distance) {
        List<Integer> out = new ArrayList<>();
        for (int score : new int[] {pursuit, distance}) {
            int left = score;
            for (int i = 0; i < 25; i++) {
                int extra = Math.min(4, left);
                out.add(1 + extra);
                left -= extra;
            }
        }
        return out;
    }

    /** The strongest answers for a high or low score on each dimension, respecting reverse keying. */
    private static List<Integer> extremes(QuizDefinition quiz, boolean pursuitHigh, boolean distanceHigh) {
        List<Integer> out = new ArrayList<>();
        for (Item item : quiz.items()) {
            boolean high = item.dimension() == Dimension.PURSUIT ? pursuitHigh : distanceHigh;
            out.add(high != item.reverse() ? quiz.points() : 1);
        }
        return out;
    }
}
