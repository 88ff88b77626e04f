/**
 * A local, in-process fake of the Telegram Bot API: state of users and chats, an HTTP server
 * speaking the Bot API, and a checker of Telegram's limits. Used by end-to-end tests and by the
 * sandbox mode; depends only on the JDK and Jackson 2, on nothing else in the project.
 */
package dev.cyclebreaker.sandbox;
