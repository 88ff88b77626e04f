/**
 * Configuration: the environment read once into a validated {@link dev.cyclebreaker.config.BotConfig},
 * startup failures reported in one line, the Spring wiring. May depend on every feature package.
 */
package dev.cyclebreaker.config;
