package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.PartnerRequest;
import dev.consentry.dsr.rest.dto.WebhookDeliveryView;
import dev.consentry.dsr.service.PartnerRegistry;
import dev.consentry.dsr.service.view.PartnerView;
import dev.consentry.dsr.service.webhook.WebhookDeadLetters;
import dev.consentry.events.Topics;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/v1/partners")
@Tag(name = "Partners", description = "Partners of the installation: registered once by the platform admin, linked by shops")
@RunsToCompletion
public class PartnerResource {

    /** Idempotency keys of the installation's own operations are kept apart from every shop's. */
    private static final String INSTALLATION = "*installation*";

    private final PartnerRegistry partners;
    private final WebhookDeadLetters deadLetters;
    private final IdempotentPost idempotent;

    public PartnerResource(PartnerRegistry partners, IdempotentPost idempotent, WebhookDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.partners = partners;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a partner of the installation",
            description = "Kafka delivery: its notices go to consentry.partner.<id>.v1 and it answers on "
                    + "consentry.partner.<id>.replies.v1; the broker must let its principal read the first with consumer "
                    + "group partner-<id> and write the second, and nothing else (the Helm chart renders these ACLs). "
                    + "Webhook delivery: each notice is POSTed to webhookUrl as a CloudEvent, signed as Standard Webhooks "
                    + "describes with the secret this answer shows once; it answers in the 2xx response body or with "
                    + "POST /v1/partner-replies under its own token. E-mail delivery: a readable summary of each notice "
                    + "with a single-use link to answer it.")
    public Uni<Response> register(@Valid @NotNull PartnerRequest request,
                                  @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return idempotent.run(INSTALLATION, idempotencyKey, "POST /v1/partners", request,
                () -> partners.register(new PartnerRegistry.Registration(request.id(), request.name(),
                                request.kafkaPrincipal(), request.delivery(), request.webhookUrl(),
                                request.email()))
                        .map(v -> Response.created(URI.create("/v1/partners/" + v.id())).entity(v).build()));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.DPO})
    @Operation(summary = "The partners a shop may link into its registry, by id")
    public Uni<List<PartnerView>> list(@Valid @BeanParam PageParams paging) {
        return partners.list(paging.page, paging.size);
    }

    @POST
    @Path("/{id}/webhook-secret-rotation")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Rotate a webhook partner's signing secret (shown once; the previous one stays valid until the next rotation)")
    public Uni<Response> rotate(@PathParam("id") @Pattern(regexp = Topics.PARTNER_ID, message = Topics.PARTNER_ID_MESSAGE)
                                String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return idempotent.ok(INSTALLATION, idempotencyKey, "POST /v1/partners/{id}/webhook-secret-rotation", id,
                () -> partners.rotateSecret(id));
    }

    @GET
    @Path("/{id}/webhook-deliveries")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A webhook partner's given-up deliveries (the dead letters), latest first, without payloads")
    public Uni<List<WebhookDeliveryView>> deadLetters(@PathParam("id") @Pattern(regexp = Topics.PARTNER_ID,
            message = Topics.PARTNER_ID_MESSAGE) String id, @Valid @BeanParam PageParams paging) {
        return deadLetters.givenUp(id, paging.page, paging.size)
                .map(given -> given.stream().map(WebhookDeliveryView::of).toList());
    }

    @POST
    @Path("/{id}/webhook-deliveries/{deliveryId}/retry")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Re-drive a given-up delivery: tried at once, with a new give-up window")
    public Uni<Response> retry(@PathParam("id") @Pattern(regexp = Topics.PARTNER_ID, message = Topics.PARTNER_ID_MESSAGE)
                               String id, @PathParam("deliveryId") UUID deliveryId,
                               @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return idempotent.run(INSTALLATION, idempotencyKey, "POST /v1/partners/{id}/webhook-deliveries/{d}/retry",
                new Object[]{id, deliveryId}, () -> deadLetters.retry(id, deliveryId)
                        .map(v -> Response.accepted(java.util.Map.of("retrying", deliveryId)).build()));
    }
}
