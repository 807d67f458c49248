package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.events.data.PurposeDefinedData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R7: an access request is answered with one package gathered from every system's reply. */
@QuarkusTest
class AccessFlowTest {

    @Inject
    SubjectKeys subjectKeys;

    private static final String TENANT = "shop-access";

    @Test
    void R7_accessPackageIsAssembledFromTwoPartnersReplies() {
        Fixtures.recipient(TENANT, "crm-db", "email", "name");
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress", "name");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");

        JsonPath filed = given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "EU"))
                .post("/v1/requests").then().statusCode(201)
                .body("status", equalTo("awaiting_partners"))
                .body("verification.method", equalTo("subject_token"))
                .body("notices", hasSize(2))
                .extract().jsonPath();
        String requestId = filed.getString("id");
        given().auth().oauth2(Tokens.subject(TENANT, subject)).get("/v1/requests/{id}/package", requestId)
                .then().statusCode(409).body("type", containsString("package-not-ready"));

        for (String recipient : List.of("crm-db", "swift-shipping")) {
            JsonNode task = KafkaTopics.awaitEvents(Topics.partnerNotices(recipient),
                    e -> requestId.equals(e.path("data").path("requestId").asText()), 1).get(0);
            assertEquals("dev.consentry.partner.access-task.v1", task.path("type").asText());
            assertEquals(List.of(), EventContract.violations(task));
            assertEquals(subject, task.path("data").path("subjectId").asText());
        }
        Fixtures.replyWithData(UUID.randomUUID().toString(), TENANT, filed.getString("notices.find { it.recipientId == 'crm-db' }.noticeId"),
                "crm-db", "completed", Map.of("email", "jane@example.org", "name", "Jane <script>alert(1)</script>",
                        "source", "sign-up form", "retention", "until account closure"));
        Fixtures.replyWithData(UUID.randomUUID().toString(), TENANT,
                filed.getString("notices.find { it.recipientId == 'swift-shipping' }.noticeId"),
                "swift-shipping", "completed", Map.of("shippingAddress", Fixtures.NEW_ADDRESS));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", requestId)
                        .then().body("status", equalTo("completed")));

        JsonPath pkg = given().auth().oauth2(Tokens.subject(TENANT, subject)).get("/v1/requests/{id}/package", requestId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(subject, pkg.getString("subjectId"));
        assertEquals(2, pkg.getList("systems").size());
        assertEquals("jane@example.org", pkg.getString("systems.find { it.recipientId == 'crm-db' }.data.email"));
        assertEquals(Fixtures.NEW_ADDRESS,
                pkg.getString("systems.find { it.recipientId == 'swift-shipping' }.data.shippingAddress"));
        assertEquals(List.of("swift-shipping"), pkg.getList("disclosures.recipientId"));

        String page = given().auth().oauth2(Tokens.dpo(TENANT)).accept("text/html")
                .get("/v1/requests/{id}/package/readable", requestId)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("jane@example.org")).body(containsString("Who received your data"))
                .body(not(containsString("<script>alert"))).extract().asString();
        assertTrue(page.contains("&lt;script&gt;"), "partner data is escaped on the page");
    }

    @Test
    void R7_U2_theReadablePackageSpeaksTheSubjectsLanguageWithPurposeNamesTheShopsNameAndPlainDates() throws Exception {
        String tenant = "shop-readable";
        String subject = "cust-" + UUID.randomUUID();
        Instant now = Instant.now();
        consentEvent(tenant, EventTypes.PURPOSE_DEFINED, null, new PurposeDefinedData("marketing-email", "consent",
                List.of(), List.of("email"), now.minus(Duration.ofDays(30)),
                Map.of("en", "E-mail marketing", "vi", "Tiếp thị qua e-mail", "ko", "이메일 마케팅"),
                Map.of("vi", "Tin tức và ưu đãi qua e-mail.", "en", "News and offers by e-mail.")));
        consentEvent(tenant, EventTypes.forConsentDecision("given"), subjectKeys.of(tenant, subject),
                new ConsentDecisionData(UUID.randomUUID().toString(), "marketing-email", "given",
                        now.minus(Duration.ofDays(2)), "checkbox", "web", "signup", "1", "subject"));
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON).body(Map.of(
                        "controllerName", "Shop Readable Co., Ltd.", "controllerAddress", "1 Lê Lợi, TP. Hồ Chí Minh",
                        "contactEmail", "privacy@readable.example", "complaintChannel", "https://readable.example/complaints"))
                .put("/v1/privacy-contact").then().statusCode(200);
        Fixtures.recipient(tenant, "crm-db", "email");
        String requestId = given().auth().oauth2(Tokens.subject(tenant, subject)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201).extract().path("id");
        String noticeId = given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/requests/{id}", requestId)
                .then().extract().path("notices[0].noticeId");
        Fixtures.replyWithData(UUID.randomUUID().toString(), tenant, noticeId, "crm-db", "completed",
                Map.of("email", "lan@example.org"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject(tenant, subject)).get("/v1/requests/{id}/package/readable?lang=vi", requestId)
                        .then().statusCode(200)
                        .body(containsString("<html lang=\"vi\">"))
                        .body(containsString("Shop Readable Co., Ltd.: Dữ liệu cá nhân của bạn"))
                        .body(containsString("Tiếp thị qua e-mail")).body(containsString("Tin tức và ưu đãi qua e-mail."))
                        .body(containsString("địa chỉ e-mail")).body(containsString("tháng"))
                        .body(not(containsString("marketing-email</td>"))));
        given().auth().oauth2(Tokens.subject(tenant, subject)).header("Accept-Language", "ko-KR,ko;q=0.9")
                .get("/v1/requests/{id}/package/readable", requestId).then().statusCode(200)
                .body(containsString("내 개인정보")).body(containsString("이메일 마케팅"));
        given().auth().oauth2(Tokens.subject(tenant, subject)).get("/v1/requests/{id}/package/readable?lang=fr", requestId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void consentEvent(String tenant, String type, String subjectKey, Object data) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/consentry/consent-service", type, Instant.now(), CloudEvent.JSON, tenant, subjectKey,
                EventContract.mapper().valueToTree(data));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
    }

    @Test
    void R7_thePackageIsOnlyForTheSubjectAndTheShop() {
        String tenant = "shop-portability";
        Fixtures.recipient(tenant, "crm-db", "email", "name");
        String subject = "cust-" + UUID.randomUUID();
        JsonPath filed = given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("type", "portability", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201).extract().jsonPath();
        String requestId = filed.getString("id");
        JsonNode task = KafkaTopics.awaitEvents(Topics.partnerNotices("crm-db"),
                e -> requestId.equals(e.path("data").path("requestId").asText()), 1).get(0);
        assertTrue(task.path("data").path("portable").asBoolean(), "portability asks for portable data");
        Fixtures.replyWithData(UUID.randomUUID().toString(), tenant, filed.getString("notices[0].noticeId"), "crm-db",
                "completed", Map.of("email", "p@example.org"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/requests/{id}/package", requestId)
                        .then().statusCode(200));

        given().auth().oauth2(Tokens.subject(tenant, "cust-someone-else")).get("/v1/requests/{id}/package", requestId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.dpo("shop-other")).get("/v1/requests/{id}/package", requestId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/requests/{id}/package", requestId)
                .then().statusCode(403);
        given().get("/v1/requests/{id}/package", requestId).then().statusCode(401);
    }
}
