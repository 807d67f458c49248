package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.email.NoticeAnswers;
import dev.consentry.platform.http.RunsToCompletion;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/**
 * The pages an e-mail partner's answer link opens (P2): server-rendered, a plain HTML form, no script. The token in
 * the path is the credential; it works once.
 */
@Path("/v1/notice-answers/{token}")
@Tag(name = "Partners")
@RunsToCompletion
public class NoticeAnswerResource {

    private static final Set<String> OUTCOMES = Set.of("completed", "not_found", "exception");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noticeAnswerForm(String kind, String shop, String replyBy);

        static native TemplateInstance noticeAnswerDone(String outcome);

        static native TemplateInstance noticeAnswerUnusable(String why);
    }

    private final NoticeAnswers answers;

    public NoticeAnswerResource(NoticeAnswers answers) {
        this.answers = answers;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The answer form of an e-mail notice (opening it changes nothing)")
    public Uni<Response> form(@PathParam("token") String token) {
        return answers.open(token).map(link -> link.unusable() != null ? unusable(link.unusable())
                : Response.ok(Templates.noticeAnswerForm(link.notice().kind.replace('_', ' '), link.notice().tenant,
                        link.notice().replyBy.toString()).render()).build());
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Answer an e-mail notice: completed, not_found, or exception with a reason (once)")
    public Uni<Response> answer(@PathParam("token") String token, @FormParam("outcome") String outcome,
                                @FormParam("reason") String reason) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Uni.createFrom().item(Response.status(400).entity(Templates.noticeAnswerUnusable("no-outcome").render())
                    .type(MediaType.TEXT_HTML).build());
        }
        if ("exception".equals(outcome) && (reason == null || reason.isBlank())) {
            return Uni.createFrom().item(Response.status(400).entity(Templates.noticeAnswerUnusable("no-reason").render())
                    .type(MediaType.TEXT_HTML).build());
        }
        String why = reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
        return answers.answer(token, outcome, why).map(link -> link.unusable() != null ? unusable(link.unusable())
                : Response.ok(Templates.noticeAnswerDone(outcome).render()).build());
    }

    private static Response unusable(String why) {
        return Response.status("unknown".equals(why) ? 404 : 410).entity(Templates.noticeAnswerUnusable(why).render())
                .type(MediaType.TEXT_HTML).build();
    }
}
