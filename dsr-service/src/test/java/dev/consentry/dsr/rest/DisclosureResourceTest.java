package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** R4: the disclosure ledger, including requests from authorities with their agency and legal basis. */
@QuarkusTest
class DisclosureResourceTest {

    private final String subject = "cust-" + UUID.randomUUID();

    @BeforeEach
    void registry() {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        Fixtures.recipient("shop-a", "police-cyber-unit", "name", "phone");
    }

    private Map<String, Object> disclosure(String recipient, String basis) {
        Map<String, Object> d = new HashMap<>(Map.of("subjectId", subject, "recipientId", recipient,
                "categories", List.of("name", "phone"), "basis", basis,
                "disclosedAt", Instant.now().minusSeconds(60).toString()));
        return d;
    }

    @Test
    void R4_disclosureToAnAuthorityRecordsTheAgencyAndLegalBasis() {
        Map<String, Object> d = disclosure("police-cyber-unit", "authority_request");
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(d)
                .post("/v1/disclosures").then().statusCode(400)
                .body("type", equalTo("https://consentry.dev/problems/authority-details-missing"));
        d.put("authorityAgency", "Department of Cybersecurity and High-Tech Crime Prevention");
        d.put("authorityLegalBasis", "Law 91/2025 Art. 19 request no. 123/2026");
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(d)
                .post("/v1/disclosures").then().statusCode(201);
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].basis", equalTo("authority_request"))
                .body("[0].authorityAgency", equalTo("Department of Cybersecurity and High-Tech Crime Prevention"));
    }

    @Test
    void R4_ledgerIsPerTenantAndPerSubject() {
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(disclosure("swift-shipping", "contract")).post("/v1/disclosures").then().statusCode(201);
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).get("/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void disclosureBadInputAndRoles() {
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(disclosure("nobody-registered", "contract")).post("/v1/disclosures").then().statusCode(422);
        Map<String, Object> future = disclosure("swift-shipping", "contract");
        future.put("disclosedAt", Instant.now().plusSeconds(3600).toString());
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(future)
                .post("/v1/disclosures").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(disclosure("swift-shipping", "because")).post("/v1/disclosures").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("shop-a")).contentType(ContentType.JSON)
                .body(disclosure("swift-shipping", "contract")).post("/v1/disclosures").then().statusCode(403);
        given().contentType(ContentType.JSON).body(disclosure("swift-shipping", "contract"))
                .post("/v1/disclosures").then().statusCode(401);
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/disclosures", subject)
                .then().statusCode(403);
    }
}
