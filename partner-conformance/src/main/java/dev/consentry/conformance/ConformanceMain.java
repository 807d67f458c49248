package dev.consentry.conformance;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * {@code java -jar partner-conformance.jar --partner swift-shipping (--bootstrap host:9092 [--client-config kafka.properties]
 * | --webhook https://… --secret whsec_…) [--tenant conformance-shop] [--wait 60]}: sends the partner every notice
 * type, a duplicate and a redelivery, checks its replies, prints the report, and exits 0 when the partner conforms, 1
 * when it does not, 2 on wrong arguments.
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        String partner = null;
        String tenant = "conformance-shop";
        Duration wait = Duration.ofSeconds(60);
        String webhook = null;
        String secret = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap" -> client.put("bootstrap.servers", args[++i]);
                    case "--partner" -> partner = args[++i];
                    case "--tenant" -> tenant = args[++i];
                    case "--wait" -> wait = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--client-config" -> load(client, args[++i]);
                    case "--webhook" -> webhook = args[++i];
                    case "--secret" -> secret = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (partner == null || (webhook == null) == !client.containsKey("bootstrap.servers")) {
                throw new IllegalArgumentException("--partner, and either --bootstrap or --webhook, are required");
            }
            if (webhook != null && secret == null) {
                throw new IllegalArgumentException("--webhook needs the partner's signing --secret");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(e.getMessage() == null ? "missing a value" : e.getMessage());
            System.err.println("usage: java -jar partner-conformance.jar --partner <id> (--bootstrap host:port "
                    + "[--client-config kafka.properties] | --webhook <url> --secret <whsec_…>) [--tenant <id>] [--wait seconds]");
            System.exit(2);
            return;
        }
        Report report = webhook != null
                ? new WebhookConformance(java.net.URI.create(webhook), secret, partner, tenant, wait).run()
                : new KafkaConformance(partner, tenant, wait, client).run();
        System.out.print(report.text());
        System.exit(report.passed() ? 0 : 1);
    }

    private static void load(Properties client, String file) {
        try (InputStream in = new FileInputStream(file)) {
            client.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file);
        }
    }
}
