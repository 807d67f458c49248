package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * U3: the consent banner on the demo storefront (strict Content-Security-Policy) in headless Chromium with a
 * Vietnamese browser: refusing is as easy as accepting, choices become consent records, Google Consent Mode gets
 * Consentry's view, and a Global Privacy Control signal keeps sale and sharing off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentBannerBrowserTest {

    private static final List<String> TYPES = List.of("ad_storage", "analytics_storage", "ad_user_data", "ad_personalization");
    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static String storefront;

    @BeforeAll
    static void start() throws Exception {
        platform = SharedPlatform.get();
        storefront = platform.token("shop-a", "storefront-shop-a", "storefront");
        browser = HeadlessChromium.start("vi-VN,vi", Files.createTempDirectory("banner-downloads"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void thePolicyWasNeverViolated() {
        assertEquals(List.of(), browser.executeScript("return window.cspViolations || [];"), "violations seen by the page");
        assertEquals(List.of(), platform.demoShop().violationReports(), "violation reports sent to the shop");
    }

    /** A new visitor on the shop's page: no cookie yet, so a new anonymous visitor id and no decision. */
    private static WebElement newVisitorSeesTheBanner(ChromeDriver on) {
        on.get(platform.demoShop().url() + "/");
        on.manage().deleteAllCookies();
        on.get(platform.demoShop().url() + "/");
        return banner(on);
    }

    private static WebElement banner(ChromeDriver on) {
        return new WebDriverWait(on, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("consentry-banner")));
    }

    private static String visitor(ChromeDriver on) {
        return on.manage().getCookieNamed("visitor").getValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> lastConsentUpdate(ChromeDriver on) {
        List<List<Object>> calls = (List<List<Object>>) on.executeScript(
                "return (window.dataLayer || []).map(function (a) { return Array.prototype.slice.call(a); });");
        Map<String, String> update = null;
        for (List<Object> call : calls) {
            if (call.size() >= 3 && "consent".equals(call.get(0)) && "update".equals(call.get(1))) {
                update = (Map<String, String>) call.get(2);
            }
        }
        return update;
    }

    private static void awaitGone(ChromeDriver on) {
        new WebDriverWait(on, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("consentry-banner")).isEmpty());
    }

    private static JsonPath decisions(String subject) {
        return given().auth().oauth2(storefront)
                .get(SharedPlatform.url("consent-service", "/v1/subjects/" + subject + "/decisions"))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void U3_theShopPageIsServedUnderAStrictPolicyAndGtagStartsDenied() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.demoShop().url() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("script-src 'self' " + SharedPlatform.url("consent-service", "")), policy);
        newVisitorSeesTheBanner(browser);
        @SuppressWarnings("unchecked")
        List<Object> first = (List<Object>) browser.executeScript(
                "return Array.prototype.slice.call(window.dataLayer.find(function (a) { return a[0] === 'consent'; }));");
        assertEquals(List.of("consent", "default"), first.subList(0, 2), "Consent Mode's default comes first");
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) first.get(2);
        TYPES.forEach(t -> assertEquals("denied", defaults.get(t), t + " denied until the visitor chooses"));
    }

    @Test
    @Order(2)
    void U3_C2_refusalIsAsProminentAsAcceptanceAndRejectAllRecordsRefusals() throws Exception {
        WebElement banner = newVisitorSeesTheBanner(browser);
        assertTrue(banner.getText().contains("Lựa chọn quyền riêng tư của bạn"), "in the visitor's language");
        assertTrue(banner.getText().contains("Cookie phân tích"), "the catalogue's names in Vietnamese");
        for (WebElement box : banner.findElements(By.cssSelector("input[type=checkbox]"))) {
            assertFalse(box.isSelected(), "no box is ticked for the visitor");
        }
        WebElement reject = browser.findElement(By.id("consentry-reject"));
        WebElement accept = browser.findElement(By.id("consentry-accept"));
        for (String property : List.of("background-color", "color", "font-size", "font-weight", "border", "padding")) {
            assertEquals(accept.getCssValue(property), reject.getCssValue(property), property + " of the two buttons");
        }
        assertEquals(accept.getSize().getHeight(), reject.getSize().getHeight());
        assertEquals(accept.getLocation().getY(), reject.getLocation().getY(), "side by side");
        HeadlessChromium.screenshot(browser, "banner-shop.png");

        reject.click();
        awaitGone(browser);
        Map<String, String> update = lastConsentUpdate(browser);
        TYPES.forEach(t -> assertEquals("denied", update.get(t), t));
        String visitor = visitor(browser);
        JsonPath records = given().auth().oauth2(storefront)
                .get(SharedPlatform.url("consent-service", "/v1/subjects/" + visitor + "/consents")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("refused", "refused", "refused"), records.getList("decision"));
        assertEquals(List.of("banner"), records.getList("collectionPoint").stream().distinct().toList());
        assertEquals(List.of("button"), records.getList("method").stream().distinct().toList());
        assertEquals("deny", decisions(visitor).getString("find { it.purposeId == 'analytics-cookies' }.decision"));
    }

    @Test
    @Order(3)
    void U3_acceptingAnalyticsGrantsOnlyAnalytics() {
        newVisitorSeesTheBanner(browser);
        browser.findElement(By.id("consentry-purpose-analytics-cookies")).click();
        browser.findElement(By.id("consentry-save")).click();
        awaitGone(browser);
        Map<String, String> update = lastConsentUpdate(browser);
        assertEquals("granted", update.get("analytics_storage"));
        List.of("ad_storage", "ad_user_data", "ad_personalization").forEach(t -> assertEquals("denied", update.get(t), t));
        JsonPath decisions = decisions(visitor(browser));
        assertEquals("allow", decisions.getString("find { it.purposeId == 'analytics-cookies' }.decision"));
        assertEquals("deny", decisions.getString("find { it.purposeId == 'marketing-email' }.decision"));
        assertEquals("deny", decisions.getString("find { it.purposeId == 'ad-sharing' }.decision"));
    }

    @Test
    @Order(4)
    void U3_C6_theVisitorReopensTheBannerAndWithdrawsAsEasilyAsTheyGave() {
        String visitor = visitor(browser);
        browser.navigate().refresh();
        assertTrue(new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> lastConsentUpdate((ChromeDriver) d))
                .containsKey("analytics_storage"), "a returning visitor's choice reaches gtag at once");
        assertTrue(browser.findElements(By.id("consentry-banner")).isEmpty(), "decided: no banner");
        browser.findElement(By.id("privacy-settings")).click();
        banner(browser);
        browser.findElement(By.id("consentry-reject")).click();
        awaitGone(browser);
        assertEquals("denied", lastConsentUpdate(browser).get("analytics_storage"));
        assertEquals("deny", decisions(visitor).getString("find { it.purposeId == 'analytics-cookies' }.decision"));
    }

    @Test
    @Order(5)
    void U3_C11_withGlobalPrivacyControlSaleAndSharingAreNeverGrantedAndTheBannerSaysWhy() throws Exception {
        ChromeDriver gpcBrowser = HeadlessChromium.start("vi-VN,vi", Files.createTempDirectory("banner-gpc"));
        try {
            // what a browser with GPC switched on does: the property for scripts, the header for servers
            gpcBrowser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });"));
            gpcBrowser.executeCdpCommand("Network.enable", Map.of());
            gpcBrowser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
            newVisitorSeesTheBanner(gpcBrowser);
            assertTrue(gpcBrowser.findElement(By.id("consentry-gpc-ad-sharing")).getText().contains("Global Privacy Control"),
                    "the banner says why");
            assertFalse(gpcBrowser.findElement(By.id("consentry-purpose-ad-sharing")).isEnabled());
            HeadlessChromium.screenshot(gpcBrowser, "banner-gpc.png");
            gpcBrowser.findElement(By.id("consentry-accept")).click();
            awaitGone(gpcBrowser);
            Map<String, String> update = lastConsentUpdate(gpcBrowser);
            assertEquals("granted", update.get("analytics_storage"));
            List.of("ad_storage", "ad_user_data", "ad_personalization").forEach(t -> assertEquals("denied", update.get(t), t));
            JsonPath decisions = decisions(visitor(gpcBrowser));
            assertEquals("deny", decisions.getString("find { it.purposeId == 'ad-sharing' }.decision"));
            assertEquals("allow", decisions.getString("find { it.purposeId == 'marketing-email' }.decision"));
            assertEquals(List.of(), gpcBrowser.executeScript("return window.cspViolations || [];"));
        } finally {
            gpcBrowser.quit();
        }
    }
}
