package dev.consentry.example.partner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.PartnerReply;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The carrier's own records and what it answered: applies a notice to its (in-memory) customer records once and
 * returns its answer; a notice it has seen before is answered the same way again without being applied twice. Both
 * the Kafka and the webhook carrier use it.
 */
public final class CarrierBook {

    private final String recipientId;
    private final Map<String, Map<String, JsonNode>> customers = new ConcurrentHashMap<>();
    /** The answers given, by notice id (the latest 10,000). */
    private final Map<String, PartnerReply> answers = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartnerReply> eldest) {
            return size() > 10_000;
        }
    });

    public CarrierBook(String recipientId) {
        this.recipientId = recipientId;
    }

    /** Applies the notice (once) and returns the answer to send. */
    public synchronized PartnerReply answer(CloudEvent notice) {
        JsonNode data = notice.data();
        String noticeId = data.path("noticeId").asText();
        PartnerReply answered = answers.get(noticeId);
        if (answered != null) {
            // a redelivery (after a rebalance, or a sender retrying): answer again, change nothing
            return answered;
        }
        PartnerReply reply = apply(notice, data, noticeId);
        answers.put(noticeId, reply);
        return reply;
    }

    private PartnerReply apply(CloudEvent notice, JsonNode data, String noticeId) {
        String customerKey = notice.tenant() + "/" + data.path("subjectId").asText();
        switch (notice.type()) {
            case EventTypes.PARTNER_CORRECTION -> {
                Map<String, JsonNode> customer = customers.computeIfAbsent(customerKey, k -> new HashMap<>());
                for (JsonNode change : data.path("changes")) {
                    customer.put(change.path("path").asText().substring(1), change.path("newValue"));
                }
                log("applied correction notice %s (%d field(s))", noticeId, data.path("changes").size());
                return reply(noticeId, "completed", "record updated", null);
            }
            case EventTypes.PARTNER_ERASURE -> {
                // erase (or, for a retention rule that says so, anonymise) the categories listed, nothing else
                boolean anonymise = "anonymise".equals(data.path("method").asText());
                Map<String, JsonNode> customer = customers.getOrDefault(customerKey, new HashMap<>());
                Map<String, JsonNode> withoutCustomer = new HashMap<>();
                for (JsonNode category : data.path("erase")) {
                    JsonNode held = customer.remove(category.asText());
                    if (anonymise && held != null) {
                        withoutCustomer.put(category.asText(), held);
                    }
                }
                if (!withoutCustomer.isEmpty()) {
                    customers.put("anonymous/" + UUID.randomUUID(), withoutCustomer);
                }
                if (customer.isEmpty()) {
                    customers.remove(customerKey);
                }
                log("%s %d category(ies) of notice %s (%d kept restricted)", anonymise ? "anonymised" : "erased",
                        data.path("erase").size(), noticeId, data.path("restrict").size());
                return reply(noticeId, "completed", anonymise ? "records anonymised" : "records erased", null);
            }
            case EventTypes.PARTNER_ACCESS_TASK -> {
                Map<String, JsonNode> customer = customers.get(customerKey);
                log("answered access task %s (%s)", noticeId, customer == null ? "no record" : "record sent");
                return reply(noticeId, customer == null ? "not_found" : "completed", "what we hold",
                        customer == null ? null : EventContract.mapper().valueToTree(customer));
            }
            case EventTypes.PARTNER_RESTRICTION, EventTypes.PARTNER_CONSENT_WITHDRAWN -> {
                log("stopped using the customer's data as notice %s asks", noticeId);
                return reply(noticeId, "completed", "processing stopped", null);
            }
            default -> {
                return reply(noticeId, "denied", "notice type not handled by this example", null);
            }
        }
    }

    private PartnerReply reply(String noticeId, String outcome, String reason, JsonNode data) {
        return new PartnerReply(noticeId, recipientId, outcome, reason, data);
    }

    private void log(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = recipientId;
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf("[%s] " + format + "; acknowledging%n", all);
        System.out.flush();
    }
}
