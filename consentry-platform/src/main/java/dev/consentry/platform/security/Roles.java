package dev.consentry.platform.security;

/** The roles a token can carry (README, "How it behaves": tenancy and roles), as they appear in its role claim. */
public final class Roles {
    public static final String STOREFRONT = "storefront";
    public static final String SUBJECT = "subject";
    public static final String DPO = "dpo";
    public static final String AUDITOR = "auditor";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** A partner of the installation answering its notices over HTTP; its id is in the partner claim. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
