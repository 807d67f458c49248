package dev.consentry.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.ImportLine;
import dev.consentry.platform.problem.Problem;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.sql.BulkWriter;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a shop's existing consent records (NDJSON, one {@link ImportLine} per line). Every line is checked first;
 * if any is wrong the answer lists each bad line and nothing is written. Otherwise all lines, with their events (one
 * per record, as for any other record), are written in one bulk transaction with {@code COPY}: {@link #check} first,
 * then {@link #write} inside the transaction the caller runs (with its Idempotency-Key).
 */
@ApplicationScoped
public class ConsentImport {

    public static final int MAX_LINES = 10_000;

    private final PurposeRepository purposes;
    private final ConsentLedger ledger;
    private final SubjectKeys subjectKeys;
    private final Validator validator;
    private final ObjectReader reader;
    private final Clock clock;

    public ConsentImport(PurposeRepository purposes, ConsentLedger ledger, SubjectKeys subjectKeys, Validator validator,
                         ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.purposes = purposes;
        this.ledger = ledger;
        this.subjectKeys = subjectKeys;
        this.validator = validator;
        this.reader = mapper.readerFor(ImportLine.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A problem lists at most this many bad lines (S6: an answer stays small whatever the import). */
    static final int MAX_ERRORS_LISTED = 100;

    /** Checks every line and prepares the records (sealing their free text); writes nothing but subject keys. */
    @WithTransaction
    public Uni<ConsentLedger.Prepared> check(String tenant, String ndjson) {
        // lines are taken one by one up to one more than allowed: a long import is refused before it is split whole
        List<String> lines = ndjson == null ? List.of() : ndjson.lines().limit(MAX_LINES + 1L).toList();
        if (lines.size() > MAX_LINES) {
            throw ProblemException.badRequest("import-too-large", "An import has at most " + MAX_LINES + " lines.");
        }
        return purposes.listForTenant(tenant).flatMap(catalogue -> {
            Set<String> known = catalogue.stream().map(p -> p.key.id()).collect(Collectors.toSet());
            List<ImportLine> parsed = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            Instant now = clock.instant();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String where = "line " + (i + 1);
                String error = check(text, known, now, parsed);
                if (error != null) {
                    errors.add(new Problem.FieldError(where, error));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(Problem.of(422, "import-invalid", "Unprocessable import",
                        errors.size() + " line(s) cannot be imported; nothing was written"
                                + (errors.size() > MAX_ERRORS_LISTED ? " (the first " + MAX_ERRORS_LISTED + " are listed)." : "."))
                        .withErrors(errors.subList(0, Math.min(errors.size(), MAX_ERRORS_LISTED))));
            }
            if (parsed.isEmpty()) {
                throw ProblemException.badRequest("import-empty", "The import has no lines.");
            }
            return ledger.prepareAll(tenant, parsed.stream()
                    .map(l -> new ConsentLedger.Entry(subjectKeys.of(tenant, l.subjectId()), l.purposeId(),
                            l.decision(), evidence(l), l.decidedAt().truncatedTo(ChronoUnit.MICROS)))
                    .toList());
        });
    }

    /** Writes what {@link #check} prepared in the caller's bulk transaction; returns how many records. */
    public int write(BulkWriter writer, ConsentLedger.Prepared prepared) {
        return ledger.copyAll(writer, prepared);
    }

    /** Returns what is wrong with one line (no value from it is echoed), or null and adds it to {@code parsed}. */
    private String check(String text, Set<String> knownPurposes, Instant now, List<ImportLine> parsed) {
        ImportLine line;
        try {
            line = reader.readValue(text);
        } catch (JsonProcessingException e) {
            return "not a JSON object of the import format";
        }
        Set<ConstraintViolation<ImportLine>> violations = validator.validate(line);
        if (!violations.isEmpty()) {
            return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
        }
        if (!knownPurposes.contains(line.purposeId())) {
            return "purposeId is not in this shop's catalogue";
        }
        if (line.decidedAt().isAfter(now)) {
            return "decidedAt is in the future";
        }
        if (("guardian".equals(line.actor()) || "agent".equals(line.actor())) && line.actorProof() == null) {
            return "a guardian or agent needs actorProof";
        }
        parsed.add(line);
        return null;
    }

    private static Evidence evidence(ImportLine l) {
        return new Evidence(l.method(), l.channel(), l.collectionPoint(), l.noticeVersion(), l.noticeHash(),
                l.language(), l.actor() == null ? "subject" : l.actor(), l.actorProof(), Evidence.IMPORTED);
    }
}
