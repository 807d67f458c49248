package dev.consentry.devstack;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker: one in-process KRaft node (broker and controller combined), or an external cluster named by
 * {@code CONSENTRY_KAFKA_BOOTSTRAP=host:port}. Topics are created on first use.
 */
public final class KafkaServer implements AutoCloseable {

    public static final String EXTERNAL_ENV = "CONSENTRY_KAFKA_BOOTSTRAP";

    private final KafkaClusterTestKit cluster;
    private final String bootstrap;

    private KafkaServer(KafkaClusterTestKit cluster, String bootstrap) {
        this.cluster = cluster;
        this.bootstrap = bootstrap;
    }

    public static KafkaServer start() throws Exception {
        String external = System.getenv(EXTERNAL_ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaServer(null, external.trim());
        }
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaServer(cluster, cluster.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public boolean isEmbedded() {
        return cluster != null;
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
