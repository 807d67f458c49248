package dev.consentry.conformance;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.AccessTask;
import dev.consentry.events.data.ConsentWithdrawnNotice;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.events.data.FieldChange;
import dev.consentry.events.data.RestrictionNotice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One notice of every type, as dsr-service writes them, for an invented customer of a test shop — plus the two ways a
 * notice comes twice: the very same record again (a producer retry) and the same notice in a new event (the relay
 * after a crash).
 */
final class Notices {

    /** A notice to send: its event, and whether it repeats one sent before. */
    record Sent(CloudEvent event, String noticeId, String type, boolean repeat) {
    }

    private Notices() {
    }

    static List<Sent> all(String tenant, String partnerId, Instant replyBy) {
        String subject = "conformance-" + UUID.randomUUID();
        String request = UUID.randomUUID().toString();
        List<Sent> sent = new ArrayList<>();
        Sent correction = sent(tenant, subject, EventTypes.PARTNER_CORRECTION, id -> new CorrectionNotice(id, request,
                partnerId, subject, List.of(new FieldChange("/shippingAddress", TextNode.valueOf("1 Old Road"),
                TextNode.valueOf("2 New Road"))), replyBy));
        sent.add(correction);
        Sent erasure = sent(tenant, subject, EventTypes.PARTNER_ERASURE, id -> new ErasureNotice(id, request, partnerId,
                subject, List.of("shippingAddress"), List.of(), replyBy, ErasureNotice.ERASE));
        sent.add(erasure);
        sent.add(sent(tenant, subject, EventTypes.PARTNER_RESTRICTION, id -> new RestrictionNotice(id, request, partnerId,
                subject, List.of("phone"), replyBy)));
        sent.add(sent(tenant, subject, EventTypes.PARTNER_CONSENT_WITHDRAWN, id -> new ConsentWithdrawnNotice(id, request,
                partnerId, subject, List.of("marketing-email"), List.of("email"), "consent_withdrawal", replyBy)));
        sent.add(sent(tenant, subject, EventTypes.PARTNER_ACCESS_TASK, id -> new AccessTask(id, request, partnerId, subject,
                List.of("shippingAddress"), false, replyBy)));
        // the same record twice, and the same notice in a new event
        sent.add(new Sent(correction.event(), correction.noticeId(), correction.type(), true));
        CloudEvent first = erasure.event();
        CloudEvent redelivered = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), first.source(),
                first.type(), Instant.now(), CloudEvent.JSON, tenant, first.subjectkey(), first.data());
        sent.add(new Sent(redelivered, erasure.noticeId(), erasure.type(), true));
        return sent;
    }

    private static Sent sent(String tenant, String subject, String type, java.util.function.Function<String, Object> data) {
        String noticeId = UUID.randomUUID().toString();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), Channels.DSR_SERVICE,
                type, Instant.now(), CloudEvent.JSON, tenant, "conformance-key-" + subject,
                EventContract.mapper().valueToTree(data.apply(noticeId)));
        return new Sent(event, noticeId, type, false);
    }
}
