package dev.consentry.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.sql.BulkTransactions;
import dev.consentry.platform.sql.BulkWriter;
import dev.consentry.platform.vault.Aead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Honours the {@code Idempotency-Key} header on POST: the first answer is stored in the same transaction as the
 * operation and replayed for a retry with the same key and body; the same key with another body is a 422.
 * <p>
 * A key belongs to the caller who sent it (tenant and token holder): a subject cannot use up a storefront's key, nor
 * read its answer. Rows hold no readable personal value (S5): the row is found by a keyed hash of caller and key, the
 * answer is sealed with AES-256-GCM under a key derived from the caller's Idempotency-Key (which is never stored), and
 * rows are deleted after {@code consentry.idempotency.retention} ({@link IdempotencyRetention}).
 */
@ApplicationScoped
public class IdempotentPost {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final String HMAC = "HmacSHA256";

    private final ObjectMapper mapper;
    private final Caller caller;
    private final SecretKeySpec secret;
    private final Clock clock;
    private final BulkTransactions bulk;

    public IdempotentPost(ObjectMapper mapper, Caller caller, ConsentryConfig config, Clock clock, BulkTransactions bulk) {
        this.bulk = bulk;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
        this.secret = new SecretKeySpec(config.pseudonymization().secret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * Runs {@code operation} once per (tenant, caller, key), in a transaction. Without a key the operation simply runs
     * in a transaction. {@code operation} must answer with a JSON entity; an answer it builds for a refusal (rather
     * than throwing) is stored and replayed like any other.
     */
    public Uni<Response> run(String tenant, String key, String operationName, Object request,
                             Supplier<Uni<Response>> operation) {
        if (key == null) {
            return Panache.withTransaction(operation);
        }
        Derived derived = derive(tenant, caller.principal(), checked(key));
        String requestHash = derived.hash(operationName + '\u0000' + json(request));
        return Panache.withTransaction(() -> IdempotencyRecord.find(tenant, derived.rowKey())
                        .flatMap(previous -> previous != null
                                ? Uni.createFrom().item(replay(new Stored(previous.requestHash, previous.status,
                                        previous.body, previous.location), requestHash, derived))
                                : operation.get().call(response -> store(tenant, derived, requestHash, response))))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "idempotency-key-in-use", "A request with this Idempotency-Key is being processed; retry later."));
    }

    /** As {@link #run}, for an operation that answers {@code 200 OK} with the entity it produces. */
    public Uni<Response> ok(String tenant, String key, String operationName, Object request,
                            Supplier<Uni<?>> operation) {
        return run(tenant, key, operationName, request, () -> operation.get().map(entity -> Response.ok(entity).build()));
    }

    private Uni<IdempotencyRecord> store(String tenant, Derived derived, String requestHash, Response response) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Id(tenant, derived.rowKey());
        record.requestHash = requestHash;
        record.status = response.getStatus();
        String body = json(response.getEntity());
        record.body = body == null ? null : derived.seal(body);
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return record.persist();
    }

    /**
     * As {@link #run}, for an operation that writes in a bulk transaction ({@link BulkTransactions}): the stored
     * answer is looked up, the operation run and its answer stored in that one transaction.
     */
    public Uni<Response> runBulk(String tenant, String key, String operationName, Object request,
                                 Function<BulkWriter, Response> operation) {
        if (key == null) {
            return bulk.run(operation);
        }
        Derived derived = derive(tenant, caller.principal(), checked(key));
        String requestHash = derived.hash(operationName + '\u0000' + json(request));
        return bulk.run(writer -> {
            List<Object[]> previous = writer.query(
                    "SELECT request_hash, status, body, location FROM idempotency_key WHERE tenant = ? AND idem_key = ?",
                    tenant, derived.rowKey());
            if (!previous.isEmpty()) {
                Object[] p = previous.get(0);
                return replay(new Stored((String) p[0], ((Number) p[1]).intValue(), (String) p[2], (String) p[3]),
                        requestHash, derived);
            }
            Response response = operation.apply(writer);
            String body = json(response.getEntity());
            writer.update("INSERT INTO idempotency_key (tenant, idem_key, request_hash, status, body, location, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, derived.rowKey(), requestHash, response.getStatus(),
                    body == null ? null : derived.seal(body),
                    response.getLocation() == null ? null : response.getLocation().toString(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return response;
        }).onFailure(e -> e instanceof BulkTransactions.BulkWriteException b && "23505".equals(b.sqlState()))
                .transform(e -> ProblemException.conflict("idempotency-key-in-use",
                        "A request with this Idempotency-Key is being processed; retry later."));
    }

    /** The key if it is well-formed; a 400 problem otherwise. */
    private static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters.");
        }
        return key;
    }

    /** A stored first answer. */
    private record Stored(String requestHash, int status, String body, String location) {
    }

    private static Response replay(Stored previous, String requestHash, Derived derived) {
        if (!previous.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.");
        }
        Response.ResponseBuilder replay = Response.status(previous.status())
                .entity(previous.body() == null ? null : derived.open(previous.body())).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true");
        if (previous.location() != null) {
            replay.header("Location", previous.location());
        }
        return replay.build();
    }

    /**
     * What a caller's key yields: the row's id, the key sealing the stored answer, and the material the request's
     * fingerprint is computed from.
     */
    private record Derived(byte[] material, String rowKey, SecretKey bodyKey) {

        Derived(byte[] material) {
            this(material, Base64.getUrlEncoder().withoutPadding().encodeToString(mac(material, "row")),
                    new SecretKeySpec(mac(material, "body"), "AES"));
        }

        String hash(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(material, "request\u0000" + text));
        }

        String seal(String body) {
            return Base64.getEncoder().encodeToString(Aead.encrypt(bodyKey, body.getBytes(StandardCharsets.UTF_8),
                    rowKey.getBytes(StandardCharsets.US_ASCII)));
        }

        String open(String sealed) {
            try {
                return new String(Aead.decrypt(bodyKey, Base64.getDecoder().decode(sealed),
                        rowKey.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("stored idempotent answer does not open");
            }
        }
    }

    private Derived derive(String tenant, String principal, String key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return new Derived(mac.doFinal(("idempotency\u0000" + tenant + '\u0000' + principal + '\u0000' + key)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] mac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private String json(Object value) {
        try {
            return value == null ? null : value instanceof String s ? s : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
