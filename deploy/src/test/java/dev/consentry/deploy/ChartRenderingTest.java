package dev.consentry.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart lints strictly and renders valid, production-ready objects for every supported combination of values. */
class ChartRenderingTest {

    /** Settings that are secrets: they must come from Secrets, never sit in a ConfigMap or a plain env value. */
    private static final Set<String> SECRET_SETTINGS = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "CONSENTRY_PSEUDONYMIZATION_SECRET", "CONSENTRY_VAULT_KEY_ENCRYPTION_KEY", "CONSENTRY_RECEIPTS_SIGNING_KEY",
            "QUARKUS_MAILER_PASSWORD", "CONSENTRY_AUDIT_CHECKPOINT_KEY_PRIVATE_KEY", "KAFKA_SASL_PASSWORD",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
            "CONSENTRY_CONSOLE_CSRF_KEY", "QUARKUS_OIDC_CUSTOMER_CREDENTIALS_SECRET",
            "QUARKUS_OIDC_CUSTOMER_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET");

    @Test
    void theChartLintsStrictly() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultsRenderThreeProductionReadyServicesAndTheConsole() throws Exception {
        RenderedChart chart = RenderedChart.render();
        assertEquals(Set.of("shop-consentry-consent", "shop-consentry-dsr", "shop-consentry-audit", "shop-consentry-console"),
                chart.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(4, chart.all(Service.class).size());
        assertEquals(4, chart.all(PodDisruptionBudget.class).size(), "a disruption budget per deployment by default");
        assertTrue(chart.all(HorizontalPodAutoscaler.class).isEmpty());
        assertTrue(chart.all(NetworkPolicy.class).isEmpty());
        chart.all(Deployment.class).forEach(ChartRenderingTest::assertProductionReady);
        assertSecretsOnlyFromSecrets(chart);
        assertEquals(2, chart.all(Deployment.class).get(0).getSpec().getReplicas());
    }

    @Test
    void everyOptionalFeatureRenders() throws Exception {
        RenderedChart chart = RenderedChart.render("all-features.yaml");
        chart.all(Deployment.class).forEach(ChartRenderingTest::assertProductionReady);
        chart.all(Deployment.class).stream().filter(d -> !d.getMetadata().getName().endsWith("-console"))
                .forEach(d -> assertEquals(null, d.getSpec().getReplicas(), "with autoscaling the HPA owns the replica count"));
        assertEquals(3, chart.all(HorizontalPodAutoscaler.class).size());
        assertEquals(4, chart.all(NetworkPolicy.class).size(), "three services and the console");
        NetworkPolicy consentPolicy = chart.all(NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("shop-consentry-consent")).findFirst().orElseThrow();
        assertTrue(consentPolicy.getSpec().getIngress().get(0).getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null
                        && "console".equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))),
                "the console may call the services even when only the listed peers may");
        assertEquals(3, chart.custom("ServiceMonitor").size());
        assertEquals(8, chart.custom("KafkaTopic").size(), "six platform topics and the partner's notices and replies");
        assertEquals(4, chart.custom("KafkaUser").size(), "one per service and one per partner");
        assertSecretsOnlyFromSecrets(chart);

        Container dsr = container(chart, "shop-consentry-dsr");
        assertEquals("SASL_SSL", configValue(chart, "shop-consentry-dsr", "KAFKA_SECURITY_PROTOCOL"));
        String jaas = env(dsr, "KAFKA_SASL_JAAS_CONFIG").getValue();
        assertTrue(jaas.contains("password=\"$(KAFKA_SASL_PASSWORD)\""), "the password is expanded from the Secret");
        assertTrue(dsr.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/etc/consentry/kafka")));
    }

    @Test
    void U1_theConsoleCallsTheServicesAndSignsOfficersInThroughTheShopsProvider() throws Exception {
        RenderedChart chart = RenderedChart.render();
        assertEquals("http://shop-consentry-dsr:8080", configValue(chart, "shop-consentry-console", "CONSENTRY_DSR_URL"));
        assertEquals("http://shop-consentry-consent:8080", configValue(chart, "shop-consentry-console", "CONSENTRY_CONSENT_URL"));
        assertEquals("http://shop-consentry-audit:8080", configValue(chart, "shop-consentry-console", "CONSENTRY_AUDIT_URL"));
        assertEquals("https://keycloak.example.com/realms/consentry",
                configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("consentry-console", configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_CLIENT_ID"));
        assertEquals("true", configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE"),
                "the session cookie holding the officer's tokens is never sent over plain HTTP");
        Container console = container(chart, "shop-consentry-console");
        for (String secret : List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                "CONSENTRY_CONSOLE_CSRF_KEY")) {
            assertEquals("consentry-console", env(console, secret).getValueFrom().getSecretKeyRef().getName(), secret);
        }
        assertTrue(console.getEnv().stream().noneMatch(e -> e.getName().startsWith("QUARKUS_DATASOURCE") || e.getName().startsWith("KAFKA")),
                "the console has no database and no broker");
    }

    @Test
    void U2_thePrivacyCenterSignsCustomersInThroughTheirOwnClientWhenSwitchedOn() throws Exception {
        assertEquals(null, configValue(RenderedChart.render(), "shop-consentry-console", "QUARKUS_OIDC_CUSTOMER_TENANT_ENABLED"),
                "off by default");
        RenderedChart chart = RenderedChart.render("privacy-center.yaml");
        assertSecretsOnlyFromSecrets(chart);
        assertEquals("true", configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_CUSTOMER_TENANT_ENABLED"));
        assertEquals("https://keycloak.example.com/realms/customers",
                configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_CUSTOMER_AUTH_SERVER_URL"));
        assertEquals("consentry-privacy-center", configValue(chart, "shop-consentry-console", "QUARKUS_OIDC_CUSTOMER_CLIENT_ID"));
        assertEquals("VN", configValue(chart, "shop-consentry-console", "CONSENTRY_CONSOLE_CENTER_JURISDICTION"));
        assertEquals("sub", configValue(chart, "shop-consentry-console", "CONSENTRY_CONSOLE_SUBJECT_CLAIM"));
        Container console = container(chart, "shop-consentry-console");
        assertEquals("center-client-secret", env(console, "QUARKUS_OIDC_CUSTOMER_CREDENTIALS_SECRET").getValueFrom()
                .getSecretKeyRef().getKey());
    }

    @Test
    void ops_tracesGoToTheConfiguredCollectorAndLogsAreJsonByDefault() throws Exception {
        RenderedChart defaults = RenderedChart.render();
        for (String service : List.of("shop-consentry-consent", "shop-consentry-dsr", "shop-consentry-audit")) {
            assertEquals(null, configValue(defaults, service, "QUARKUS_OTEL_SDK_DISABLED"), "no tracing without a collector");
            assertEquals("true", configValue(defaults, service, "QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        }
        assertEquals("true", configValue(defaults, "shop-consentry-console", "QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        RenderedChart chart = RenderedChart.render("tracing.yaml");
        for (String service : List.of("shop-consentry-consent", "shop-consentry-dsr", "shop-consentry-audit")) {
            assertEquals("false", configValue(chart, service, "QUARKUS_OTEL_SDK_DISABLED"));
            assertEquals("http://otel-collector.observability:4317",
                    configValue(chart, service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
            assertEquals("grpc", configValue(chart, service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"));
            assertEquals("false", configValue(chart, service, "QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        }
    }

    /**
     * BENCHMARKS.md: RSS after the load was 476-615 MiB with a 384 MiB heap; the chart gives that heap and 1 GiB, and
     * the collector and native-memory settings that brought idle RSS under 250 MB.
     */
    @Test
    void ops_eachServiceGetsTheHeapAndMemoryTheBenchmarkMeasured() throws Exception {
        RenderedChart defaults = RenderedChart.render();
        for (String service : List.of("shop-consentry-consent", "shop-consentry-dsr", "shop-consentry-audit")) {
            Container c = container(defaults, service);
            assertEquals("1Gi", c.getResources().getLimits().get("memory").toString(), service);
            String options = env(c, "JDK_JAVA_OPTIONS").getValue();
            assertTrue(options.startsWith("-XX:MaxRAMPercentage=37.5 "),
                    service + ": 37.5 % of 1 GiB is the 384 MiB heap the benchmark ran with");
            assertTrue(options.contains("-XX:+UseG1GC") && options.contains("-XX:G1PeriodicGCInterval=15000")
                    && options.contains("-XX:MaxHeapFreeRatio=20"), service + ": an idle pod gives its free heap back");
            assertTrue(options.contains("-XX:TrimNativeHeapInterval=15000"),
                    service + ": and the native memory its C library holds free");
            assertEquals(!service.endsWith("-consent"), options.contains("-XX:-G1PeriodicGCInvokesConcurrent"),
                    service + ": a full collection when idle only off the storefront's lookup path");
        }
    }

    @Test
    void R3_holidaysSetInTheChartReachDsrServiceAsAConfigurationFile() throws Exception {
        RenderedChart chart = RenderedChart.render("holidays.yaml");
        ConfigMap holidays = chart.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("shop-consentry-dsr-holidays")).findFirst().orElseThrow();
        assertTrue(holidays.getData().get("holidays.properties")
                .contains("consentry.dsr.holidays.VN=2027-02-05,2027-02-08,2027-04-16"), holidays.getData().toString());
        assertEquals("/etc/consentry/holidays/holidays.properties",
                configValue(chart, "shop-consentry-dsr", "QUARKUS_CONFIG_LOCATIONS"));
        assertTrue(container(chart, "shop-consentry-dsr").getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/etc/consentry/holidays")));
        assertEquals(null, configValue(RenderedChart.render(), "shop-consentry-dsr", "QUARKUS_CONFIG_LOCATIONS"),
                "without holidays in the chart the image's own dates apply");
        Exception refused = assertThrows(Exception.class, () -> RenderedChart.render("mistake-holiday-format.yaml"));
        assertTrue(String.valueOf(refused.getMessage()).contains("holidays"), refused.getMessage());
    }

    @Test
    void externalSecretVariantsAreReferencedByNameAndKey() throws Exception {
        RenderedChart chart = RenderedChart.render("external-secrets.yaml");
        assertSecretsOnlyFromSecrets(chart);
        Container consent = container(chart, "shop-consentry-consent");
        assertEquals("consent-db", env(consent, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals("pass", env(consent, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("rsa.pem", env(consent, "CONSENTRY_RECEIPTS_SIGNING_KEY").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("kek", env(consent, "CONSENTRY_VAULT_KEY_ENCRYPTION_KEY").getValueFrom().getSecretKeyRef().getKey());
        Container audit = container(chart, "shop-consentry-audit");
        assertEquals("vault-synced-checkpoint",
                env(audit, "CONSENTRY_AUDIT_CHECKPOINT_KEY_PRIVATE_KEY").getValueFrom().getSecretKeyRef().getName());
        assertEquals("jdbc:postgresql://pg.db.svc.cluster.local:6432/consentry_audit?sslmode=verify-full",
                configValue(chart, "shop-consentry-audit", "QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(env(container(chart, "shop-consentry-dsr"), "KAFKA_SASL_JAAS_CONFIG").getValue()
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"consentry-svc\""));
        assertTrue(container(chart, "shop-consentry-dsr").getEnv().stream().noneMatch(e -> e.getName().equals("QUARKUS_MAILER_PASSWORD")),
                "an SMTP server without authentication needs no password");
    }

    @Test
    void threePartnersGetTheirOwnTopicAndAUserLimitedToIt() throws Exception {
        RenderedChart chart = RenderedChart.render("three-partners.yaml");
        List<GenericKubernetesResource> users = chart.custom("KafkaUser");
        assertEquals(6, users.size(), "three services and three partners");
        for (String partner : List.of("swift-shipping", "ads-network", "mail-blaster")) {
            for (String topic : List.of("consentry.partner." + partner + ".v1", "consentry.partner." + partner + ".replies.v1")) {
                assertTrue(chart.custom("KafkaTopic").stream().anyMatch(t -> topic.equals(spec(t).get("topicName"))), topic);
            }
            GenericKubernetesResource user = users.stream()
                    .filter(u -> u.getMetadata().getName().equals("consentry-partner-" + partner)).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) spec(user).get("authorization")).get("acls");
            Map<String, List<?>> byTopic = acls.stream()
                    .filter(a -> "topic".equals(((Map<?, ?>) a.get("resource")).get("type")))
                    .collect(Collectors.toMap(a -> (String) ((Map<?, ?>) a.get("resource")).get("name"),
                            a -> (List<?>) a.get("operations")));
            assertEquals(Map.of("consentry.partner." + partner + ".v1", List.of("Read", "Describe"),
                    "consentry.partner." + partner + ".replies.v1", List.of("Write", "Describe")), byTopic,
                    partner + " reads only its own notices and writes only its own replies");
        }
        assertEquals("tls", ((Map<?, ?>) spec(users.stream().filter(u -> u.getMetadata().getName()
                .endsWith("ads-network")).findFirst().orElseThrow()).get("authentication")).get("type"));
    }

    @Test
    void S3_eachServiceAuthenticatesAsItsOwnUserOverTlsByDefault() throws Exception {
        RenderedChart chart = RenderedChart.render();
        assertEquals("SASL_SSL", configValue(chart, "shop-consentry-dsr", "KAFKA_SECURITY_PROTOCOL"));
        for (String service : List.of("consent", "dsr", "audit")) {
            Container c = container(chart, "shop-consentry-" + service);
            assertTrue(env(c, "KAFKA_SASL_JAAS_CONFIG").getValue().contains("username=\"consentry-" + service + "-service\""),
                    service + " has its own Kafka user");
            assertEquals("consentry-" + service + "-service", env(c, "KAFKA_SASL_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        }
    }

    @Test
    void S3_aBrokerWithoutTlsAndAuthenticationIsRefusedUnlessMarkedInsecure() throws Exception {
        Exception refused = assertThrows(Exception.class, () -> RenderedChart.render("mistake-plaintext-kafka.yaml"));
        assertTrue(String.valueOf(refused.getMessage()).contains("kafka.insecure"), refused.getMessage());
        RenderedChart insecure = RenderedChart.render("insecure-kafka.yaml");
        assertEquals("PLAINTEXT", configValue(insecure, "shop-consentry-dsr", "KAFKA_SECURITY_PROTOCOL"));
    }

    @Test
    void S2_partnerTopicAndObjectNamesStayUnambiguous() throws Exception {
        RenderedChart chart = RenderedChart.render("partners-with-similar-ids.yaml");
        List<GenericKubernetesResource> topics = chart.custom("KafkaTopic");
        assertEquals(topics.size(), topics.stream().map(t -> t.getMetadata().getName()).distinct().count(), "object names");
        assertEquals(topics.size(), topics.stream().map(t -> spec(t).get("topicName")).distinct().count(), "topic names");
        assertEquals(6 + 2 * 4, topics.size());
    }

    private static Map<String, Object> spec(GenericKubernetesResource r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
        return spec;
    }

    private static void assertProductionReady(Deployment d) {
        String name = d.getMetadata().getName();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), name + " runs as non-root");
        for (Container c : pod.getContainers()) {
            assertNotNull(c.getStartupProbe(), name + " startup probe");
            assertNotNull(c.getLivenessProbe(), name + " liveness probe");
            assertNotNull(c.getReadinessProbe(), name + " readiness probe");
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertFalse(c.getResources().getRequests().isEmpty(), name + " resource requests");
            assertFalse(c.getResources().getLimits().isEmpty(), name + " resource limits");
            assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), name);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                    name + " has a writable /tmp despite the read-only root");
        }
    }

    /** No Secret object rendered, no secret setting in a ConfigMap, and every secret env var read from a Secret. */
    private static void assertSecretsOnlyFromSecrets(RenderedChart chart) {
        assertFalse(chart.yaml.contains("kind: Secret"), "the chart never creates Secrets");
        for (ConfigMap cm : chart.all(ConfigMap.class)) {
            for (String key : cm.getData().keySet()) {
                assertFalse(SECRET_SETTINGS.contains(key), key + " must not be in ConfigMap " + cm.getMetadata().getName());
                assertFalse(key.matches(".*(PASSWORD|SECRET|PRIVATE_KEY|SIGNING_KEY|ENCRYPTION_KEY).*"),
                        key + " looks like a secret in ConfigMap " + cm.getMetadata().getName());
            }
        }
        for (Deployment d : chart.all(Deployment.class)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (SECRET_SETTINGS.contains(e.getName())) {
                    assertNotNull(e.getValueFrom().getSecretKeyRef(), e.getName() + " comes from a Secret");
                }
            }
        }
    }

    private static Container container(RenderedChart chart, String deployment) {
        return chart.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(deployment))
                .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static String configValue(RenderedChart chart, String name, String key) {
        return chart.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow().getData().get(key);
    }
}
