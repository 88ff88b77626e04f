/**
 * A local, in-process fake of the Telegram Bot API: state of users and chats, an HTTP server
 * speaking the Bot API, a checker of Telegram's limits, and the sandbox's movable clock. Used by
 * end-to-end tests and by the sandbox mode; depends only on the JDK and Jackson 2, on nothing else
 * in the project (its web chat lives in {@code sandbox.web}).
 */
package dev.cyclebreaker.sandbox;
