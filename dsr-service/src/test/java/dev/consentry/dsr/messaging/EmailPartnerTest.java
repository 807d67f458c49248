package dev.consentry.dsr.messaging;

import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.MovableClock;
import dev.consentry.testkit.Tokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P2: a partner without Kafka or HTTP gets a readable e-mail and answers through a link that works once, until it expires. */
@QuarkusTest
class EmailPartnerTest {

    private static final String TENANT = "shop-mailed";
    private static final String PARTNER_EMAIL = "privacy@small-supplier.example";
    private static final Pattern LINK = Pattern.compile("/v1/notice-answers/([A-Za-z0-9._-]+)");

    @Inject
    MockMailbox mailbox;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private static String correction(String subject) {
        Fixtures.disclosure(TENANT, subject, "small-supplier", "shippingAddress");
        return given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().path("id");
    }

    private String linkFor(String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.getMailsSentTo(PARTNER_EMAIL).stream()
                .anyMatch(m -> m.getText().contains(subject)));
        Mail mail = mailbox.getMailsSentTo(PARTNER_EMAIL).stream().filter(m -> m.getText().contains(subject))
                .findFirst().orElseThrow();
        assertTrue(mail.getText().contains("Change shippingAddress to: " + Fixtures.NEW_ADDRESS), mail.getText());
        assertFalse(mail.getText().contains(Fixtures.OLD_ADDRESS), "no more personal data than the notice needs");
        Matcher m = LINK.matcher(mail.getText());
        assertTrue(m.find(), mail.getText());
        return m.group(1);
    }

    @Test
    void P2_anEmailPartnerAnswersThroughALinkThatWorksOnce() {
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("id", "small-supplier", "name", "Small Supplier", "delivery", "email", "email", PARTNER_EMAIL))
                .post("/v1/partners").then().statusCode(201).body("email", equalTo(PARTNER_EMAIL));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("partnerId", "small-supplier", "name", "Small Supplier", "kind", "other",
                        "dataCategories", List.of("shippingAddress"), "replyWithinDays", 5))
                .post("/v1/recipients").then().statusCode(201);
        String subject = "cust-" + UUID.randomUUID();
        String requestId = correction(subject);
        String token = linkFor(subject);

        // the link names its shop; the same token under another shop's name leads nowhere
        assertTrue(token.startsWith(TENANT + "."), token);
        given().get("/v1/notice-answers/{token}", "shop-other" + token.substring(TENANT.length())).then().statusCode(404);

        // opening the link (as a mail scanner would) changes nothing
        given().get("/v1/notice-answers/{token}", token).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("name=\"outcome\""));
        given().get("/v1/notice-answers/{token}", token).then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("outcome", "exception")
                .post("/v1/notice-answers/{token}", token).then().statusCode(400);
        given().contentType(ContentType.URLENC).formParam("outcome", "completed")
                .post("/v1/notice-answers/{token}", token).then().statusCode(200).body(containsString("Thank you"));
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", requestId).then()
                .body("status", equalTo("completed"));
        given().contentType(ContentType.URLENC).formParam("outcome", "not_found")
                .post("/v1/notice-answers/{token}", token).then().statusCode(410);
        given().get("/v1/notice-answers/{token}", "not-a-token").then().statusCode(404);

        // a link past its notice's reply date and the grace period no longer works
        String later = "cust-" + UUID.randomUUID();
        correction(later);
        String stale = linkFor(later);
        clock.advance(Duration.ofDays(13));
        given().get("/v1/notice-answers/{token}", stale).then().statusCode(410).body(containsString("expired"));
    }
}
