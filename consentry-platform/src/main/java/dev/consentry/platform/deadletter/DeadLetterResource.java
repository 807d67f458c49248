package dev.consentry.platform.deadletter;

import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/** The service's dead letters for the platform admin: what was refused and why, and their re-drive. */
@Path("/v1/dead-letters")
@Tag(name = "Operations")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RunsToCompletion
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;
    private final DeadLetterTopic topic;

    public DeadLetterResource(DeadLetterRedrive redrive, DeadLetterTopic topic) {
        this.redrive = redrive;
        this.topic = topic;
    }

    public record Listing(String topic, List<DeadLetterRedrive.DeadLetter> deadLetters) {
    }

    /** Either {@code ids} (from the listing) or a {@code reason}: every dead letter refused for it. */
    public record Selection(@Size(max = 1000) List<@NotNull @Pattern(regexp = "[0-9]{1,5}-[0-9]{1,19}") String> ids,
                            @Size(min = 1, max = 500) String reason) {
    }

    public record Result(List<DeadLetterRedrive.Attempt> attempts) {
    }

    @GET
    @Operation(summary = "The service's dead letters (newest 10,000): channel, reason, original topic, event id, type, "
            + "tenant, whether it can be re-driven and whether its consumer applied it since; never the record itself")
    public Uni<Listing> list(@QueryParam("reason") @Size(max = 500) String reason) {
        return redrive.list(Optional.ofNullable(reason)).map(letters -> new Listing(topic.topic(), letters));
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Re-drive chosen dead letters (ids) or all of one reason into the consumer that refused them, "
            + "once each (an event the consumer applied before is not applied again); each attempt is recorded in the "
            + "tenant's audit log as the platform admin's action")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "chosen", value = "{\"ids\":[\"0-12\",\"2-7\"]}"),
            @ExampleObject(name = "one reason", value = "{\"reason\":\"data not valid for dev.consentry.consent.given.v1\"}")}))
    public Uni<Result> redrive(@NotNull @Valid Selection selection) {
        boolean byIds = selection.ids() != null && !selection.ids().isEmpty();
        if (byIds == (selection.reason() != null)) {
            throw ProblemException.badRequest("selection",
                    "Name either the dead letters to re-drive (ids) or a reason (all dead letters refused for it).");
        }
        return redrive.redrive(byIds ? selection.ids() : List.of(), Optional.ofNullable(selection.reason()))
                .map(Result::new);
    }
}
