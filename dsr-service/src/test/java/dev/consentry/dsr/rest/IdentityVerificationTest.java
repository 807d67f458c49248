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

/** R2, S4: a request received by phone, letter or e-mail waits for a one-time code sent to the contact the shop registered. */
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

    /** The shop registers its customer's verified address, as the storefront does at sign-up. */
    private static void registerContact(String subject, String email) {
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(Map.of("email", email))
                .put("/v1/subjects/{s}/contact", subject).then().statusCode(204);
    }

    /** A correction filed by the privacy officer for a subject whose address went to the carrier. */
    private static String fileByStaff(String subject, String email) {
        registerContact(subject, email);
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");
        Map<String, Object> form = new HashMap<>(Fixtures.correction(subject));
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

    /** Issue 13, finding 2: whoever calls as the customer cannot have the code sent to an address of their own. */
    @Test
    void S4_R2_theCodeGoesOnlyToTheContactTheShopRegisteredForTheSubject() {
        String subject = "cust-" + UUID.randomUUID();
        String registered = email();
        String callers = email();
        registerContact(subject, registered);
        Map<String, Object> form = new HashMap<>(Fixtures.correction(subject));
        form.put("contact", Map.of("email", callers));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form).post("/v1/requests")
                .then().statusCode(422).body("type", containsString("contact-not-accepted"));
        form.remove("contact");
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form).post("/v1/requests")
                .then().statusCode(201).body("verification.awaiting", equalTo("one_time_code"));
        assertEquals(1, mailbox.getMailsSentTo(registered).size());
        assertEquals(0, mailbox.getMailsSentTo(callers).size());
        // only the shop registers contacts
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(Map.of("email", callers))
                .put("/v1/subjects/{s}/contact", subject).then().statusCode(403);
        given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON).body(Map.of("email", callers))
                .put("/v1/subjects/{s}/contact", subject).then().statusCode(403);
    }

    @Test
    void R2_withoutARegisteredContactTheRequestWaitsForTheOfficersRecordedProof() {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");
        String id = given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201)
                .body("status", equalTo("received"))
                .body("verification.awaiting", equalTo("recorded_proof"))
                .body("notices", hasSize(0)).extract().path("id");
        // a contact registered after the request was received does not count for it
        registerContact(subject, email());
        confirm(id, "123456").statusCode(409);

        Map<String, Object> proof = Map.of("method", "identity_document", "proofReference", "passport checked, file 2026-117");
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(proof)
                .post("/v1/requests/{id}/verification/proof", id).then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(proof)
                .post("/v1/requests/{id}/verification/proof", id).then().statusCode(200)
                .body("status", equalTo("awaiting_partners"))
                .body("verification.method", equalTo("recorded_proof"))
                .body(org.hamcrest.Matchers.not(containsString("2026-117")));
    }

    /** Issue 13, finding 4: guessing codes across requests is slowed per caller (S6). */
    @Test
    void S6_codeConfirmationsAreRateLimitedPerCaller() {
        String bot = Tokens.withRoles(TENANT, "storefront-bot-" + UUID.randomUUID(), "storefront");
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(bot).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                    .post("/v1/requests/{id}/verification", UUID.randomUUID().toString()).then().statusCode(404);
        }
        given().auth().oauth2(bot).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/v1/requests/{id}/verification", UUID.randomUUID().toString()).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    /** S4: a subject's own token never acts as its own guardian or agent. */
    @Test
    void S4_aSubjectsOwnTokenCannotFileAsItsRepresentative() {
        String subject = "cust-" + UUID.randomUUID();
        Map<String, Object> form = new HashMap<>(Fixtures.correction(subject));
        form.put("representative", Map.of("relationship", "guardian", "name", "Me", "proofType", "none",
                "proofReference", "trust me"));
        given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON).body(form)
                .post("/v1/requests").then().statusCode(422).body("type", containsString("representative-not-allowed"));
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
