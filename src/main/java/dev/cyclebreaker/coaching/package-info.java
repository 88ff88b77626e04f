/**
 * The coaching tools: pause and return, the five-minute wait, slow-motion practice; pure rules, no I/O.
 * Time always comes in as an argument ({@code Instant now}, a {@code ZoneId}); depends on {@code i18n} only.
 */
package dev.cyclebreaker.coaching;
