/**
 * The transport: Telegram updates in (long polling or the webhook), effects out. The only package
 * that touches telegrambots types. Depends on {@code conversation}, {@code i18n} and Micrometer's API.
 */
package dev.cyclebreaker.telegram;
