package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.model.VerificationChallenge;
import dev.consentry.testkit.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** R2: a request received by phone, letter or e-mail waits for a one-time code sent to the contact on file. */
@QuarkusTest
class IdentityVerificationTest {

    private static final String TENANT = "shop-otp";
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void registry() {
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress");
    }

    private static String email() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A correction filed by the privacy officer for a subject whose address went to the carrier. */
    private static String fileByStaff(String subject, String email) {
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");
        Map<String, Object> form = new HashMap<>(Fixtures.correction(subject));
        form.put("contact", Map.of("email", email));
        return given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form)
                .post("/v1/requests").then().statusCode(201)
                .body("status", equalTo("received"))
                .body("notices", hasSize(0))
                .body("verification.codeSentTo", equalTo("email"))
                .body("verification.attemptsLeft", equalTo(5))
                .extract().path("id");
    }

    private String lastCode(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertFalse(mails.isEmpty(), "a code was mailed to the contact on file");
        Matcher m = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertEquals(true, m.find(), "the mail carries a six-digit code");
        return m.group(1);
    }

    private static io.restassured.response.ValidatableResponse confirm(String id, String code) {
        return given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("code", code)).post("/v1/requests/{id}/verification", id).then();
    }

    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void R2_staffFiledRequestChangesNothingUntilTheCodeIsConfirmedThenSendsItsNotices() {
        String email = email();
        String id = fileByStaff("cust-" + UUID.randomUUID(), email);
        String code = lastCode(email);

        confirm(id, code).statusCode(200)
                .body("status", equalTo("awaiting_partners"))
                .body("verification.method", equalTo("one_time_code"))
                .body("verification.codeSentTo", nullValue())
                .body("notices", hasSize(1))
                .body("notices[0].recipientId", equalTo("swift-shipping"));
        confirm(id, code).statusCode(409).body("type", containsString("not-awaiting-verification"));
    }

    @Test
    void R2_wrongCodesAreCountedAndTheCodeLocksAfterTheLastAttemptUntilANewOneIsSent() {
        String email = email();
        String id = fileByStaff("cust-" + UUID.randomUUID(), email);
        String code = lastCode(email);
        for (int left = 4; left >= 1; left--) {
            confirm(id, otherCode(code)).statusCode(422).body("type", containsString("verification-code-wrong"))
                    .body("detail", containsString(left + " attempt"));
        }
        confirm(id, otherCode(code)).statusCode(422).body("type", containsString("verification-locked"));
        confirm(id, code).statusCode(422).body("type", containsString("verification-locked"));
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", id).then()
                .body("status", equalTo("received")).body("notices", hasSize(0));

        given().auth().oauth2(Tokens.dpo(TENANT)).post("/v1/requests/{id}/verification/code", id).then().statusCode(200)
                .body("verification.attemptsLeft", equalTo(5));
        String second = lastCode(email);
        if (!second.equals(code)) {
            confirm(id, code).statusCode(422).body("type", containsString("verification-code-wrong"));
        }
        confirm(id, second).statusCode(200).body("status", equalTo("awaiting_partners"));
    }

    @Test
    void R2_anExpiredCodeIsRefused() throws Throwable {
        String email = email();
        String id = fileByStaff("cust-" + UUID.randomUUID(), email);
        String code = lastCode(email);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> VerificationChallenge
                .update("expiresAt = ?1 where requestId = ?2", Instant.now().minusSeconds(1), UUID.fromString(id))));
        confirm(id, code).statusCode(422).body("type", containsString("verification-code-expired"));
    }

    @Test
    void R2_onlyAFewCodesMayBeSentForOneRequest() {
        String email = email();
        String id = fileByStaff("cust-" + UUID.randomUUID(), email);
        for (int i = 2; i <= 5; i++) {
            given().auth().oauth2(Tokens.dpo(TENANT)).post("/v1/requests/{id}/verification/code", id).then().statusCode(200);
        }
        given().auth().oauth2(Tokens.dpo(TENANT)).post("/v1/requests/{id}/verification/code", id).then().statusCode(422)
                .body("type", containsString("verification-sends-exhausted"));
        assertEquals(5, mailbox.getMailsSentTo(email).size());
    }

    @Test
    void R2_aStaffFiledRequestNamesTheContactOnFile() {
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Fixtures.correction("cust-" + UUID.randomUUID())).post("/v1/requests")
                .then().statusCode(400).body("type", containsString("contact-missing"));
        Map<String, Object> form = new HashMap<>(Fixtures.correction("cust-" + UUID.randomUUID()));
        form.put("contact", Map.of("email", "not an address"));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form).post("/v1/requests")
                .then().statusCode(400);
    }

    @Test
    void R2_aGuardianActsWithRecordedProof() {
        Map<String, Object> form = new HashMap<>(Fixtures.correction("cust-" + UUID.randomUUID()));
        form.put("representative", Map.of("relationship", "guardian", "name", "Parent Name",
                "proofType", "birth_certificate", "proofReference", "BC-2019-0042"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(form).post("/v1/requests")
                .then().statusCode(201).body("verification.representative", equalTo("guardian"))
                .body("verification.method", equalTo("storefront_assertion"))
                .body(org.hamcrest.Matchers.not(containsString("BC-2019-0042")));
        form.put("representative", Map.of("relationship", "guardian", "name", "Parent Name"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(form).post("/v1/requests")
                .then().statusCode(400);
    }

    @Test
    void R2_codesAreConfirmedOnlyWithinTheTenantAndByTheRightRoles() {
        String email = email();
        String id = fileByStaff("cust-" + UUID.randomUUID(), email);
        String code = lastCode(email);
        given().auth().oauth2(Tokens.storefront("shop-other")).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/v1/requests/{id}/verification", id).then().statusCode(404);
        given().auth().oauth2(Tokens.subject(TENANT, "cust-x")).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/v1/requests/{id}/verification", id).then().statusCode(403);
        given().auth().oauth2(Tokens.storefront(TENANT)).post("/v1/requests/{id}/verification/code", id)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/v1/requests/{id}/verification", id).then().statusCode(401);
        confirm(id, "12ab").statusCode(400);
        confirm(id, code).statusCode(200);
    }
}
