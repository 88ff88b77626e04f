package dev.cyclebreaker.quiz;

/** The two things the test measures. */
public enum Dimension {
    /** Anxious, hyperactivating: chasing connection when distance is sensed. */
    PURSUIT,
    /** Avoidant, deactivating: withdrawing when pressure is felt. */
    DISTANCE
}
