package io.coursetracker.support.web;

/** A request the service refuses: the status, a short {@code error} and a {@code detail} that says how to fix it. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String detail;

    public ApiException(int status, String error, String detail) {
        super(error);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String error() {
        return getMessage();
    }

    public String detail() {
        return detail;
    }

    public static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }

    public static ApiException notFound(String error, String detail) {
        return new ApiException(404, error, detail);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "send 'Authorization: Bearer <token>' with a valid token");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden", "this token may not do that");
    }
}
