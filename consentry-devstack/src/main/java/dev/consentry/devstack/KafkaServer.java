package dev.consentry.devstack;

import dev.consentry.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Kafka broker: one in-process KRaft node (broker and controller combined), or an external cluster named by
 * {@code CONSENTRY_KAFKA_BOOTSTRAP=host:port}. Topics are created on first use.
 */
public final class KafkaServer implements AutoCloseable {

    public static final String EXTERNAL_ENV = "CONSENTRY_KAFKA_BOOTSTRAP";
    private static final int PARTITIONS = 3;

    private final KafkaClusterTestKit cluster;
    private final String bootstrap;

    /**
     * What the broker's test kit would run at JVM exit (deleting its log directories): run when the broker has
     * stopped instead, since at JVM exit it ran beside the broker and the services still talking to it.
     */
    private static final List<Runnable> AFTER_CLOSE = new CopyOnWriteArrayList<>();

    private KafkaServer(KafkaClusterTestKit cluster, String bootstrap) {
        this.cluster = cluster;
        this.bootstrap = bootstrap;
    }

    public static KafkaServer start() throws Exception {
        String external = System.getenv(EXTERNAL_ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaServer(null, external.trim());
        }
        // An in-process broker that hits a fatal fault calls Exit.halt/exit, which would end the launcher or the test
        // JVM without stopping PostgreSQL and the services. Report it instead; the owner decides what to do.
        Exit.setExitProcedure((status, message) -> Console.say("In-process Kafka broker requested exit(%d), ignored: %s", status, message));
        Exit.setHaltProcedure((status, message) -> Console.say("In-process Kafka broker requested halt(%d), ignored: %s", status, message));
        Exit.setShutdownHookAdder((name, hook) -> AFTER_CLOSE.add(hook));
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", Integer.toString(PARTITIONS))
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        KafkaServer server = new KafkaServer(cluster, cluster.bootstrapServers());
        server.createContractTopics();
        return server;
    }

    /**
     * Creates the contract's shared topics up front, so that consumers find them at once rather than after their next
     * metadata refresh. Per-partner topics are created on first use here (production creates them with the chart).
     */
    private void createContractTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = List.of(Topics.CONSENT, Topics.DSR, Topics.AUDIT_CHECKPOINTS)
                    .stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
    }

    /**
     * Creates a topic (e.g. a partner's notice topic when the partner is onboarded), if it does not exist, and returns
     * once every partition has a leader, as the chart's topics have before a service writes. A topic the broker creates
     * on a first write has none for a moment, and a producer with several batches in flight to it can then lose their
     * order (a first batch refused and expired, later ones taken).
     */
    public void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(name)) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                    // created meanwhile (a client's first use auto-created it): what was asked for exists
                }
            }
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (!led(admin, name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " has no leader after 30 s");
                }
                Thread.sleep(50);
            }
        }
    }

    /** Whether every partition of {@code name} has a leader (false while the broker does not know the topic yet). */
    private static boolean led(Admin admin, String name) throws Exception {
        try {
            return admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().stream()
                    .allMatch(p -> p.leader() != null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
            AFTER_CLOSE.forEach(Runnable::run);
            AFTER_CLOSE.clear();
        }
    }
}
