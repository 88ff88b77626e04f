package dev.cyclebreaker.config;

/**
 * Proof that start-up checks passed (token accepted, webhook removed, commands published), and the
 * one line that says what the bot runs on.
 */
record Announcement(String botUsername, String line) {
}
