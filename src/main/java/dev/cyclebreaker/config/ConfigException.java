package dev.cyclebreaker.config;

/** A configuration or startup problem, said in one exact line with no stack trace. */
public class ConfigException extends RuntimeException {
    public ConfigException(String line) {
        super(line, null, false, false);
    }
}
