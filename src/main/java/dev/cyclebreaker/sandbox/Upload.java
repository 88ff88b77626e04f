package dev.cyclebreaker.sandbox;

/** A file part of a multipart request. */
record Upload(String field, String filename, String contentType, byte[] bytes) {
}
