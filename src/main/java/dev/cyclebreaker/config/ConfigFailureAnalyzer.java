package dev.cyclebreaker.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Recognises a {@link ConfigException} anywhere in a startup failure's causes. */
public final class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, ConfigException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
