package dev.consentry.consent.rest;

import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The purpose catalogue: C1's purposes with their legal basis, categories, recipients and transfer terms (C8). */
@QuarkusTest
class PurposeResourceTest {

    private final String dpo = Tokens.dpo("shop-catalogue");

    private static Map<String, Object> crossBorderPurpose(String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("legalBasis", "consent");
        p.put("optional", true);
        p.put("names", Map.of("en", "Order data to our Korean fulfilment partner", "vi", "Chuyển dữ liệu sang Hàn Quốc",
                "ko", "한국 물류 파트너에게 주문 정보 제공"));
        p.put("dataCategories", List.of("name", "shippingAddress", "phone"));
        p.put("recipients", List.of("seoul-logistics"));
        p.put("retention", "P1Y");
        p.put("crossBorder", Map.of("country", "KR", "recipient", "Seoul Logistics Co.",
                "dataItems", List.of("name", "shippingAddress", "phone"), "retention", "P1Y",
                "howToRefuse", "Untick the box at checkout or write to privacy@shop.example"));
        return p;
    }

    @Test
    void C8_crossBorderPurposeNamesCountryRecipientItemsRetentionAndHowToRefuse() {
        String id = "transfer-kr-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(crossBorderPurpose(id))
                .post("/v1/purposes").then().statusCode(201)
                .body("crossBorder.country", equalTo("KR"))
                .body("crossBorder.recipient", equalTo("Seoul Logistics Co."))
                .body("crossBorder.dataItems", hasItem("shippingAddress"))
                .body("crossBorder.retention", equalTo("P1Y"))
                .body("crossBorder.howToRefuse", equalTo("Untick the box at checkout or write to privacy@shop.example"));
        given().auth().oauth2(Tokens.storefront("shop-catalogue")).get("/v1/purposes")
                .then().body("find { it.id == '" + id + "' }.names.ko", equalTo("한국 물류 파트너에게 주문 정보 제공"));
    }

    @Test
    void U2_aPurposeSaysWhatItMeansInEachLanguageAndAnOverlongOrUnknownLanguageIsRefused() {
        String id = "newsletter-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> p = new HashMap<>(Map.of("id", id, "legalBasis", "consent", "optional", true,
                "names", Map.of("en", "Newsletter", "vi", "Bản tin"),
                "descriptions", Map.of("en", "Our news by e-mail once a month.", "vi", "Tin tức qua e-mail mỗi tháng một lần.")));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(201)
                .body("descriptions.vi", equalTo("Tin tức qua e-mail mỗi tháng một lần."));
        given().auth().oauth2(Tokens.subject("shop-catalogue", "cust-reader")).get("/v1/purposes")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.descriptions.en", equalTo("Our news by e-mail once a month."));

        p.put("id", id + "-long");
        p.put("descriptions", Map.of("en", "x".repeat(1001)));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(400)
                .contentType("application/problem+json");
        p.put("descriptions", Map.of("english", "Our news"));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(400);
    }

    @Test
    void C8_crossBorderTermsWithoutCountryOrWayToRefuseAreRefused() {
        Map<String, Object> p = crossBorderPurpose("transfer-bad");
        p.put("crossBorder", Map.of("recipient", "Somewhere Ltd", "dataItems", List.of("name"), "retention", "P1Y"));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes")
                .then().statusCode(400)
                .body("errors.field", hasItem("crossBorder.country"))
                .body("errors.field", hasItem("crossBorder.howToRefuse"));
    }

    @Test
    void C1_purposeIsNeverBundled_eachIdIsOnePurposeAndExistingOnesAreNotRedefined() {
        String id = "marketing-sms-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> p = Map.of("id", id, "legalBasis", "consent", "optional", true, "names", Map.of("en", "SMS"));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(201);
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void sensitiveCategoriesMustBeListedAndPeriodsMustBeIso() {
        Map<String, Object> p = new HashMap<>(Map.of("id", "health-x", "legalBasis", "consent", "optional", true,
                "names", Map.of("en", "x"), "dataCategories", List.of("name"), "sensitiveCategories", List.of("health")));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(400)
                .body("type", equalTo("https://consentry.dev/problems/sensitive-not-listed"));
        p.put("sensitiveCategories", List.of());
        p.put("validity", "one year");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(p).post("/v1/purposes").then().statusCode(400)
                .body("errors.field", hasItem("validity"));
    }
}
