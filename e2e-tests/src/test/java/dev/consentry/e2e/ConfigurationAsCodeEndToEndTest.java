package dev.consentry.e2e;

import dev.consentry.config.ConsentryConfig;
import dev.consentry.devstack.LocalPlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations: a shop's configuration as code. A shop holding every kind of item is exported to YAML, applied to an
 * empty shop, and the empty shop then exports the same file; a second apply changes nothing; a plan shows a change
 * before it is made, and a difference the API cannot make stops the whole apply.
 */
class ConfigurationAsCodeEndToEndTest {

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    /** The tool's output and exit status. */
    record Run(int status, String out, String err) {
    }

    private static Run config(String tenant, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new java.util.ArrayList<>(List.of(args[0],
                "--consent-url=" + SharedPlatform.url("consent-service", "/"),
                "--dsr-url=" + SharedPlatform.url("dsr-service", "/"),
                "--token=" + platform.token(tenant, "dpo-" + tenant, "dpo")));
        line.addAll(List.of(args).subList(1, args.length));
        int status = ConsentryConfig.run(line.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static void put(String service, String tenant, String path, Object body) {
        var request = given().auth().oauth2(platform.token(tenant, "dpo-" + tenant, "dpo")).contentType(ContentType.JSON);
        (body == null ? request : request.body(body))
                .put(SharedPlatform.url(service, path)).then().log().ifValidationFails().statusCode(200);
    }

    private static void post(String service, String tenant, String path, Object body) {
        given().auth().oauth2(platform.token(tenant, "dpo-" + tenant, "dpo")).contentType(ContentType.JSON).body(body)
                .post(SharedPlatform.url(service, path)).then().log().ifValidationFails().statusCode(201);
    }

    /** A shop with every kind of item the file holds. */
    private static void furnish(String tenant) {
        put("consent-service", tenant, "/v1/settings", Map.of("noticePeriodDays", 9));
        post("consent-service", tenant, "/v1/purposes", Map.of("id", "newsletter", "legalBasis", "consent", "optional", true,
                "names", Map.of("en", "Newsletter", "vi", "Bản tin"), "descriptions", Map.of("en", "News by e-mail."),
                "dataCategories", List.of("email"), "retention", "P2Y", "validity", "P1Y", "saleOrSharing", false));
        post("consent-service", tenant, "/v1/purposes", Map.of("id", "delivery", "legalBasis", "contract", "optional", false,
                "names", Map.of("en", "Delivery"), "dataCategories", List.of("name", "shippingAddress"),
                "crossBorder", Map.of("country", "SG", "recipient", "Carrier Asia Pte", "dataItems", List.of("name"),
                        "retention", "P1Y", "howToRefuse", "Choose pick-up in the shop")));
        post("consent-service", tenant, "/v1/notices", Map.of("version", "2027-01", "language", "en",
                "url", "https://shop.example/privacy/2027-01", "contentHash", "ab".repeat(32),
                "purposes", List.of("newsletter", "delivery"), "changedPurposes", List.of("newsletter"),
                "whatChanged", "Newsletter now monthly",
                "effectiveAt", Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        put("dsr-service", tenant, "/v1/settings", Map.of("slaHours", 72));
        put("dsr-service", tenant, "/v1/privacy-contact", Map.of("controllerName", "Shop Co.", "controllerAddress",
                "1 Main St", "contactName", "Privacy team", "contactEmail", "privacy@shop.example",
                "complaintChannel", "https://shop.example/complaints"));
        put("dsr-service", tenant, "/v1/settings/disclosure-notices", Map.of("tellSubject", true));
        put("dsr-service", tenant, "/v1/settings/dormancy", Map.of("enabled", true, "inactiveFor", "P1Y",
                "noticeBefore", "P30D", "eraseAfter", "P2Y"));
        post("dsr-service", tenant, "/v1/recipients", Map.of("id", "crm", "name", "Our CRM", "kind", "internal_store",
                "dataCategories", List.of("email", "name"), "purposes", List.of("newsletter"),
                "agreement", Map.of("reference", "INT-1", "role", "controller", "purposes", List.of("newsletter"),
                        "country", "VN")));
        post("dsr-service", tenant, "/v1/recipients", Map.of("partnerId", "swift-shipping", "name", "Swift Shipping",
                "kind", "shipping_carrier", "dataCategories", List.of("name", "shippingAddress"), "replyWithinDays", 7));
        put("dsr-service", tenant, "/v1/legal-holds", Map.of("category", "invoices", "reason", "Tax law: 10 years",
                "retain", "P10Y"));
        put("dsr-service", tenant, "/v1/retention/presets/starter", null);
        put("dsr-service", tenant, "/v1/retention/rules/fraud-records", Map.of("categories", List.of("fraudRecords"),
                "legalBasis", "Kept one year after the member leaves", "period", "P1Y", "trigger", "account_closed",
                "action", "erase"));
    }

    @Test
    void ops_aShopExportedAndAppliedToAnEmptyShopExportsTheSameFile() throws Exception {
        String source = "cfg-a-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "cfg-b-" + UUID.randomUUID().toString().substring(0, 8);
        furnish(source);
        Path file = Files.createTempFile("shop", ".yaml");

        Run export = config(source, "export", "--output=" + file);
        assertEquals(0, export.status(), export.err());
        String yaml = Files.readString(file);
        for (String item : List.of("noticePeriodDays: 9", "id: newsletter", "country: SG", "version: 2027-01",
                "slaHours: 72", "controllerName: Shop Co.", "tellSubject: true", "inactiveFor: P1Y", "id: crm",
                "partnerId: swift-shipping", "category: invoices", "- starter", "id: fraud-records")) {
            assertTrue(yaml.contains(item), "the export holds " + item + ":\n" + yaml);
        }
        assertFalse(yaml.contains(source), "the file names no shop: it applies to any");

        Run plan = config(target, "plan", "--file=" + file);
        assertEquals(0, plan.status(), plan.out() + plan.err());
        assertTrue(plan.out().contains("+ consent.purposes newsletter") && plan.out().contains("+ dsr.recipients crm"),
                plan.out());
        Run apply = config(target, "apply", "--file=" + file);
        assertEquals(0, apply.status(), apply.out() + apply.err());

        Path again = Files.createTempFile("shop", ".yaml");
        assertEquals(0, config(target, "export", "--output=" + again).status());
        assertEquals(yaml, Files.readString(again), "the empty shop now exports the same file");

        Run second = config(target, "apply", "--file=" + file);
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("0 to apply") && second.out().contains("Applied 0 change(s)."),
                "a second apply changes nothing:\n" + second.out());
    }

    @Test
    void ops_thePlanShowsChangesFirstAndADifferenceTheApiCannotMakeStopsTheWholeApply() throws Exception {
        String tenant = "cfg-c-" + UUID.randomUUID().toString().substring(0, 8);
        furnish(tenant);
        Path file = Files.createTempFile("shop", ".yaml");
        assertEquals(0, config(tenant, "export", "--output=" + file).status());
        String yaml = Files.readString(file);

        // a stricter SLA and one more rule, but also a purpose renamed in place: nothing is applied
        String edited = yaml.replace("slaHours: 72", "slaHours: 48").replace("en: Newsletter", "en: Monthly letter")
                .replace("    rules:\n", """
                    rules:
                    - id: chat-logs
                      categories:
                      - chatLogs
                      legalBasis: Support chats are kept 6 months
                      period: P6M
                      trigger: last_activity
                      action: erase
                """);
        Files.writeString(file, edited);
        Run refused = config(tenant, "apply", "--file=" + file);
        assertEquals(2, refused.status(), refused.out());
        assertTrue(refused.out().contains("! consent.purposes newsletter"), refused.out());
        assertTrue(refused.out().contains("Nothing applied."), refused.out());
        Path now = Files.createTempFile("shop", ".yaml");
        config(tenant, "export", "--output=" + now);
        assertEquals(yaml, Files.readString(now), "the refused apply changed nothing");

        // without the rename: the plan shows the two changes, apply makes them
        Files.writeString(file, edited.replace("en: Monthly letter", "en: Newsletter"));
        Run plan = config(tenant, "plan", "--file=" + file);
        assertEquals(0, plan.status(), plan.out());
        assertTrue(plan.out().contains("~ dsr.settings") && plan.out().contains("+ dsr.retention.rules chat-logs")
                && plan.out().contains("2 to apply"), plan.out());
        assertEquals(0, config(tenant, "apply", "--file=" + file).status());
        config(tenant, "export", "--output=" + now);
        assertEquals(Files.readString(file), Files.readString(now));

        // a rule only in the shop stays unless pruned
        String withoutChatLogs = Files.readString(file).replaceAll("(?s)    - id: chat-logs\n.*?      action: erase\n", "");
        Files.writeString(file, withoutChatLogs);
        assertTrue(config(tenant, "plan", "--file=" + file).out().contains("? dsr.retention.rules chat-logs"));
        Run pruned = config(tenant, "apply", "--file=" + file, "--prune");
        assertEquals(0, pruned.status(), pruned.out());
        assertTrue(pruned.out().contains("- dsr.retention.rules chat-logs"), pruned.out());
        config(tenant, "export", "--output=" + now);
        assertFalse(Files.readString(now).contains("chat-logs"));
    }

    @Test
    void ops_aFileThatIsNotAShopConfigurationIsRefusedWithItsReason() throws Exception {
        Path file = Files.createTempFile("shop", ".yaml");
        Files.writeString(file, "apiVersion: consentry.dev/v1\nkind: ShopConfiguration\ndsr:\n  slaHour: 3\n");
        Run run = config("cfg-d", "plan", "--file=" + file);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unknown sections: dsr.slaHour"), run.err());
        Files.writeString(file, "just: text\n");
        assertTrue(config("cfg-d", "plan", "--file=" + file).err().contains("not a shop configuration"));
    }
}
