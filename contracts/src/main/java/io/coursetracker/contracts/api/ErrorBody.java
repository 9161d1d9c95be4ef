package io.coursetracker.contracts.api;

/** The body of every 4xx/5xx answer: {@code error} says what went wrong, {@code detail} how to fix it. */
public record ErrorBody(String error, String detail) {
}
