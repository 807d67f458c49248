package dev.consentry.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk import: per-line problems, nothing half-written, and imported history answers "as of" questions (C4). */
@QuarkusTest
class ImportResourceTest {

    private final String subject = "cust-" + UUID.randomUUID();
    private final String dpo = Tokens.dpo("shop-a");

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String line(String decision, String decidedAt) {
        return "{\"subjectId\":\"" + subject + "\",\"purposeId\":\"marketing-email\",\"decision\":\"" + decision
                + "\",\"decidedAt\":\"" + decidedAt + "\",\"method\":\"checkbox\",\"channel\":\"web\","
                + "\"collectionPoint\":\"legacy-signup\",\"language\":\"vi\"}";
    }

    @Test
    void importedHistoryIsWrittenWithItsOriginalTimes() {
        String body = line("given", "2025-03-01T09:00:00Z") + "\n" + line("withdrawn", "2025-09-01T09:00:00Z") + "\n";
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(201).body("imported", equalTo(2));
        given().auth().oauth2(dpo).queryParam("asOf", "2025-06-01T00:00:00Z")
                .get("/v1/subjects/{s}/decisions/marketing-email", subject).then().body("decision", equalTo("allow"));
        given().auth().oauth2(dpo).get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().body("decision", equalTo("deny"));
    }

    /** S6: the import's own, larger limit holds for a chunked body too (the 256K limit is for the other endpoints). */
    @Test
    void S6_aChunkedImportLargerThanAJsonBodyIsTaken() {
        StringBuilder body = new StringBuilder();
        int lines = 0;
        while (body.length() < 300_000) {
            body.append(line("given", "2025-03-01T09:00:00Z")).append('\n');
            lines++;
        }
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON)
                .body(new java.io.ByteArrayInputStream(bytes(body.toString())))
                .post("/v1/imports/consents").then().statusCode(201).body("imported", equalTo(lines));
    }

    @Test
    void malformedOrInvalidLinesAreReportedPerLineAndNothingIsWritten() {
        String body = line("given", "2025-03-01T09:00:00Z") + "\n"
                + "{not json\n"
                + line("given", "2999-01-01T00:00:00Z") + "\n"
                + line("given", "2025-03-01T09:00:00Z").replace("marketing-email", "no-such-purpose") + "\n"
                + line("maybe", "2025-03-01T09:00:00Z") + "\n";
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body("errors.field", equalTo(java.util.List.of("line 2", "line 3", "line 4", "line 5")))
                .body("errors[0].message", not(containsString("not json")));
        given().auth().oauth2(dpo).get("/v1/subjects/{s}/consents", subject).then().body("$", empty());
    }

    @Test
    void importNeedsTheRightRoleAndContentType() {
        String body = line("given", "2025-03-01T09:00:00Z");
        given().auth().oauth2(Tokens.auditor("shop-a")).contentType(ImportResource.NDJSON).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(403);
        given().contentType(ImportResource.NDJSON).body(bytes(body)).post("/v1/imports/consents").then().statusCode(401);
        given().auth().oauth2(dpo).contentType("application/json").body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(415);
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).body(bytes("\n\n"))
                .post("/v1/imports/consents").then().statusCode(400);
    }

    @Test
    void largeImportAnnouncesEveryRecordOnceAndASubjectsEventsInTheirOrder() {
        String batch = "import-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(line("given", "2025-03-01T09:00:00Z")).append('\n');
        for (int i = 0; i < 598; i++) {
            body.append(line("given", "2025-03-01T09:00:00Z").replace(subject, "cust-" + batch + "-" + i)).append('\n');
        }
        body.append(line("withdrawn", "2025-09-01T09:00:00Z")).append('\n');
        String ndjson = body.toString().replace("legacy-signup", batch);
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).body(bytes(ndjson))
                .post("/v1/imports/consents").then().statusCode(201).body("imported", equalTo(600));

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> batch.equals(e.path("data").path("collectionPoint").asText()), 600, Duration.ofSeconds(60));
        assertEquals(600, events.size(), "one event per imported record");
        assertEquals(600, events.stream().map(e -> e.path("data").path("recordId").asText()).distinct().count());
        String firstSubjectKey = events.stream().filter(e -> EventTypes.CONSENT_WITHDRAWN.equals(e.path("type").asText()))
                .findFirst().orElseThrow().path("subjectkey").asText();
        assertEquals(List.of("given", "withdrawn"), events.stream()
                .filter(e -> firstSubjectKey.equals(e.path("subjectkey").asText()))
                .map(e -> e.path("data").path("decision").asText()).toList(),
                "the subject's two lines, 600 lines apart (two outbox inserts), arrive in import order");
    }

    @Test
    void anImportRetriedWithItsIdempotencyKeyIsWrittenOnce() {
        String key = "import-" + UUID.randomUUID();
        String body = line("given", "2025-03-01T09:00:00Z") + "\n" + line("withdrawn", "2025-09-01T09:00:00Z") + "\n";
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).header("Idempotency-Key", key).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(201).body("imported", equalTo(2));
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).header("Idempotency-Key", key).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("imported", equalTo(2));
        given().auth().oauth2(dpo).get("/v1/subjects/{s}/consents", subject).then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).header("Idempotency-Key", key)
                .body(bytes(line("given", "2025-10-01T09:00:00Z") + "\n"))
                .post("/v1/imports/consents").then().statusCode(422).body("type", containsString("idempotency-key-reused"));
        given().auth().oauth2(dpo).get("/v1/subjects/{s}/consents", subject).then().body("$", hasSize(2));
    }

    /** Values written with COPY come back as they were sent: quotes, commas, line breaks and non-Latin text. */
    @Test
    void importedValuesKeepEveryCharacter() {
        String point = "checkout \\\"express\\\", step 2\\nđăng ký \u00e9";
        String body = line("given", "2025-03-01T09:00:00Z").replace("legacy-signup", point) + "\n";
        given().auth().oauth2(dpo).contentType(ImportResource.NDJSON).body(bytes(body))
                .post("/v1/imports/consents").then().statusCode(201);
        given().auth().oauth2(dpo).get("/v1/subjects/{s}/consents", subject).then().statusCode(200)
                .body("[0].collectionPoint", equalTo("checkout \"express\", step 2\nđăng ký é"))
                .body("[0].language", equalTo("vi"));
    }
}
