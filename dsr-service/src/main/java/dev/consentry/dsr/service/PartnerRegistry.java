package dev.consentry.dsr.service;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.repository.PartnerRepository;
import dev.consentry.dsr.service.view.PartnerView;
import dev.consentry.dsr.service.webhook.WebhookSecrets;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Partners as identities of the installation (S2): the platform admin registers each once, with its Kafka principal;
 * shops link them into their registries ({@link RecipientService}). A shop's own system is registered here as a
 * partner owned by that shop the first time the shop names it.
 */
@ApplicationScoped
public class PartnerRegistry {

    /** Register command: a partner's id, name, delivery, and its Kafka principal or webhook address. */
    public record Registration(String id, String name, String kafkaPrincipal, String delivery, String webhookUrl,
                               String email) {
    }

    private final PartnerRepository partners;
    private final WebhookSecrets secrets;
    private final DsrConfig config;
    private final Clock clock;

    public PartnerRegistry(PartnerRepository partners, WebhookSecrets secrets, DsrConfig config, Clock clock) {
        this.partners = partners;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs in the caller's transaction. A webhook partner gets its signing secret, shown in this answer only.
     */
    public Uni<PartnerView> register(Registration registration) {
        String delivery = registration.delivery() == null ? Partner.KAFKA : registration.delivery();
        if (Partner.KAFKA.equals(delivery) && registration.kafkaPrincipal() == null) {
            throw ProblemException.badRequest("kafka-principal-missing", "A partner on Kafka names its kafkaPrincipal.");
        }
        if (Partner.WEBHOOK.equals(delivery)) {
            checkWebhookUrl(registration.webhookUrl());
        }
        if (Partner.EMAIL.equals(delivery) && registration.email() == null) {
            throw ProblemException.badRequest("email-missing", "A partner answering by e-mail names its email.");
        }
        return partners.findById(registration.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("partner-exists", "Partner '" + registration.id() + "' is registered already.");
            }
            Partner p = new Partner();
            p.id = registration.id();
            p.name = registration.name();
            p.kafkaPrincipal = registration.kafkaPrincipal();
            p.delivery = delivery;
            p.createdAt = now();
            p.email = Partner.EMAIL.equals(delivery) ? registration.email() : null;
            String secret = null;
            if (Partner.WEBHOOK.equals(delivery)) {
                p.webhookUrl = registration.webhookUrl();
                secret = WebhookSecrets.generate();
                secrets.install(p, secret, false);
            }
            String shownOnce = secret;
            return partners.persist(p).map(saved -> view(saved, shownOnce));
        });
    }

    /**
     * Rotates a webhook partner's signing secret: deliveries are signed with the new one and, until the next
     * rotation, the previous one too, so the partner can switch without losing a notice. Caller's transaction.
     */
    public Uni<PartnerView> rotateSecret(String partnerId) {
        return partners.findById(partnerId).map(p -> {
            if (p == null || p.ownerTenant != null) {
                throw ProblemException.notFound("No such partner.");
            }
            if (!Partner.WEBHOOK.equals(p.delivery)) {
                throw ProblemException.conflict("not-a-webhook-partner", "Only a webhook partner has a signing secret.");
            }
            String secret = WebhookSecrets.generate();
            secrets.install(p, secret, true);
            return view(p, secret);
        });
    }

    private void checkWebhookUrl(String url) {
        if (url == null) {
            throw ProblemException.badRequest("webhook-url-missing", "A webhook partner names its webhookUrl.");
        }
        if (!url.startsWith("https://") && !config.webhooks().allowHttp()) {
            throw ProblemException.badRequest("webhook-url-not-https", "A webhook address must use https.");
        }
    }

    @WithSession
    public Uni<List<PartnerView>> list(int page, int size) {
        return partners.installationPartners(page, size).map(list -> list.stream().map(PartnerRegistry::view).toList());
    }

    /**
     * The partner {@code tenant} may link as {@code partnerId}: one of the installation's, or the shop's own. Another
     * shop's own system is answered like an unknown one.
     */
    public Uni<Partner> linkable(String tenant, String partnerId) {
        return partners.findById(partnerId).map(p -> {
            if (p == null || !p.linkableBy(tenant)) {
                throw ProblemException.unprocessable("unknown-partner",
                        "No partner '" + partnerId + "' is registered; the platform admin registers partners (POST /v1/partners).");
            }
            return p;
        });
    }

    /** The shop's own system {@code systemId}: created on first use, owned by the shop. Runs in the caller's transaction. */
    public Uni<Partner> ownSystem(String tenant, String systemId, String name) {
        if (!Topics.isValidPartnerId(tenant)) {
            throw ProblemException.unprocessable("tenant-cannot-name-a-topic", "This shop's id cannot name a Kafka topic "
                    + "(" + Topics.PARTNER_ID_MESSAGE + "); link a registered partner instead.");
        }
        String id = Topics.ownSystemId(tenant, systemId);
        return partners.findById(id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Partner p = new Partner();
            p.id = id;
            p.name = name;
            p.delivery = Partner.KAFKA;
            p.ownerTenant = tenant;
            p.createdAt = now();
            return partners.persist(p);
        });
    }

    static PartnerView view(Partner p) {
        return view(p, null);
    }

    private static PartnerView view(Partner p, String secretShownOnce) {
        boolean kafka = Partner.KAFKA.equals(p.delivery);
        return new PartnerView(p.id, p.name, p.kafkaPrincipal, p.delivery, kafka ? Topics.partnerNotices(p.id) : null,
                kafka ? Topics.partnerReplies(p.id) : null, kafka ? consumerGroup(p.id) : null, p.createdAt,
                p.webhookUrl, secretShownOnce, p.email);
    }

    /** The one consumer group a partner's credentials may use (an exact name, never a prefix). */
    public static String consumerGroup(String partnerId) {
        return "partner-" + partnerId;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
