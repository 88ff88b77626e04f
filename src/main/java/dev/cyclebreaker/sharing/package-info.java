/**
 * Sharing a result: unguessable link tokens, the result card picture, and its cache. Pure code that
 * depends only on {@code quiz} and the JDK, Java2D and Caffeine; its only I/O is classpath resources.
 */
package dev.cyclebreaker.sharing;
