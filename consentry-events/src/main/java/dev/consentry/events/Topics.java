package dev.consentry.events;

/** Kafka topic names of the Consentry contract (see asyncapi.yaml). */
public final class Topics {
    public static final String CONSENT = "consentry.consent.v1";
    public static final String DSR = "consentry.dsr.v1";
    public static final String PARTNER_REPLIES = "consentry.partner-replies.v1";
    public static final String AUDIT_CHECKPOINTS = "consentry.audit-checkpoints.v1";

    private static final String RECIPIENT_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private Topics() {
    }

    /** The topic that carries notices to one recipient; one topic each so that ACLs can keep partners apart. */
    public static String partner(String recipientId) {
        if (!isValidRecipientId(recipientId)) {
            throw new IllegalArgumentException("recipient id must match " + RECIPIENT_ID);
        }
        return "consentry.partner." + recipientId + ".v1";
    }

    /** Recipient ids become part of a topic name, so they are restricted to lowercase letters, digits and '-'. */
    public static boolean isValidRecipientId(String recipientId) {
        return recipientId != null && recipientId.matches(RECIPIENT_ID);
    }
}
