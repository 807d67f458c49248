package dev.consentry.deploy;

import dev.consentry.events.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3 on a real broker: an in-process KRaft broker with SASL/PLAIN and the StandardAuthorizer receives exactly the
 * ACLs of the KafkaUsers the chart renders (principal {@code User:<KafkaUser name>}, as Strimzi grants them), and each
 * principal is tried at what it must not do.
 */
class BrokerAclTest {

    private static final String ADMIN = "admin";
    private static final List<String> PARTNERS = List.of("abc", "abc-def", "abc-replies", "shop-a--crm");
    private static final List<String> SERVICE_USERS = List.of("consentry-consent-service", "consentry-dsr-service",
            "consentry-audit-service");
    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void brokerWithTheChartsAcls() throws Exception {
        List<GenericKubernetesResource> users = RenderedChart.render("partners-with-similar-ids.yaml").custom("KafkaUser");
        List<String> principals = users.stream().map(u -> u.getMetadata().getName()).toList();
        assertEquals(SERVICE_USERS.size() + PARTNERS.size(), principals.size());

        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + ADMIN + "\" password=\"" + password(ADMIN) + "\" user_" + ADMIN + "=\"" + password(ADMIN) + "\"");
        principals.forEach(p -> jaas.append(" user_").append(p).append("=\"").append(password(p)).append('"'));
        jaas.append(';');
        ListenerName listener = new ListenerName("EXTERNAL");
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerListenerName(listener).setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .build())
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                // the admin and the in-process controller listener (plaintext, never given to clients)
                .setConfigProp("super.users", "User:" + ADMIN + ";User:ANONYMOUS")
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .setConfigProp("listener.name.external.plain.sasl.jaas.config", jaas.toString())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();

        try (Admin admin = Admin.create(client(ADMIN))) {
            List<NewTopic> topics = new ArrayList<>();
            for (GenericKubernetesResource topic : RenderedChart.render("partners-with-similar-ids.yaml").custom("KafkaTopic")) {
                topics.add(new NewTopic((String) spec(topic).get("topicName"), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
            List<AclBinding> acls = users.stream().flatMap(u -> bindings(u).stream()).toList();
            admin.createAcls(acls).all().get();
            // the controller has committed them; the broker applies them from its metadata log a moment later
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < acls.size()) {
                assertTrue(System.nanoTime() < end, "the broker did not apply the chart's ACLs within 30 s");
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void S2_aPartnerReadsItsOwnNoticesInItsOwnGroupAndWritesItsOwnReplies() throws Exception {
        send("consentry-dsr-service", Topics.partnerNotices("abc"));
        assertEquals(1, poll("consentry-partner-abc", Topics.partnerNotices("abc"), "partner-abc"));
        send("consentry-partner-abc", Topics.partnerReplies("abc"));
    }

    @Test
    void S2_aPartnerCannotReadAnotherPartnersNoticesOrJoinItsGroup() {
        assertThrows(TopicAuthorizationException.class,
                () -> poll("consentry-partner-abc", Topics.partnerNotices("abc-def"), "partner-abc"));
        assertThrows(TopicAuthorizationException.class,
                () -> poll("consentry-partner-abc", Topics.partnerNotices("shop-a--crm"), "partner-abc"));
        // a prefix ACL would have let partner "abc" into partner "abc-def"'s group
        assertThrows(GroupAuthorizationException.class,
                () -> poll("consentry-partner-abc", Topics.partnerNotices("abc"), "partner-abc-def"));
        // nor may it read the replies of another partner whose id looks like its own topic's
        assertThrows(TopicAuthorizationException.class,
                () -> poll("consentry-partner-abc", Topics.partnerReplies("abc-replies"), "partner-abc"));
    }

    @Test
    void S1_S2_aPartnerCannotWritePlatformTopicsOrAnotherPartnersTopics() {
        for (String topic : List.of(Topics.DSR, Topics.CONSENT, Topics.AUDIT_CHECKPOINTS, Topics.partnerNotices("abc"),
                Topics.partnerReplies("abc-def"), Topics.partnerNotices("abc-replies"))) {
            assertRefusedWrite("consentry-partner-abc", topic);
        }
    }

    @Test
    void S3_aServiceCannotWriteAnotherServicesTopicOrAPartnersReplies() {
        assertRefusedWrite("consentry-consent-service", Topics.DSR);
        assertRefusedWrite("consentry-consent-service", Topics.partnerNotices("abc"));
        assertRefusedWrite("consentry-dsr-service", Topics.CONSENT);
        assertRefusedWrite("consentry-dsr-service", Topics.partnerReplies("abc"));
        assertRefusedWrite("consentry-dsr-service", Topics.AUDIT_CHECKPOINTS);
        assertRefusedWrite("consentry-audit-service", Topics.DSR);
        assertRefusedWrite("consentry-audit-service", Topics.partnerNotices("abc"));
        assertRefusedWrite("consentry-audit-service", Topics.partnerReplies("abc"));
    }

    @Test
    void S3_aServiceReadsInAGroupOfItsOwnPerChannelAndJoinsNoOtherServicesGroup() throws Exception {
        send("consentry-consent-service", Topics.CONSENT);
        assertEquals(1, poll("consentry-dsr-service", Topics.CONSENT, "consentry-dsr-service.consent-events"));
        // audit-service may read consent events, but only in its own groups
        assertThrows(GroupAuthorizationException.class,
                () -> poll("consentry-audit-service", Topics.CONSENT, "consentry-dsr-service.consent-events"));
    }

    private static void assertRefusedWrite(String principal, String topic) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(principal, topic),
                principal + " must not write " + topic);
        assertTrue(refused.getCause() instanceof TopicAuthorizationException, principal + " -> " + topic + ": " + refused.getCause());
    }

    private static void send(String principal, String topic) throws Exception {
        Map<String, Object> config = client(principal);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "{}")).get();
        }
    }

    /** Polls {@code topic} in {@code group} until a record arrives (or 10 s) and returns how many did. */
    private static int poll(String principal, String topic, String group) {
        Map<String, Object> config = client(principal);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int count = 0;
            while (count == 0 && System.nanoTime() < end) {
                count += consumer.poll(Duration.ofMillis(250)).count();
            }
            return count;
        }
    }

    private static Map<String, Object> client(String principal) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + principal + "\" password=\"" + password(principal) + "\";");
        return config;
    }

    private static String password(String principal) {
        return principal + "-secret";
    }

    /** A KafkaUser's ACLs as the broker's bindings, as Strimzi's simple authorization grants them. */
    @SuppressWarnings("unchecked")
    private static List<AclBinding> bindings(GenericKubernetesResource user) {
        String principal = "User:" + user.getMetadata().getName();
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) spec(user).get("authorization")).get("acls");
        List<AclBinding> bindings = new ArrayList<>();
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            ResourceType type = ResourceType.fromString(((String) resource.get("type")).toUpperCase());
            PatternType pattern = "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL;
            for (Object op : (List<Object>) acl.get("operations")) {
                bindings.add(new AclBinding(new ResourcePattern(type, (String) resource.get("name"), pattern),
                        new AccessControlEntry(principal, "*", AclOperation.fromString(((String) op).toUpperCase()),
                                AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static Map<String, Object> spec(GenericKubernetesResource r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
        return spec;
    }
}
