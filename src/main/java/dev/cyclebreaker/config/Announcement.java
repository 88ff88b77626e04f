package dev.cyclebreaker.config;

/** Proof that start-up checks passed (token accepted, webhook removed, commands published). */
record Announcement(String botUsername) {
}
