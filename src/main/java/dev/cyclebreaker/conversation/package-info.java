/**
 * The conversation engine: {@code Session}, {@code Event}, {@code Transition} and the pure function
 * between them. No I/O here; depends on {@code i18n}, {@code quiz}, the pure rules of {@code coaching}
 * and the card records of {@code sharing} only. {@link dev.cyclebreaker.conversation.SessionStore} is implemented in {@code store}.
 */
package dev.cyclebreaker.conversation;
