package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * An identity of the installation that receives notices (S2): a partner registered once by the platform admin, which
 * any shop may link into its registry, or a shop's own system ({@link #ownerTenant} set, id {@code <tenant>--<system>}).
 * It reads its notices on {@code consentry.partner.<id>.v1} and answers on {@code consentry.partner.<id>.replies.v1}.
 */
@Entity
public class Partner extends PanacheEntityBase {

    public static final String KAFKA = "kafka";
    /** Notices as signed HTTP requests (Standard Webhooks) to {@link #webhookUrl}. */
    public static final String WEBHOOK = "webhook";
    /** Notices as readable e-mails to {@link #email}, answered through single-use links. */
    public static final String EMAIL = "email";

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** The principal its Kafka credentials authenticate as; broker ACLs are granted to it. */
    @Column(name = "kafka_principal")
    public String kafkaPrincipal;

    /** How it receives notices: {@value #KAFKA} or {@value #WEBHOOK}. */
    @Column(nullable = false)
    public String delivery;

    /** Where e-mail notices go. */
    public String email;

    /** Where webhook notices go. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** JSON list of its signing secrets (current first, then the previous one during a rotation), sealed. */
    @Column(name = "webhook_secrets_sealed")
    public String webhookSecretsSealed;

    /** Null for a partner of the installation; the shop's tenant for a shop's own system. */
    @Column(name = "owner_tenant")
    public String ownerTenant;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether {@code tenant} may link this partner into its registry. */
    public boolean linkableBy(String tenant) {
        return ownerTenant == null || ownerTenant.equals(tenant);
    }
}
