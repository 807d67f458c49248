package dev.consentry.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.AuditApi;
import dev.consentry.console.client.Evidence;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.regex.Pattern;

/** The evidence: the log's verification, its latest signed checkpoint, and a subject's evidence bundle to download (U1, A2). */
@Path("/evidence")
public class EvidencePage {

    /** The subject id pattern of the services (a shop's customer id). */
    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evidence(Evidence.Verification verification, JsonNode checkpoint,
                                                RequestPage.Refusal refusal);
    }

    private final AuditApi audit;
    private final Ui ui;

    public EvidencePage(@RestClient AuditApi audit, Ui ui) {
        this.audit = audit;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page(null);
    }

    private TemplateInstance page(RequestPage.Refusal refusal) {
        JsonNode checkpoint = null;
        try {
            checkpoint = audit.latestCheckpoint();
        } catch (ApiProblem p) {
            if (p.status() != 404) {
                throw p;
            }
        }
        return ui.page(Templates.evidence(audit.verification(), checkpoint, refusal));
    }

    /** The subject's evidence bundle exactly as audit-service signed it, as a file (verifies offline with the key). */
    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response export(@RestForm String subjectId) {
        if (subjectId == null || !SUBJECT.matcher(subjectId.strip()).matches()) {
            return ProblemPages.html(400, page(new RequestPage.Refusal(400, null, null, "bad-input:subjectId")));
        }
        String bundle = audit.export(new Evidence.ExportRequest(subjectId.strip()));
        return Response.ok(bundle, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"evidence-bundle.json\"")
                .header("Cache-Control", "no-store").build();
    }
}
