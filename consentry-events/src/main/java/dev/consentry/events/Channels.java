package dev.consentry.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what each topic may carry and who may write it (S1), in code; asyncapi.yaml states the same and a
 * test keeps the two together. Broker ACLs (deploy/) make sure only that writer can write the topic; this table makes
 * sure that a consumer acts on nothing else even if a broker is misconfigured.
 */
public final class Channels {

    /** CloudEvent {@code source} of each Consentry service. */
    public static final String CONSENT_SERVICE = "/consentry/consent-service";
    public static final String DSR_SERVICE = "/consentry/dsr-service";
    public static final String AUDIT_SERVICE = "/consentry/audit-service";
    private static final String PARTNER_SOURCE_PREFIX = "/partners/";

    public static final Channel CONSENT = new Channel("consent", exactly(Topics.CONSENT, "consent-service"),
            Set.of(EventTypes.CONSENT_GIVEN, EventTypes.CONSENT_REFUSED, EventTypes.CONSENT_WITHDRAWN,
                    EventTypes.CONSENT_EXPIRED, EventTypes.CONSENT_RENEWAL_REQUIRED, EventTypes.NOTICE_PUBLISHED,
                    EventTypes.CONSENT_STAFF_ACCESS, EventTypes.PURPOSE_DEFINED),
            owner -> CONSENT_SERVICE);

    /** Request lifecycle; the only channel that can cause a subject's key to be destroyed. */
    public static final Channel DSR = new Channel("dsr", exactly(Topics.DSR, "dsr-service"),
            Set.of(EventTypes.DSR_RECEIVED, EventTypes.DSR_VERIFIED, EventTypes.DSR_PARTNER_NOTIFIED,
                    EventTypes.DSR_PARTNER_REPLIED, EventTypes.DSR_COMPLETED, EventTypes.DSR_EXTENDED,
                    EventTypes.DSR_DENIED, EventTypes.DSR_CANCELLED, EventTypes.DSR_PAUSED, EventTypes.DSR_RESUMED,
                    EventTypes.DSR_RESTRICTION_LIFTED, EventTypes.DSR_SUBJECT_KEY_DESTROYED, EventTypes.DSR_DUE_SOON,
                    EventTypes.DSR_OVERDUE, EventTypes.DSR_PARTNER_OVERDUE, EventTypes.DISCLOSURE_RECORDED,
                    EventTypes.DSR_STAFF_ACCESS, EventTypes.DSR_RETENTION_ACTION, EventTypes.DSR_COMPLAINT_RECEIVED,
                    EventTypes.DSR_COMPLAINT_ANSWERED, EventTypes.DSR_COMPLAINT_OVERDUE, EventTypes.DSR_BREACH_RECORDED,
                    EventTypes.DSR_BREACH_CHANGED, EventTypes.DSR_BREACH_DUE_SOON, EventTypes.DSR_BREACH_OVERDUE,
                    EventTypes.DSR_DISCLOSURE_NOTICE),
            owner -> DSR_SERVICE);

    /** Notices to one partner, written by dsr-service alone. */
    public static final Channel PARTNER_NOTICES = new Channel("partner-notices", Topics::partnerOfNoticeTopic,
            Set.of(EventTypes.PARTNER_CORRECTION, EventTypes.PARTNER_ERASURE, EventTypes.PARTNER_RESTRICTION,
                    EventTypes.PARTNER_CONSENT_WITHDRAWN, EventTypes.PARTNER_ACCESS_TASK),
            owner -> DSR_SERVICE);

    /** One partner's replies: on its own reply topic, with its own source, and nothing but replies. */
    public static final Channel PARTNER_REPLIES = new Channel("partner-replies", Topics::partnerOfReplyTopic,
            Set.of(EventTypes.PARTNER_REPLY), Channels::partnerSource);

    public static final Channel AUDIT_CHECKPOINTS = new Channel("audit-checkpoints",
            exactly(Topics.AUDIT_CHECKPOINTS, "audit-service"), Set.of(EventTypes.AUDIT_CHECKPOINT),
            owner -> AUDIT_SERVICE);

    public static final List<Channel> ALL = List.of(CONSENT, DSR, PARTNER_NOTICES, PARTNER_REPLIES, AUDIT_CHECKPOINTS);

    private Channels() {
    }

    /** Whether {@code source} is one of Consentry's own services (whose internal events carry no personal value). */
    public static boolean isServiceSource(String source) {
        return CONSENT_SERVICE.equals(source) || DSR_SERVICE.equals(source) || AUDIT_SERVICE.equals(source);
    }

    /** Whether {@code channel} carries a partner's notices or replies, which hold personal values. */
    public static boolean isPartnerChannel(Channel channel) {
        return channel == PARTNER_NOTICES || channel == PARTNER_REPLIES;
    }

    /** The {@code source} a partner writes its replies with. */
    public static String partnerSource(String partnerId) {
        return PARTNER_SOURCE_PREFIX + partnerId;
    }

    /** The partner a reply came from; only meaningful for an event {@link #PARTNER_REPLIES} accepted. */
    public static Optional<String> partnerOfSource(String source) {
        return source != null && source.startsWith(PARTNER_SOURCE_PREFIX)
                ? Optional.of(source.substring(PARTNER_SOURCE_PREFIX.length())).filter(Topics::isValidTopicPartnerId)
                : Optional.empty();
    }

    private static java.util.function.Function<String, Optional<String>> exactly(String topic, String owner) {
        return t -> topic.equals(t) ? Optional.of(owner) : Optional.empty();
    }
}
