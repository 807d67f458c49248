package dev.consentry.platform.problem;

/** Thrown by business code to answer with a specific problem; the message must never contain personal data. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    private ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds the caller should wait before retrying (a {@code Retry-After} header), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** S6: too many requests of one kind from one caller; retry after {@code seconds}. */
    public static ProblemException tooManyRequests(String detail, long seconds) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests", detail), Math.max(1, seconds));
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Problem.of(400, slug, "Bad request", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(Problem.of(422, slug, "Unprocessable request", detail));
    }

    /** A dependency (mail server, broker) is unavailable; the caller may retry later. */
    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(Problem.of(503, slug, "Service unavailable", detail));
    }
}
