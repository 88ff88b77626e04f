/**
 * User-facing text: the language enum and the immutable bundle lookup over {@code messages/}.
 * Depends on nothing else in the project.
 */
package dev.cyclebreaker.i18n;
