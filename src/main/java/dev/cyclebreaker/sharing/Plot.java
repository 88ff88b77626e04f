package dev.cyclebreaker.sharing;

import dev.cyclebreaker.quiz.Profile;
import java.awt.geom.Point2D;

/**
 * Where the pursuit x distance plane sits on the card: a square of {@code size} pixels, pursuit 0-100
 * left to right, distance 0-100 bottom to top (image y grows downward, hence the flip).
 */
record Plot(int left, int top, int size) {

    double x(int pursuit) {
        return left + size * pursuit / 100.0;
    }

    double y(int distance) {
        return top + size * (100 - distance) / 100.0;
    }

    Point2D point(Profile profile) {
        return new Point2D.Double(x(profile.pursuit()), y(profile.distance()));
    }

    int right() {
        return left + size;
    }

    int bottom() {
        return top + size;
    }
}
