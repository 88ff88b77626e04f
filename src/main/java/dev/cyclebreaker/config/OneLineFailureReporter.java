package dev.cyclebreaker.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints a startup failure we understand as the one exact line it is, instead of Spring Boot's
 * banner-and-stack-trace report. Registered in {@code META-INF/spring.factories}.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {
    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println(analysis.getDescription());
    }
}
