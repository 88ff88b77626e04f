/**
 * Configuration: the environment read once into a validated {@link dev.cyclebreaker.config.BotConfig},
 * startup failures reported in one line, the Spring wiring (the app's {@code Clock} bean among it), and
 * the sandbox's beans, which exist only without a token, the webhook route (webhook mode only), and
 * operations: health indicators and meters. May depend on every feature package.
 */
package dev.cyclebreaker.config;
