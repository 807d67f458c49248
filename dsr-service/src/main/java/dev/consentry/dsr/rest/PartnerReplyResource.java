package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/v1/partner-replies")
@Tag(name = "Partners", description = "Partners of the installation and their answers")
@RunsToCompletion
public class PartnerReplyResource {

    private final PartnerReplies replies;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public PartnerReplyResource(PartnerReplies replies, IdempotentPost idempotent, Caller caller) {
        this.replies = replies;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "A webhook partner answers one of its notices (P1)",
            description = "Under the partner's own token (role partner, its id in the partner claim). Counts only for a "
                    + "notice sent to that partner; another partner's notice is answered like an unknown one (404). A "
                    + "second answer to the same notice is ignored.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "completed", value = """
            {"noticeId":"6f1d2c3b-1a2b-4c5d-8e9f-0a1b2c3d4e5f","recipientId":"swift-shipping","outcome":"completed",
             "reason":"address updated"}""")))
    public Uni<Response> reply(@NotNull PartnerReply reply, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String partnerId = caller.partnerId();
        return idempotent.ok("*partner*:" + partnerId, idempotencyKey, "POST /v1/partner-replies", reply,
                () -> replies.applyOverHttp(partnerId, reply).replaceWith(Map.of("accepted", true)));
    }
}
