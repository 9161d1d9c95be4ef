package io.coursetracker.cli;

/**
 * What became of one note edit.
 *
 * @param status  the HTTP status, or 0 when the service could not be reached
 * @param message for people: the server's status word ({@code accepted}, {@code unchanged}), or its JSON error
 */
public record SendResult(Kind kind, int status, String message) {

    public enum Kind {
        /** 2xx, or 404 on a delete (the note is already gone): done, never sent again. */
        DONE,
        /** Not reachable, 5xx or 429: keep the change and try again later. */
        UNAVAILABLE,
        /** 401, 403, or 404 on a put (an unknown learner): no later attempt will do better, for any note. */
        REFUSED,
        /** Any other 4xx (invalid UTF-8, too large, a bad path): this note is not sent again until it changes. */
        REJECTED
    }

    public static SendResult of(int status, String body) {
        return new SendResult(kindOf(status), status, body);
    }

    public static SendResult unreachable(String why) {
        return new SendResult(Kind.UNAVAILABLE, 0, why);
    }

    private static Kind kindOf(int status) {
        if (status >= 200 && status < 300) {
            return Kind.DONE;
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Kind.UNAVAILABLE;
        }
        if (status == 401 || status == 403) {
            return Kind.REFUSED;
        }
        return Kind.REJECTED;
    }
}
