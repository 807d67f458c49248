package dev.consentry.consent.repository;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.Purpose;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consent records table over the real database: latest decision per purpose, and append-only rows (C4). */
@QuarkusTest
class ConsentRecordRepositoryTest {

    @Inject
    ConsentRecordRepository records;

    @Inject
    PurposeRepository purposes;

    private static final String TENANT = "shop-repo";

    private Uni<Void> ensurePurpose() {
        return purposes.find(TENANT, "marketing-email").flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Purpose p = new Purpose();
            p.key = new Purpose.Key(TENANT, "marketing-email");
            p.legalBasis = "consent";
            p.optional = true;
            p.names = "{\"en\":\"E-mail marketing\"}";
            p.createdAt = Instant.now();
            return purposes.persist(p).replaceWithVoid();
        });
    }

    private static ConsentRecord record(String subjectKey, String decision) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.tenant = TENANT;
        r.subjectKey = subjectKey;
        r.purposeId = "marketing-email";
        r.decision = decision;
        r.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        r.method = "checkbox";
        r.channel = "web";
        r.collectionPoint = "signup-form";
        r.actor = "subject";
        return r;
    }

    /** The subject's record in force now on marketing e-mails. */
    private Uni<ConsentRecord> current(String tenant, String subjectKey) {
        return records.latestAsOf(tenant, subjectKey, "marketing-email", Instant.now());
    }

    private static void isAppendOnlyViolation(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("consent records are append-only"), "rejected by the database trigger");
    }

    @Test
    @RunOnVertxContext
    void C4_latestRecordIsTheCurrentDecision(UniAsserter asserter) {
        String subjectKey = "key-" + UUID.randomUUID();
        asserter.execute(() -> Panache.withTransaction(this::ensurePurpose));
        asserter.assertNull(() -> Panache.withSession(() -> current(TENANT, subjectKey)));
        asserter.execute(() -> Panache.withTransaction(() -> records.persist(record(subjectKey, "given"))));
        asserter.execute(() -> Panache.withTransaction(() -> records.persist(record(subjectKey, "withdrawn"))));
        asserter.assertThat(() -> Panache.withSession(() -> current(TENANT, subjectKey)),
                latest -> assertEquals("withdrawn", latest.decision));
        asserter.assertThat(() -> Panache.withSession(() -> current("another-tenant", subjectKey)),
                latest -> assertNull(latest, "records of one tenant are invisible to another"));
    }

    @Test
    @RunOnVertxContext
    void C4_recordsCannotBeUpdatedOrDeleted(UniAsserter asserter) {
        String subjectKey = "key-" + UUID.randomUUID();
        ConsentRecord given = record(subjectKey, "given");
        asserter.execute(() -> Panache.withTransaction(() -> ensurePurpose().flatMap(v -> records.persist(given))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> records.update(
                        "decision = 'refused' where id = ?1", given.id)),
                ConsentRecordRepositoryTest::isAppendOnlyViolation);
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> records.delete("id", given.id)),
                ConsentRecordRepositoryTest::isAppendOnlyViolation);
        asserter.assertThat(() -> Panache.withSession(() -> current(TENANT, subjectKey)),
                latest -> assertEquals("given", latest.decision));
    }
}
