package dev.consentry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/keycloak/consentry-realm.json gives tokens exactly what the services and the console read, as the chart's
 * values for it (deploy/keycloak/values-shop-a.yaml) configure them: audience, tenant claim, roles claim, subject claim,
 * the console's and the privacy center's clients, and a group per role.
 */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final JsonNode realm = read(JSON, "keycloak/consentry-realm.json");
    private final JsonNode values = read(YAML, "keycloak/values-shop-a.yaml");

    private static JsonNode read(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(new File(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private JsonNode mapper(JsonNode owner, String type) {
        return list(owner.path("protocolMappers")).stream().filter(m -> type.equals(m.path("protocolMapper").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " mapper"));
    }

    private JsonNode client(String clientId) {
        return list(realm.path("clients")).stream().filter(c -> clientId.equals(c.path("clientId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    @Test
    void tokensCarryTheAudienceTenantAndRolesTheServicesRead() {
        JsonNode scope = list(realm.path("clientScopes")).stream().filter(s -> "consentry".equals(s.path("name").asText()))
                .findFirst().orElseThrow();
        assertEquals(values.at("/oidc/audience").asText(),
                mapper(scope, "oidc-audience-mapper").at("/config/included.custom.audience").asText());
        assertEquals("true", mapper(scope, "oidc-audience-mapper").at("/config/access.token.claim").asText());
        assertEquals(values.at("/oidc/tenantClaim").asText(),
                mapper(scope, "oidc-hardcoded-claim-mapper").at("/config/claim.name").asText());
        assertEquals(realm.path("realm").asText(), mapper(scope, "oidc-hardcoded-claim-mapper").at("/config/claim.value").asText(),
                "one realm per shop: the realm's name is the tenant");
        JsonNode roles = mapper(scope, "oidc-group-membership-mapper");
        assertEquals(values.at("/oidc/rolesClaimPath").asText(), roles.at("/config/claim.name").asText());
        assertEquals("false", roles.at("/config/full.path").asText(), "roles are plain names (dpo), not paths (/dpo)");
        assertTrue(values.at("/oidc/issuer").asText().endsWith("/realms/" + realm.path("realm").asText()));
        for (JsonNode client : list(realm.path("clients"))) {
            assertTrue(list(client.path("defaultClientScopes")).stream().anyMatch(s -> s.asText().equals("consentry")),
                    client.path("clientId").asText() + " gets the consentry scope");
            assertFalse(client.path("publicClient").asBoolean(), client.path("clientId").asText() + " is confidential");
            assertFalse(client.has("secret"), "no secret in the file: Keycloak generates one on import");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), "no password grant");
        }
    }

    @Test
    void theConsoleAndThePrivacyCenterSignPeopleInAsTheChartExpects() {
        JsonNode console = client(values.at("/console/oidc/clientId").asText());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertTrue(console.at("/attributes/post.logout.redirect.uris").asText().endsWith("/signed-out"),
                "the console's post-logout path (quarkus.oidc.logout.post-logout-path)");
        JsonNode center = client(values.at("/console/center/clientId").asText());
        assertTrue(center.path("standardFlowEnabled").asBoolean());
        assertTrue(list(center.path("redirectUris")).stream().allMatch(u -> u.asText().contains("/me")));
        assertTrue(center.at("/attributes/post.logout.redirect.uris").asText().endsWith("/me/signed-out"));
        assertEquals(values.at("/oidc/subjectClaim").asText(), mapper(center, "oidc-usermodel-property-mapper")
                .at("/config/claim.name").asText(), "the customer's id is where the services look for it");
    }

    @Test
    void eachRoleIsAGroupAndEachMachineClientActsInItsRole() {
        Set<String> groups = Set.copyOf(list(realm.path("groups")).stream().map(g -> g.path("name").asText()).toList());
        assertEquals(Set.of("storefront", "subject", "dpo", "auditor"), groups);
        List<String> accounts = new ArrayList<>();
        for (JsonNode user : list(realm.path("users"))) {
            if (user.has("serviceAccountClientId")) {
                accounts.add(user.path("serviceAccountClientId").asText() + " " + list(user.path("groups")));
            }
            assertFalse(user.has("credentials"), "no password in the file");
        }
        assertEquals(List.of("consentry-storefront [\"/storefront\"]", "consentry-dpo-cli [\"/dpo\"]",
                "consentry-auditor-cli [\"/auditor\"]"), accounts);
    }

    @Test
    void theChartRendersWithTheRealmsValues() throws Exception {
        RenderedChart chart = RenderedChart.render("../../../../keycloak/values-shop-a.yaml");
        ConfigMap console = chart.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("shop-consentry-console")).findFirst().orElseThrow();
        assertEquals("customer_id", console.getData().get("CONSENTRY_CONSOLE_SUBJECT_CLAIM"));
        assertEquals("https://keycloak.example.com/realms/shop-a", console.getData().get("QUARKUS_OIDC_CUSTOMER_AUTH_SERVER_URL"));
        ConfigMap consent = chart.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("shop-consentry-consent")).findFirst().orElseThrow();
        assertEquals("customer_id", consent.getData().get("CONSENTRY_SECURITY_SUBJECT_CLAIM"));
    }
}
