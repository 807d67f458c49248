package dev.consentry.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Honours the {@code Idempotency-Key} header on POST: the first answer is stored in the same transaction as the
 * operation and replayed for a retry with the same key and body; the same key with another body is a 422.
 */
@ApplicationScoped
public class IdempotentPost {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final ObjectMapper mapper;

    public IdempotentPost(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code operation} once per (tenant, key). Without a key the operation simply runs in a transaction.
     * {@code operation} must answer with a JSON entity.
     */
    public Uni<Response> run(String tenant, String key, String operationName, Object request,
                             Supplier<Uni<Response>> operation) {
        if (key == null) {
            return Panache.withTransaction(operation);
        }
        if (!KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters."));
        }
        String requestHash = hash(operationName, request);
        return Panache.withTransaction(() -> IdempotencyRecord.find(tenant, key)
                        .flatMap(previous -> previous != null
                                ? Uni.createFrom().item(replay(previous, requestHash))
                                : operation.get().call(response -> store(tenant, key, requestHash, response))))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "idempotency-key-in-use", "A request with this Idempotency-Key is being processed; retry later."));
    }

    private Uni<IdempotencyRecord> store(String tenant, String key, String requestHash, Response response) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Id(tenant, key);
        record.requestHash = requestHash;
        record.status = response.getStatus();
        record.body = json(response.getEntity());
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        return record.persist();
    }

    private static Response replay(IdempotencyRecord previous, String requestHash) {
        if (!previous.requestHash.equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.");
        }
        Response.ResponseBuilder replay = Response.status(previous.status)
                .entity(previous.body).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true");
        if (previous.location != null) {
            replay.header("Location", previous.location);
        }
        return replay.build();
    }

    private String hash(String operationName, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operationName.getBytes(StandardCharsets.UTF_8));
            sha.update(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
