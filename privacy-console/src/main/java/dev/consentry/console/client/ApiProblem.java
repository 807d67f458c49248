package dev.consentry.console.client;

/**
 * A service refused or failed a call: its RFC 9457 problem (status, type, title, detail), shown to the officer in
 * plain words. Carries no token and no request body.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public ApiProblem(int status, String type, String title, String detail) {
        super(status + " " + type);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The token was refused (expired or revoked): the officer logs in again. */
    public boolean sessionExpired() {
        return status == 401;
    }

    /** The last segment of the problem type, e.g. {@code extension-refused}. */
    public String code() {
        if (type == null) {
            return "";
        }
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }
}
