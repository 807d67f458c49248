package dev.consentry.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.AuditApi;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Evidence;
import dev.consentry.console.client.Registry;
import dev.consentry.console.client.Request;
import dev.consentry.console.service.Officer;
import dev.consentry.console.service.QueueRow;
import dev.consentry.console.service.Ui;
import dev.consentry.console.service.Vocabulary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One request: its timeline from the audit trail, each partner's notice, the restriction in force, and the actions
 * the API offers (U1). Every action is a CSRF-protected form that calls the API with the officer's token and the
 * form's Idempotency-Key; a refusal is shown on the page in the API's words with its status.
 */
@Path("/requests")
public class RequestPage {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FORM_KEY = ID;

    /** A refusal of the last action, shown above the forms. */
    public record Refusal(int status, String title, String detail, String code) {

        static Refusal of(ApiProblem problem) {
            return new Refusal(problem.status(), problem.title(), problem.detail(), problem.code());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(QueueRow row, List<Evidence.Entry> timeline, boolean timelineReadable,
                                               List<Registry.Restriction> restrictions, String done, Refusal refusal,
                                               java.time.Instant now);
    }

    private final DsrApi dsr;
    private final AuditApi audit;
    private final Officer officer;
    private final Ui ui;

    public RequestPage(@RestClient DsrApi dsr, @RestClient AuditApi audit, Officer officer, Ui ui) {
        this.dsr = dsr;
        this.audit = audit;
        this.officer = officer;
        this.ui = ui;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @RestQuery String done) {
        return Response.ok(render(dsr.request(checked(id)), done == null || !done.matches("[a-z-]{1,40}") ? null : done,
                null)).build();
    }

    private TemplateInstance render(Request request, String done, Refusal refusal) {
        List<Evidence.Entry> timeline = List.of();
        boolean readable = request.subjectId() != null;
        if (readable) {
            try {
                timeline = audit.timeline(request.subjectId(), 0, 200).entries().stream()
                        .filter(e -> request.id().equals(e.requestId())).toList();
            } catch (ApiProblem p) {
                if (p.sessionExpired()) {
                    throw p;
                }
                readable = false;
            }
        }
        List<Registry.Restriction> restrictions = List.of();
        if (officer.mayAct() && request.subjectId() != null) {
            try {
                restrictions = dsr.restrictions(request.subjectId()).restricted().stream()
                        .filter(r -> request.id().equals(r.requestId())).toList();
            } catch (ApiProblem p) {
                if (p.sessionExpired()) {
                    throw p;
                }
            }
        }
        return ui.page(Templates.request(QueueRow.of(request, ui.now()), timeline, readable, restrictions, done, refusal,
                ui.now()));
    }

    /** The access package as the API assembled it, as a file. */
    @GET
    @Path("/{id}/package")
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessPackage(@PathParam("id") String id) {
        JsonNode pack = dsr.accessPackage(checked(id));
        return Response.ok(pack.toPrettyString())
                .header("Content-Disposition", "attachment; filename=\"access-package-" + id + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String id, @RestForm Integer length, @RestForm String unit,
                           @RestForm String reason, @RestForm String formKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("length", length);
        body.put("unit", Vocabulary.oneOf("unit", unit, Vocabulary.EXTENSION_UNITS));
        body.put("reason", reason);
        return act(id, "extended", () -> dsr.extend(key(formKey), id, body));
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("id") String id, @RestForm String reason, @RestForm String formKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Vocabulary.oneOf("reason", reason, Vocabulary.PAUSE_REASONS));
        return act(id, "paused", () -> dsr.pause(key(formKey), id, body));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") String id, @RestForm String formKey) {
        return act(id, "resumed", () -> dsr.resume(key(formKey), id));
    }

    @POST
    @Path("/{id}/denial")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deny(@PathParam("id") String id, @RestForm String reason, @RestForm String explanation,
                         @RestForm String formKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Vocabulary.oneOf("reason", reason, Vocabulary.DENIAL_REASONS));
        if (explanation != null && !explanation.isBlank()) {
            body.put("explanation", explanation);
        }
        return act(id, "denied", () -> dsr.deny(key(formKey), id, body));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @RestForm String formKey) {
        return act(id, "cancelled", () -> dsr.cancel(key(formKey), id));
    }

    @POST
    @Path("/{id}/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("id") String id, @RestForm String formKey) {
        return act(id, "lifted", () -> dsr.lift(key(formKey), id));
    }

    @POST
    @Path("/{id}/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendCode(@PathParam("id") String id, @RestForm String formKey) {
        return act(id, "code-sent", () -> dsr.sendCode(key(formKey), id));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmCode(@PathParam("id") String id, @RestForm String code, @RestForm String formKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code == null ? null : code.strip());
        return act(id, "verified", () -> dsr.confirmCode(key(formKey), id, body));
    }

    @POST
    @Path("/{id}/proof")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordProof(@PathParam("id") String id, @RestForm String method, @RestForm String proofReference,
                                @RestForm String formKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", Vocabulary.oneOf("method", method, Vocabulary.PROOF_METHODS));
        body.put("proofReference", proofReference);
        return act(id, "verified", () -> dsr.recordProof(key(formKey), id, body));
    }

    /**
     * Calls the API; on success back to the request (POST-redirect-GET) saying what was done; on a refusal the
     * request page again with the API's words and status.
     */
    private Response act(String id, String done, Supplier<Object> call) {
        checked(id);
        try {
            call.get();
            return Response.seeOther(URI.create("/requests/" + id + "?done=" + done)).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired() || problem.status() == 404) {
                throw problem;
            }
            return ProblemPages.html(problem.status(), render(dsr.request(id), null, Refusal.of(problem)));
        }
    }

    static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        return id;
    }

    /** The form's Idempotency-Key, if it is one the console rendered (a UUID); otherwise none is sent. */
    static String key(String formKey) {
        return formKey != null && FORM_KEY.matcher(formKey).matches() ? formKey : null;
    }
}
