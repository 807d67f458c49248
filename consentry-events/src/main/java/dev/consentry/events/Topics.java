package dev.consentry.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka topic names of the Consentry contract (see asyncapi.yaml).
 * <p>
 * Partners are identities of the installation: partner {@code p} reads its notices on
 * {@code consentry.partner.p.v1} and answers on {@code consentry.partner.p.replies.v1}, whatever shops it serves (each
 * notice carries its tenant). A registered partner's id is lowercase letters and digits in groups joined by single
 * hyphens; a shop's own system gets the id {@code <tenant>--<system>}, so it can never be taken by a partner or by
 * another shop's system. Ids never contain a dot, so the two topic shapes can never be mistaken for one another.
 */
public final class Topics {
    public static final String CONSENT = "consentry.consent.v1";
    public static final String DSR = "consentry.dsr.v1";
    public static final String AUDIT_CHECKPOINTS = "consentry.audit-checkpoints.v1";

    /** The id of a partner registered by the platform admin: {@code swift-shipping}, at most 63 characters. */
    public static final String PARTNER_ID = "(?=.{1,63}$)[a-z0-9]+(?:-[a-z0-9]+)*";
    /** Any id a partner topic may be named after: a registered partner's, or a shop's own system's ({@code shop-a--crm}). */
    public static final String TOPIC_PARTNER_ID = "(?=.{1,128}$)[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?";
    /** What {@link #PARTNER_ID} says, for validation messages. */
    public static final String PARTNER_ID_MESSAGE = "lowercase letters and digits, in groups joined by single '-', at most 63";

    private static final String NAMESPACE_SEPARATOR = "--";
    private static final Pattern PARTNER = Pattern.compile(PARTNER_ID);
    private static final Pattern TOPIC_PARTNER = Pattern.compile(TOPIC_PARTNER_ID);
    private static final Pattern NOTICE_TOPIC = Pattern.compile("consentry\\.partner\\.(" + TOPIC_PARTNER_ID + ")\\.v1");
    private static final Pattern REPLY_TOPIC = Pattern.compile("consentry\\.partner\\.(" + TOPIC_PARTNER_ID + ")\\.replies\\.v1");

    /** Subscription pattern (Kafka regex) for every partner's notice topic, and never a reply topic. */
    public static final String PARTNER_NOTICES_PATTERN = "consentry\\.partner\\.[a-z0-9-]+\\.v1";
    /** Subscription pattern (Kafka regex) for every partner's reply topic, and never a notice topic. */
    public static final String PARTNER_REPLIES_PATTERN = "consentry\\.partner\\.[a-z0-9-]+\\.replies\\.v1";

    private Topics() {
    }

    /** The topic that carries notices to one partner; one topic each so that ACLs keep partners apart. */
    public static String partnerNotices(String partnerId) {
        return "consentry.partner." + requireTopicPartnerId(partnerId) + ".v1";
    }

    /** The topic on which one partner answers its notices; only that partner may write it. */
    public static String partnerReplies(String partnerId) {
        return "consentry.partner." + requireTopicPartnerId(partnerId) + ".replies.v1";
    }

    /** The partner a notice topic belongs to, if {@code topic} is one. */
    public static Optional<String> partnerOfNoticeTopic(String topic) {
        return group(NOTICE_TOPIC, topic);
    }

    /** The partner a reply topic belongs to, if {@code topic} is one. */
    public static Optional<String> partnerOfReplyTopic(String topic) {
        return group(REPLY_TOPIC, topic);
    }

    /** The id of a shop's own system: namespaced by the shop, so no partner and no other shop can hold it. */
    public static String ownSystemId(String tenant, String systemId) {
        if (!isValidPartnerId(tenant) || !isValidPartnerId(systemId)) {
            throw new IllegalArgumentException("tenant and system id must match " + PARTNER_ID);
        }
        return tenant + NAMESPACE_SEPARATOR + systemId;
    }

    /** Whether a platform admin may register {@code id} as a partner of the installation. */
    public static boolean isValidPartnerId(String id) {
        return id != null && PARTNER.matcher(id).matches();
    }

    public static boolean isValidTopicPartnerId(String id) {
        return id != null && TOPIC_PARTNER.matcher(id).matches();
    }

    private static String requireTopicPartnerId(String id) {
        if (!isValidTopicPartnerId(id)) {
            throw new IllegalArgumentException("partner id must match " + TOPIC_PARTNER_ID);
        }
        return id;
    }

    private static Optional<String> group(Pattern pattern, String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
