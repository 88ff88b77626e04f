package dev.cyclebreaker.sandbox.web;

/** A request the sandbox refuses, with the HTTP status and the one line the page shows. */
final class BadRequest extends RuntimeException {
    final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
