package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.consent.MovableClock;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** U3: the banner's API — public settings, a visitor token limited to one visitor, GPC, and linking to a customer. */
@QuarkusTest
class BannerResourceTest {

    private static final String SHOP = "shop-banner";
    private final String visitor = "visitor-" + UUID.randomUUID();

    @Inject
    MovableClock clock;

    @BeforeEach
    void catalogue() {
        Fixtures.purpose(SHOP, "analytics", "consent", Map.of("consentModeTypes", List.of("analytics_storage"),
                "names", Map.of("en", "Analytics", "vi", "Phân tích"),
                "descriptions", Map.of("en", "Counting visits.", "vi", "Đếm lượt truy cập.")));
        Fixtures.purpose(SHOP, "ads", "consent", Map.of("saleOrSharing", true,
                "consentModeTypes", List.of("ad_storage", "ad_user_data", "ad_personalization")));
        Fixtures.purpose(SHOP, "orders", "contract");
    }

    private String token(String visitorId, Integer minutes) {
        Map<String, Object> body = minutes == null ? Map.of("visitorId", visitorId) : Map.of("visitorId", visitorId, "minutes", minutes);
        return given().auth().oauth2(Tokens.storefront(SHOP)).contentType(ContentType.JSON).body(body)
                .post("/v1/visitor-tokens").then().statusCode(201).header("Cache-Control", "no-store")
                .body("visitorId", equalTo(visitorId)).extract().path("token");
    }

    private static Map<String, Object> choice(String analytics, String ads) {
        return Map.of("decisions", List.of(Map.of("purposeId", "analytics", "decision", analytics),
                Map.of("purposeId", "ads", "decision", ads)), "language", "vi");
    }

    @Test
    void U3_theBannerSettingsArePublicInTheVisitorsLanguageWithoutPurposesNeededForOrders() {
        given().get("/v1/banner/{t}/config?lang=vi", SHOP).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("language", equalTo("vi"))
                .body("purposes.id", equalTo(List.of("ads", "analytics")))
                .body("purposes.find { it.id == 'analytics' }.name", equalTo("Phân tích"))
                .body("purposes.find { it.id == 'analytics' }.description", equalTo("Đếm lượt truy cập."))
                .body("purposes.find { it.id == 'ads' }.saleOrSharing", equalTo(true));
        given().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, consentry-visitor")
                .options("/v1/banner/consents").then().statusCode(204)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Consentry-Visitor"));
        given().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "GET")
                .options("/v1/purposes").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void U3_rejectAllRecordsRefusalsAndTheConsentModeViewStaysDenied() {
        String token = token(visitor, null);
        given().header("Consentry-Visitor", token).get("/v1/banner/state").then().statusCode(200)
                .body("undecided", equalTo(true));
        given().header("Consentry-Visitor", token).contentType(ContentType.JSON).body(choice("refused", "refused"))
                .post("/v1/banner/consents").then().statusCode(201).body("records.decision", equalTo(List.of("refused", "refused")));
        given().header("Consentry-Visitor", token).get("/v1/banner/state").then().statusCode(200)
                .body("undecided", equalTo(false))
                .body("consentMode.analytics_storage", equalTo("denied"))
                .body("consentMode.ad_storage", equalTo("denied"));
        given().auth().oauth2(Tokens.storefront(SHOP)).get("/v1/subjects/{s}/consents", visitor).then()
                .body("method", everyItemIs("button")).body("collectionPoint", everyItemIs("banner"))
                .body("channel", everyItemIs("web"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.hamcrest.Matcher everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void U3_C11_withGpcASaleOrSharingPurposeIsNeverGrantedWhateverWasPressed() {
        String token = token(visitor, null);
        given().header("Consentry-Visitor", token).header("Sec-GPC", "1").contentType(ContentType.JSON)
                .body(choice("given", "given")).post("/v1/banner/consents").then().statusCode(201)
                .body("gpcApplied", equalTo(true))
                .body("records.find { it.purposeId == 'ads' }.decision", equalTo("refused"))
                .body("records.find { it.purposeId == 'analytics' }.decision", equalTo("given"));
        given().header("Consentry-Visitor", token).get("/v1/banner/state").then()
                .body("consentMode.analytics_storage", equalTo("granted"))
                .body("consentMode.ad_storage", equalTo("denied"))
                .body("consentMode.ad_personalization", equalTo("denied"));
    }

    @Test
    void U3_aVisitorTokenActsForItsVisitorOnlyAndIsNoApiToken() {
        String mine = token(visitor, null);
        String other = "visitor-" + UUID.randomUUID();
        // the subject is the token's: a body naming another subject is refused, not obeyed
        Map<String, Object> naming = new java.util.HashMap<>(choice("given", "refused"));
        naming.put("subjectId", other);
        given().header("Consentry-Visitor", mine).contentType(ContentType.JSON).body(naming)
                .post("/v1/banner/consents").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.storefront(SHOP)).get("/v1/subjects/{s}/consents", other).then().body("size()", equalTo(0));
        // a visitor token opens nothing of the API
        given().auth().oauth2(mine).get("/v1/subjects/{s}/decisions/analytics", visitor).then().statusCode(401);
        given().header("Consentry-Visitor", mine).get("/v1/subjects/{s}/decisions/analytics", visitor).then().statusCode(401);
        // a token whose visitor was changed does not verify
        String[] parts = mine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(visitor, other);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().header("Consentry-Visitor", forged).get("/v1/banner/state").then().statusCode(401)
                .body("type", equalTo("https://consentry.dev/problems/visitor-token-invalid"));
        given().get("/v1/banner/state").then().statusCode(401)
                .body("type", equalTo("https://consentry.dev/problems/visitor-token-missing"));
        // only a storefront mints them
        given().auth().oauth2(Tokens.subject(SHOP, visitor)).contentType(ContentType.JSON).body(Map.of("visitorId", visitor))
                .post("/v1/visitor-tokens").then().statusCode(403);
        given().auth().oauth2(Tokens.storefront(SHOP)).contentType(ContentType.JSON).body(Map.of("visitorId", visitor, "minutes", 600))
                .post("/v1/visitor-tokens").then().statusCode(400);
    }

    @Test
    void U3_aVisitorTokenIsRefusedOnceExpired() {
        String token = token(visitor, 5);
        given().header("Consentry-Visitor", token).get("/v1/banner/state").then().statusCode(200);
        clock.advance(Duration.ofMinutes(6));
        try {
            given().header("Consentry-Visitor", token).get("/v1/banner/state").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://consentry.dev/problems/visitor-token-expired"));
            given().header("Consentry-Visitor", token).contentType(ContentType.JSON).body(choice("given", "given"))
                    .post("/v1/banner/consents").then().statusCode(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void U3_aVisitorWhoSignsInBringsTheirBannerChoicesWithoutOverwritingTheCustomersNewerOnes() {
        String customer = "cust-" + UUID.randomUUID();
        given().header("Consentry-Visitor", token(visitor, null)).contentType(ContentType.JSON)
                .body(choice("given", "refused")).post("/v1/banner/consents").then().statusCode(201);
        clock.advance(Duration.ofMinutes(1));
        try {
            // the customer decided on ads later, elsewhere
            given().auth().oauth2(Tokens.storefront(SHOP)).contentType(ContentType.JSON)
                    .body(Fixtures.form(customer, "ads", "given")).post("/v1/consents").then().statusCode(201);
            given().auth().oauth2(Tokens.storefront(SHOP)).contentType(ContentType.JSON).body(Map.of("visitorId", visitor))
                    .post("/v1/subjects/{c}/visitor-links", customer).then().statusCode(200)
                    .body("records.purposeId", equalTo(List.of("analytics")));
            given().auth().oauth2(Tokens.storefront(SHOP)).get("/v1/subjects/{c}/decisions/analytics", customer)
                    .then().body("decision", equalTo("allow"));
            given().auth().oauth2(Tokens.storefront(SHOP)).get("/v1/subjects/{c}/decisions/ads", customer)
                    .then().body("decision", equalTo("allow"));
            given().auth().oauth2(Tokens.storefront(SHOP)).get("/v1/subjects/{c}/consents", customer).then()
                    .body("find { it.purposeId == 'analytics' }.collectionPoint", equalTo("banner-link"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void U3_theBannerScriptStaysUnder15KilobytesCompressedAndUsesNoEval() throws Exception {
        byte[] script;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/banner/v1/consentry-banner.js")) {
            script = in.readAllBytes();
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(script);
        }
        System.out.printf("consentry-banner.js: %d bytes, %d gzip-compressed (limit 15360)%n", script.length, compressed.size());
        assertTrue(compressed.size() <= 15 * 1024, "compressed size " + compressed.size());
        String source = new String(script, StandardCharsets.UTF_8);
        assertTrue(!source.contains("eval(") && !source.contains("new Function") && !source.contains("innerHTML")
                && !source.contains("setAttribute('style'"), "nothing a strict CSP forbids");
        given().get("/banner/v1/consentry-banner.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
    }
}
