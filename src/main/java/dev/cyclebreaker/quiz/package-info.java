/**
 * The self-test: its definition loaded from {@code messages/quiz.properties}, scoring to a
 * {@link dev.cyclebreaker.quiz.Profile}, and the patterns. Depends only on {@code i18n}.
 */
package dev.cyclebreaker.quiz;
