package dev.consentry.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The thin slice across the three services as separate processes, through the real broker and database, with the
 * example carrier answering: the same platform and requests as the README's tour.
 */
class ThinSliceEndToEndTest {

    private static final String NEW_ADDRESS = "12 Nguyen Hue, District 1";
    private static final String OLD_ADDRESS = "99 Le Loi, District 3";
    private static Map<String, String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        tokens = SharedPlatform.get().demoTokens();
    }

    private static String url(String service, String path) {
        return SharedPlatform.url(service, path);
    }

    @Test
    void slice_consentCorrectionAndAuditTrailAcrossTheThreeServices() throws IOException {
        String subject = "cust-" + UUID.randomUUID();
        String storefront = tokens.get("STOREFRONT_TOKEN");

        // 1. consent, then the decision
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject,
                        "decisions", List.of(Map.of("purposeId", "marketing-email", "decision", "given")),
                        "method", "checkbox", "channel", "web", "collectionPoint", "signup-form",
                        "noticeVersion", "2026-01", "language", "en"))
                .post(url("consent-service", "/v1/consents")).then().statusCode(201);
        given().auth().oauth2(storefront).get(url("consent-service", "/v1/subjects/" + subject + "/decisions/marketing-email"))
                .then().statusCode(200).body("decision", equalTo("allow"));

        // 3. the shop hands the address to the carrier (disclosure ledger), then the customer corrects it: the
        //    example carrier applies the correction and acknowledges; the request completes
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "swift-shipping",
                        "categories", List.of("name", "shippingAddress"), "basis", "contract",
                        "disclosedAt", java.time.Instant.now().minusSeconds(60).toString()))
                .post(url("dsr-service", "/v1/disclosures")).then().statusCode(201);
        String requestId = given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "subjectId", subject, "jurisdiction", "VN",
                        "corrections", List.of(Map.of("field", "shippingAddress", "oldValue", OLD_ADDRESS,
                                "newValue", NEW_ADDRESS))))
                .post(url("dsr-service", "/v1/requests")).then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(storefront).get(url("dsr-service", "/v1/requests/" + requestId))
                        .then().statusCode(200).body("status", equalTo("completed"))
                        .body("notices[0].recipientId", equalTo("swift-shipping"))
                        .body("notices[0].outcome", equalTo("completed")));

        // 2 + 3. the audit log shows every step to shop-a's auditor, nothing to shop-b's, and verifies
        List<String> expected = List.of("dev.consentry.consent.given.v1",
                "dev.consentry.dsr.disclosure-recorded.v1", "dev.consentry.dsr.received.v1",
                "dev.consentry.dsr.verified.v1", "dev.consentry.dsr.partner-notified.v1",
                "dev.consentry.dsr.partner-replied.v1", "dev.consentry.dsr.completed.v1",
                "dev.consentry.partner.correction.v1", "dev.consentry.partner.reply.v1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> types = given().auth().oauth2(tokens.get("AUDITOR_TOKEN"))
                    .get(url("audit-service", "/v1/audit/subjects/" + subject + "/entries"))
                    .then().statusCode(200).extract().jsonPath().getList("entries.type");
            // consent, request and partner events travel on different topics: compare as sets, each exactly once;
            // the auditor's own reads are logged too (staff access) and left out here
            assertEquals(expected.stream().sorted().toList(), types.stream()
                    .filter(t -> !t.equals("dev.consentry.audit.staff-access.v1")).sorted().toList());
        });
        given().auth().oauth2(tokens.get("SHOP_B_AUDITOR_TOKEN"))
                .get(url("audit-service", "/v1/audit/subjects/" + subject + "/entries"))
                .then().statusCode(404);
        given().auth().oauth2(tokens.get("AUDITOR_TOKEN")).get(url("audit-service", "/v1/audit/verification"))
                .then().statusCode(200).body("valid", equalTo(true));

        // 4. an access request: the carrier answers with what it holds (the corrected address), one package comes back
        String accessId = given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "VN"))
                .post(url("dsr-service", "/v1/requests")).then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(storefront).get(url("dsr-service", "/v1/requests/" + accessId + "/package"))
                        .then().statusCode(200)
                        .body("systems[0].recipientId", equalTo("swift-shipping"))
                        .body("systems[0].data.shippingAddress", equalTo(NEW_ADDRESS))
                        .body("consents[0].purposeId", equalTo("marketing-email")));

        // No personal value in any service's log.
        try (Stream<Path> logs = Files.list(SharedPlatform.logs())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains("Nguyen Hue") || text.contains("Le Loi"), "address in " + log.getFileName());
                assertFalse(text.contains(subject), "subject id in " + log.getFileName());
            }
        }
    }
}
