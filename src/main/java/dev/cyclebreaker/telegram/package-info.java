/**
 * The transport: Telegram updates in, effects out. The only package that touches telegrambots
 * types. Depends on {@code conversation} and {@code i18n}.
 */
package dev.cyclebreaker.telegram;
