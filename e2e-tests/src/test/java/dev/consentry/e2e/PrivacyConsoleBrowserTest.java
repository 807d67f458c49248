package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * U1: the privacy officer's console in headless Chromium (Debian's chromium and chromium-driver), against the
 * platform started as ./consentry-local starts it. Screenshots go to docs/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyConsoleBrowserTest {

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static Path downloads;
    /** Every URL and page the browser showed, scanned at the end for the officers' tokens. */
    private static final List<String> seen = new ArrayList<>();
    private static String overdueRequestId;
    private static String phonedSubject;

    @BeforeAll
    static void start() throws Exception {
        platform = SharedPlatform.get();
        downloads = Files.createTempDirectory("console-downloads");
        browser = HeadlessChromium.start("en-US,en", downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String path) {
        browser.get(platform.consoleUrl() + path);
        record();
    }

    private static void record() {
        seen.add(browser.getCurrentUrl());
        seen.add(browser.getPageSource());
    }

    private static void submit(String formId) {
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
        record();
    }

    /** Signs in through the identity provider's page (authorization code flow), signing out whoever was signed in. */
    private static void signIn(String login) {
        open("/");
        if (!browser.getCurrentUrl().startsWith(platform.identityProviderUrl())) {
            browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
            record();
            open("/");
        }
        assertTrue(browser.getCurrentUrl().startsWith(platform.identityProviderUrl() + "/auth?"),
                "the console sends a browser without a session to the identity provider");
        browser.findElement(By.id("login-" + login)).click();
        HeadlessChromium.awaitAddress(browser, platform.consoleUrl());
        record();
        assertTrue(browser.getCurrentUrl().startsWith(platform.consoleUrl()), "back at the console with a session");
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    @Order(1)
    void U1_theDpoSignsInAndFindsTheOverdueLetterAtTheTopOfTheQueue() throws IOException {
        signIn("shop-a-dpo");
        assertTrue(text("officer").contains("Nguyễn Thu Hà"), "the officer's name is shown");
        WebElement first = browser.findElement(By.cssSelector("#queue tbody tr"));
        assertTrue(first.getAttribute("class").contains("overdue"), "the seeded letter is overdue and first");
        assertTrue(first.getText().contains("overdue"));
        overdueRequestId = first.getAttribute("data-request");
        assertTrue(Integer.parseInt(text("count-overdue")) >= 1);
        screenshot("console-queue.png");
    }

    @Test
    @Order(2)
    void U1_theDpoExtendsTheOverdueRequestWithAReasonAndSeesTheNewDueDate() throws IOException {
        open("/requests/" + overdueRequestId);
        String legalDueBefore = text("legal-due");
        browser.findElement(By.id("ext-length")).clear();
        browser.findElement(By.id("ext-length")).sendKeys("1");
        new Select(browser.findElement(By.id("ext-unit"))).selectByValue("months");
        browser.findElement(By.id("ext-reason")).sendKeys("Archive records must be retrieved from storage.");
        submit("form-extend");
        assertEquals("The deadline was extended.", text("done"));
        assertNotEquals(legalDueBefore, text("legal-due"), "a new legal due date");
        assertTrue(text("legal-due").compareTo(legalDueBefore) > 0, "later than before");
        assertTrue(text("extension").contains("Archive records must be retrieved from storage."));
        screenshot("console-request.png");

        // a second extension is refused by the API, and the page says why in its words
        browser.findElement(By.id("ext-reason")).sendKeys("Again.");
        submit("form-extend");
        assertEquals("422", browser.findElement(By.id("refusal")).getAttribute("data-status"));
        assertTrue(text("refusal").contains("Extension refused"));
    }

    @Test
    @Order(3)
    void U1_aRequestReceivedByPhoneIsEnteredWithItsDateAndVerifiedWithTheCodeTheSubjectReadsOut() throws Exception {
        phonedSubject = "cust-phone-" + UUID.randomUUID().toString().substring(0, 8);
        String email = phonedSubject + "@example.org";
        HttpResponse<String> contact = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        SharedPlatform.url("dsr-service", "/v1/subjects/" + phonedSubject + "/contact")))
                .header("Authorization", "Bearer " + platform.token("shop-a", "storefront-shop-a", "storefront"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, contact.statusCode(), contact.body());
        Thread.sleep(1100); // the contact is registered before the request is entered (S4 compares instants)

        open("/requests/new");
        screenshot("console-new-request.png");
        new Select(browser.findElement(By.id("n-type"))).selectByValue("access");
        browser.findElement(By.id("n-subject")).sendKeys(phonedSubject);
        new Select(browser.findElement(By.id("n-jurisdiction"))).selectByValue("VN");
        LocalDate twoDaysAgo = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2);
        setDate("n-received", twoDaysAgo);
        submit("form-new");
        assertEquals("The request was entered.", text("done"));
        assertTrue(text("received").startsWith(twoDaysAgo.toString()), "received on the day the officer gave");
        assertTrue(text("verification").contains("one-time code"));

        String code = await().atMost(Duration.ofSeconds(15)).until(() -> platform.lastMailedCode(email).orElse(null),
                c -> c != null);
        browser.findElement(By.id("code")).sendKeys(code);
        submit("form-code");
        assertEquals("The subject's identity is verified.", text("done"));
        assertTrue(text("verification").contains("verified by one-time code"));
    }

    @Test
    @Order(4)
    void U1_theDpoDeniesARequestWithAReasonFromTheVocabulary() {
        open("/requests/new");
        new Select(browser.findElement(By.id("n-type"))).selectByValue("erasure");
        browser.findElement(By.id("n-subject")).sendKeys("cust-denied-" + UUID.randomUUID().toString().substring(0, 8));
        new Select(browser.findElement(By.id("n-jurisdiction"))).selectByValue("KR");
        setDate("n-received", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        submit("form-new");
        new Select(browser.findElement(By.id("deny-reason"))).selectByValue("manifestly_unfounded");
        browser.findElement(By.id("deny-explanation")).sendKeys("The same request was answered last week.");
        submit("form-deny");
        assertEquals("The request was denied.", text("done"));
        assertTrue(text("denial").contains("manifestly unfounded"));
        assertEquals("denied", browser.findElement(By.id("status")).getAttribute("data-status"));
    }

    @Test
    @Order(5)
    void U1_theDpoExportsASubjectsEvidenceBundle() throws IOException {
        open("/evidence");
        assertEquals("true", browser.findElement(By.id("verification")).getAttribute("data-valid"));
        browser.findElement(By.id("e-subject")).sendKeys(phonedSubject);
        screenshot("console-evidence.png");
        browser.findElement(By.cssSelector("#form-export button[type=submit]")).click();
        Path bundle = await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElse(null);
            }
        }, f -> f != null);
        String json = Files.readString(bundle);
        assertTrue(json.contains("\"entries\"") && json.contains("signature"), "a signed bundle: " + json.substring(0, Math.min(200, json.length())));
        open("/dashboard");
        assertTrue(browser.findElement(By.id("chart")).isDisplayed());
        screenshot("console-dashboard.png");
    }

    @Test
    @Order(5)
    void U1_theRegistryTheSubjectsLedgerAndThePurposesInEachLanguageAreReadable() throws IOException {
        open("/registry");
        assertTrue(text("recipients").contains("swift-shipping"));
        assertTrue(text("recipients").contains("shippingAddress"));
        open("/subjects?subjectId=" + phonedSubject);
        assertTrue(browser.findElements(By.id("problem")).isEmpty(), "the subject's page renders");
        open("/consent");
        assertTrue(text("purposes").contains("marketing-email"));
        assertTrue(text("purposes").contains("Tiếp thị qua e-mail"), "the catalogue in each language");
        screenshot("console-consent.png");
    }

    @Test
    @Order(6)
    void U1_anAuditorSeesTheQueueButCannotActAndTheApiRefusesTheirPostEvenWithAValidCsrfToken() throws Exception {
        signIn("shop-a-auditor");
        assertFalse(browser.findElements(By.cssSelector("#queue tbody tr")).isEmpty(), "the auditor sees the queue");
        open("/requests/" + overdueRequestId);
        assertTrue(browser.findElements(By.id("form-extend")).isEmpty(), "no action forms for an auditor");
        assertTrue(browser.findElements(By.id("form-deny")).isEmpty());
        String legalDue = text("legal-due");

        // a forged post with the auditor's own session and a valid CSRF token: the API, not the page, refuses it
        String csrf = browser.findElement(By.cssSelector("form[action='/logout'] input[name=csrf-token]")).getAttribute("value");
        HttpResponse<String> withCsrf = postAsBrowser("/requests/" + overdueRequestId + "/denial",
                Map.of("csrf-token", csrf, "reason", "no_match"));
        assertEquals(403, withCsrf.statusCode());
        assertTrue(withCsrf.body().contains("id=\"refusal\""), "the page says the role may not do this");

        // without the CSRF token the console refuses the post before any service sees it
        HttpResponse<String> withoutCsrf = postAsBrowser("/requests/" + overdueRequestId + "/denial",
                Map.of("reason", "no_match"));
        assertEquals(400, withoutCsrf.statusCode());

        open("/requests/" + overdueRequestId);
        assertEquals(legalDue, text("legal-due"));
        assertNotEquals("denied", browser.findElement(By.id("status")).getAttribute("data-status"));
    }

    @Test
    @Order(7)
    void U1_shopBsOfficerSeesNothingOfShopA() {
        signIn("shop-b-dpo");
        assertTrue(browser.findElements(By.cssSelector("#queue tbody tr")).isEmpty());
        assertFalse(browser.getPageSource().contains(overdueRequestId.substring(0, 8)));
        open("/requests/" + overdueRequestId);
        assertEquals("404", browser.findElement(By.id("problem")).getAttribute("data-status"));
        open("/subjects?subjectId=" + phonedSubject);
        assertFalse(browser.getPageSource().contains("consent-history"), "no history of shop-a's customer");
    }

    @Test
    @Order(8)
    void U1_theConsoleSpeaksVietnameseToAVietnameseBrowser() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + "/"))
                .header("Cookie", cookies()).header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Yêu cầu đang mở"), "the queue's title in Vietnamese");
        assertTrue(page.body().contains("lang=\"vi\""));
    }

    @Test
    @Order(9)
    void U1_theTokenIsNeverInAPageOrAUrlAndSigningOutEndsTheSession() throws Exception {
        for (Cookie cookie : browser.manage().getCookies()) {
            assertTrue(cookie.isHttpOnly(), cookie.getName() + " is out of the page's reach");
            assertFalse(JWT.matcher(cookie.getValue()).find(), cookie.getName() + " holds a readable token");
        }
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        // signed out at the provider, back at the console (the redirects take a moment; fails after 15 s if never)
        HeadlessChromium.awaitAddress(browser, platform.consoleUrl() + "/signed-out");
        record();
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("You have signed out"));
        open("/");
        assertTrue(browser.getCurrentUrl().startsWith(platform.identityProviderUrl()),
                "signed out: the next page asks the identity provider again");
        for (String shown : seen) {
            assertFalse(JWT.matcher(shown).find(), "a token was in a page or URL");
        }
        assertTrue(seen.size() > 20, "the scan covered the walk");
    }

    /** A signed JWT anywhere in a text: header and payload are base64url JSON objects. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{16,}");

    private static void setDate(String id, LocalDate date) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private static String cookies() {
        return HeadlessChromium.cookies(browser);
    }

    /** A form post with the browser's cookies (its session and CSRF cookie), as a forged form would send it. */
    private static HttpResponse<String> postAsBrowser(String path, Map<String, String> fields) throws Exception {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + path))
                        .header("Cookie", cookies()).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
