package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * U2: the customers' privacy center in headless Chromium, with a Vietnamese browser, against the platform started as
 * ./consentry-local starts it: shop-a's demo customer agreed to e-mail marketing and analytics at sign-up, and the
 * example carrier holds their address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyCenterBrowserTest {

    private static final String CUSTOMER = LocalPlatform.CUSTOMERS.get(0).subject();
    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static String storefront;

    @BeforeAll
    static void start() throws Exception {
        platform = SharedPlatform.get();
        storefront = platform.token("shop-a", "storefront-shop-a", "storefront");
        browser = HeadlessChromium.start("vi-VN,vi", Files.createTempDirectory("center-downloads"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String path) {
        browser.get(platform.consoleUrl() + path);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    @Order(1)
    void U2_theCustomerSignsInAndSeesEachPurposeInTheirLanguageWithWhatItMeansAndWhoReceivesIt() throws Exception {
        open("/me");
        assertTrue(browser.getCurrentUrl().startsWith(platform.identityProviderUrl() + "/auth?"),
                "the center sends a customer without a session to the shop's identity provider");
        assertTrue(browser.findElements(By.id("login-shop-a-dpo")).isEmpty(), "the customers' client offers no officer");
        browser.findElement(By.id("login-shop-a-customer")).click();
        HeadlessChromium.awaitAddress(browser, platform.consoleUrl());
        assertTrue(browser.getCurrentUrl().startsWith(platform.consoleUrl() + "/me"), browser.getCurrentUrl());
        assertEquals("Lựa chọn quyền riêng tư của bạn", browser.findElement(By.tagName("h1")).getText());
        assertTrue(text("customer").contains("Phạm Thị Lan"));
        String marketing = text("purpose-marketing-email");
        assertTrue(marketing.contains("Tiếp thị qua e-mail") && marketing.contains("tối đa mỗi tuần một lần"),
                "the purpose's name and what it means, in Vietnamese: " + marketing);
        assertEquals("true", browser.findElement(By.id("state-marketing-email")).getAttribute("data-allowed"),
                "agreed at sign-up");
        assertTrue(text("purpose-order-fulfilment").contains("Swift Shipping Co."),
                "a purpose needed for orders names who receives the data");
        assertTrue(browser.findElements(By.id("give-order-fulfilment")).isEmpty()
                && browser.findElements(By.id("withdraw-order-fulfilment")).isEmpty(), "no switch for a contract");
        assertTrue(text("contact").contains("privacy@shop-a.example"), "the shop's privacy contact (R13)");
        HeadlessChromium.screenshot(browser, "center-choices.png");
    }

    @Test
    @Order(2)
    void U2_aKoreanBrowserGetsKoreanAndTheCatalogueNamesInKorean() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + "/me"))
                .header("Cookie", cookies()).header("Accept-Language", "ko-KR,ko;q=0.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("개인정보 선택") && page.body().contains("이메일 마케팅"), "Korean words and names");
        assertTrue(page.body().contains("lang=\"ko\""));
    }

    @Test
    @Order(3)
    void U2_C6_turningMarketingOffIsOneStepAndTheDecisionApiAnswersDenyAtOnce() {
        browser.findElement(By.id("withdraw-marketing-email")).click();
        assertTrue(browser.findElement(By.id("done")).isDisplayed());
        assertEquals("false", browser.findElement(By.id("state-marketing-email")).getAttribute("data-allowed"));
        given().auth().oauth2(storefront)
                .get(SharedPlatform.url("consent-service", "/v1/subjects/" + CUSTOMER + "/decisions/marketing-email"))
                .then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo("deny"));
        JsonPath latest = given().auth().oauth2(storefront)
                .get(SharedPlatform.url("consent-service", "/v1/subjects/" + CUSTOMER + "/consents?size=100"))
                .then().statusCode(200).extract().jsonPath();
        List<String> points = latest.getList("findAll { it.purposeId == 'marketing-email' && it.decision == 'withdrawn' }.collectionPoint");
        assertEquals(List.of("privacy-center"), points, "the withdrawal is a record of the privacy center's own");
        assertEquals("toggle", latest.getString("find { it.collectionPoint == 'privacy-center' }.method"));
        assertEquals("web", latest.getString("find { it.collectionPoint == 'privacy-center' }.channel"));
        assertTrue(text("history").contains("privacy-center"), "the history shows the change");
    }

    @Test
    @Order(4)
    void U2_theReceiptOfAChoiceIsReadableAndDownloadableSigned() throws Exception {
        String href = browser.findElement(By.id("signed-receipt-analytics-cookies")).getAttribute("href");
        HttpResponse<String> signed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signed.statusCode());
        assertTrue(signed.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(signed.body().contains("\"jws\"") && signed.body().contains("verifyWith"), "a signed receipt");
        browser.findElement(By.id("receipt-analytics-cookies")).click();
        String receipt = browser.getPageSource();
        assertTrue(receipt.contains("Biên nhận đồng ý") && receipt.contains("Cookie phân tích")
                && receipt.contains("Bạn đã đồng ý"), "the printable receipt in the customer's language");
        browser.navigate().back();
    }

    @Test
    @Order(5)
    void U2_R7_theCustomerAsksForTheirDataAndReadsAndDownloadsItOnceTheCarrierAnswered() throws Exception {
        open("/me/requests");
        browser.findElement(By.id("type-access")).click();
        browser.findElement(By.id("file-request")).click();
        assertTrue(browser.findElement(By.id("done")).isDisplayed(), "filed");
        // while the request is open the customer sees when the answer is due; the carrier may have answered already
        String status = browser.findElement(By.id("status")).getAttribute("data-status");
        assertTrue("completed".equals(status) || !text("due").isBlank(), "the customer sees when the answer is due");
        String requestUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.get(requestUrl);
            return !browser.findElements(By.id("package-json")).isEmpty();
        });
        HeadlessChromium.screenshot(browser, "center-request.png");
        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.findElement(By.id("package-json")).getAttribute("href")))
                .header("Cookie", cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains(LocalPlatform.DEMO_RECIPIENT), "the carrier's answer is in the package");
        browser.findElement(By.id("package-readable")).click();
        String readable = browser.getPageSource();
        assertTrue(readable.contains("Shop A Co., Ltd.: Dữ liệu cá nhân của bạn"), "the shop's name, in Vietnamese");
        assertTrue(readable.contains("Swift Shipping Co.") && readable.contains("Tiếp thị qua e-mail"),
                "the carrier's answer and the purposes by name");
        String id = requestUrl.substring(requestUrl.lastIndexOf('/') + 1);
        open("/me/requests");
        assertEquals("completed", browser.findElement(By.cssSelector("#requests tr[data-request='" + id + "']"))
                .getAttribute("data-status"), "the list shows the answered request");
        assertTrue(text("requests").contains("hoàn tất"), "in the customer's words");
    }

    @Test
    @Order(6)
    void U2_R1_theCustomerObjectsToAUseAndAFormWithoutAPurposeIsRefusedInPlainWords() {
        open("/me/requests");
        browser.findElement(By.id("type-objection")).click();
        browser.findElement(By.id("file-request")).click();
        assertEquals("400", browser.findElement(By.id("problem")).getAttribute("data-status"),
                "an objection without a purpose is refused by the form");
        assertTrue(text("problem").contains("purposes"), "naming the field: " + text("problem"));
        open("/me/requests");
        browser.findElement(By.id("type-objection")).click();
        browser.findElement(By.id("object-analytics-cookies")).click();
        browser.findElement(By.id("file-request")).click();
        assertTrue(browser.findElement(By.id("done")).isDisplayed(), "filed");
        String id = browser.getCurrentUrl().replaceAll("\\?.*", "").replaceAll(".*/", "");
        given().auth().oauth2(storefront).get(SharedPlatform.url("dsr-service", "/v1/requests/" + id))
                .then().statusCode(200).body("type", org.hamcrest.Matchers.equalTo("objection"));
    }

    @Test
    @Order(7)
    void U2_aCustomerSeesNoOneElsesRequest() {
        String someoneElses = given().auth().oauth2(platform.token("shop-a", "dpo-shop-a", "dpo"))
                .get(SharedPlatform.url("dsr-service", "/v1/subjects/cust-letter/requests"))
                .then().statusCode(200).extract().path("[0].id");
        open("/me/requests/" + someoneElses);
        assertEquals("404", browser.findElement(By.id("problem")).getAttribute("data-status"));
        assertFalse(browser.getPageSource().contains("cust-letter"));
    }

    @Test
    @Order(8)
    void U2_signingOutEndsTheCustomersSessionHereAndAtTheProvider() {
        browser.findElement(By.cssSelector("form[action='/me/logout'] button")).click();
        // the provider's logout and its redirect back take a moment after the click: fails after 15 s if never back
        HeadlessChromium.awaitAddress(browser, platform.consoleUrl() + "/me/signed-out");
        open("/me");
        assertTrue(browser.getCurrentUrl().startsWith(platform.identityProviderUrl()), "signed out: asked to sign in again");
    }

    private static String cookies() {
        return HeadlessChromium.cookies(browser);
    }
}
