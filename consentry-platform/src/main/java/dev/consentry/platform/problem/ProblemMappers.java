package dev.consentry.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become HTTP answers: every error is an RFC 9457 problem, bad input is a 4xx, and
 * nothing the caller sees names a class or echoes a value.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e, uri);
    }

    /** The answer to a problem thrown by business code, with {@code Retry-After} when it says when to retry. */
    public static Response respond(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().add("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(FORBIDDEN, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(Problem.of(400, "unknown-field", "Bad request",
                "Unknown field '" + fieldPath(e) + "'."), uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String path = fieldPath(e);
        String detail = path.isEmpty() ? "The body does not have the expected shape."
                : "Field '" + path + "' has the wrong type or format.";
        return respond(Problem.of(400, "invalid-body", "Bad request", detail), uri);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(400, "malformed-json", "Bad request", "The body is not valid JSON" + where + "."), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(leafPath(v), v.getMessage()))
                .toList();
        return respond(Problem.invalidFields(errors), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return wrongType(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return invalidJson(cause, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation; ask for application/json.";
            case 413 -> "The body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        return respond(Problem.of(status, slug(title), title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(internal(e), uri);
    }

    /**
     * The problem for a failure nobody foresaw, logged with an id the caller can quote. The exception's message may
     * quote values (SQL constraint details, parsed input): only its type and stack are logged.
     */
    static Problem internal(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf("Unexpected %s (error id %s) at %s", e.getClass().getName(), errorId, topFrames(e));
        return Problem.of(500, "internal", "Internal error",
                "The request could not be completed. Quote error id " + errorId + " when reporting it.");
    }

    static final Problem UNAUTHENTICATED = Problem.of(401, "unauthenticated", "Unauthorized",
            "A valid bearer token is required.");
    static final Problem FORBIDDEN = Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation.");

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(UNAUTHENTICATED, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response respond(Problem problem, UriInfo uri) {
        Problem withPath = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withPath).build();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String leafPath(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "record.arg0.purposes[0].purposeId" -> "purposes[0].purposeId"
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String topFrames(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            out.append("\n\tat ").append(frames[i]);
        }
        if (e.getCause() != null && e.getCause() != e) {
            out.append("\ncaused by ").append(e.getCause().getClass().getName()).append(topFrames(e.getCause()));
        }
        return out.toString();
    }
}
