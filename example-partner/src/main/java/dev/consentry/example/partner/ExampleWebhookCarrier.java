package dev.consentry.example.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.data.PartnerReply;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The example carrier as a webhook partner: an HTTP endpoint that receives each notice as a CloudEvent, checks its
 * Standard Webhooks signature (HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} under the secret Consentry
 * showed at registration; any of the listed signatures may match, as during a secret rotation) and its timestamp (at
 * most five minutes off), applies it once, and answers in the response body — the reply Consentry applies. A request
 * that fails the checks gets a 401 and changes nothing.
 * <p>
 * Run it: {@code java -cp ... dev.consentry.example.partner.ExampleWebhookCarrier <port> <partnerId> <whsec_secret>}.
 */
public final class ExampleWebhookCarrier implements AutoCloseable {

    private static final long TOLERANCE_SECONDS = 300;

    private final HttpServer server;
    private final CarrierBook book;
    private final byte[] secret;

    public ExampleWebhookCarrier(int port, String recipientId, String secret) throws IOException {
        this.book = new CarrierBook(recipientId);
        this.secret = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        this.server.setExecutor(Executors.newFixedThreadPool(4));
        this.server.createContext("/", this::receive);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ExampleWebhookCarrier <port> <partnerId> <whsec_secret>");
            System.exit(2);
        }
        ExampleWebhookCarrier carrier = new ExampleWebhookCarrier(Integer.parseInt(args[0]), args[1], args[2]).start();
        Runtime.getRuntime().addShutdownHook(new Thread(carrier::close));
        System.out.printf("[%s] receiving notices on http://localhost:%d/; Ctrl-C stops%n", args[1], carrier.port());
    }

    public ExampleWebhookCarrier start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!fresh(timestamp) || !signed(id, timestamp, body, signatures)) {
                respond(exchange, 401, "");
                return;
            }
            CloudEvent notice;
            try {
                notice = EventContract.mapper().readValue(body, CloudEvent.class);
            } catch (IOException notACloudEvent) {
                respond(exchange, 400, "");
                return;
            }
            PartnerReply reply = book.answer(notice);
            respond(exchange, 200, EventContract.mapper().writeValueAsString(reply));
        }
    }

    private static boolean fresh(String timestamp) {
        try {
            return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean signed(String id, String timestamp, String body, String signatures) {
        if (id == null || signatures == null) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
        for (String candidate : signatures.split(" ")) {
            if (candidate.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another signature may match
                }
            }
        }
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
