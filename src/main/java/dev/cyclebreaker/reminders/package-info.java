/**
 * Reminders: the due-time index ({@link dev.cyclebreaker.reminders.DueReminders}, implemented in
 * {@code store}) and the poller that claims due reminders and hands them to a handler. The user's
 * session says what a reminder means; this package only knows which one is due when.
 */
package dev.cyclebreaker.reminders;
