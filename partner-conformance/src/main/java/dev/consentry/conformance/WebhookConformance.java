package dev.consentry.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.PartnerReply;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Consentry against a webhook partner: POSTs one notice of every type (and a duplicate delivery and a
 * redelivered notice) signed as Standard Webhooks describes with the partner's secret, plus two deliveries it must
 * refuse — a wrong signature and a stale timestamp — and checks each answer: accepted with a 2xx, the reply in the
 * body naming its notice and the partner, consistent when a notice comes again. (Replies the partner sends later with
 * its own token are not seen by the kit; such a partner fails {@code every-notice-answered} by design of this check.)
 */
public final class WebhookConformance {

    private final URI url;
    private final String secret;
    private final String partnerId;
    private final String tenant;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookConformance(URI url, String secret, String partnerId, String tenant, Duration timeout) {
        this.url = url;
        this.secret = secret;
        this.partnerId = partnerId;
        this.tenant = tenant;
        this.timeout = timeout;
    }

    public Report run() throws Exception {
        Report report = new Report();
        List<Notices.Sent> sent = Notices.all(tenant, partnerId, Instant.now().plus(Duration.ofDays(5)));
        Map<String, Notices.Sent> notices = new LinkedHashMap<>();
        sent.stream().filter(s -> !s.repeat()).forEach(s -> notices.put(s.noticeId(), s));
        Map<String, List<PartnerReply>> byNotice = new HashMap<>();
        for (Notices.Sent notice : sent) {
            HttpResponse<String> response = deliver(notice.event(), Instant.now().getEpochSecond(), true);
            String name = name(notice);
            if (response.statusCode() / 100 != 2) {
                report.fail("accepts-signed-notice", name + " was answered " + response.statusCode());
                continue;
            }
            PartnerReply reply = reply(response.body());
            if (reply == null) {
                continue;
            }
            if (!notices.containsKey(reply.noticeId())) {
                report.fail("reply-names-a-sent-notice", name + " was answered for notice " + reply.noticeId());
                continue;
            }
            if (!partnerId.equals(reply.recipientId())) {
                report.fail("reply-recipient", name + " was answered as recipient " + reply.recipientId());
            }
            if (!PartnerReply.OUTCOMES.contains(reply.outcome())) {
                report.fail("reply-outcome", name + " was answered with outcome " + reply.outcome());
            }
            if (EventTypes.PARTNER_ACCESS_TASK.equals(notice.type()) && "completed".equals(reply.outcome())
                    && (reply.data() == null || !reply.data().isObject())) {
                report.fail("access-answer-has-data", name + " completes an access task without the data it holds");
            }
            byNotice.computeIfAbsent(reply.noticeId(), k -> new ArrayList<>()).add(reply);
        }
        for (Notices.Sent notice : notices.values()) {
            List<PartnerReply> answers = byNotice.getOrDefault(notice.noticeId(), List.of());
            if (answers.isEmpty()) {
                report.fail("every-notice-answered", name(notice) + " got no reply in the response body");
                continue;
            }
            report.pass("every-notice-answered", name(notice) + ": " + answers.get(0).outcome());
            if (answers.stream().map(PartnerReply::outcome).distinct().count() > 1) {
                report.fail("redelivery-consistent", name(notice) + " was answered with different outcomes");
            } else if (answers.size() > 1) {
                report.pass("redelivery-consistent", name(notice) + " came again and was answered the same way");
            }
        }
        probe(report, "rejects-bad-signature", false, Instant.now().getEpochSecond());
        probe(report, "rejects-stale-timestamp", true, Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
        return report;
    }

    /** A delivery the partner must refuse (unsigned, or signed an hour ago): anything but a 2xx passes. */
    private void probe(Report report, String check, boolean signed, long timestamp) throws Exception {
        Notices.Sent forged = Notices.all(tenant, partnerId, Instant.now().plus(Duration.ofDays(5))).get(0);
        int status = deliver(forged.event(), timestamp, signed).statusCode();
        if (status / 100 == 2) {
            report.fail(check, "a delivery " + (signed ? "signed an hour ago" : "with a wrong signature")
                    + " was accepted (" + status + ")");
        } else {
            report.pass(check, "refused with " + status);
        }
    }

    private HttpResponse<String> deliver(CloudEvent event, long timestamp, boolean signed) throws Exception {
        String body = EventContract.mapper().writeValueAsString(event);
        String signature = signed ? sign(event.id() + "." + timestamp + "." + body)
                : "v1," + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/cloudevents+json")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sign(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static PartnerReply reply(String body) {
        try {
            JsonNode json = EventContract.mapper().readTree(body);
            return json == null || !json.hasNonNull("noticeId") ? null : EventContract.mapper().treeToValue(json, PartnerReply.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String name(Notices.Sent notice) {
        return notice.type().replace("dev.consentry.partner.", "").replace(".v1", "") + " notice " + notice.noticeId()
                + (notice.repeat() ? " (again)" : "");
    }
}
