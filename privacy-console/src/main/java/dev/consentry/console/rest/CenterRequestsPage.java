package dev.consentry.console.rest;

import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.Consents;
import dev.consentry.console.client.ConsentApi;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Request;
import dev.consentry.console.config.ConsoleConfig;
import dev.consentry.console.service.Customer;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A customer's requests in the privacy center (U2, R1): filing access, correction, erasure, objection and portability
 * requests with their own token (which verifies them at once), following each one's status and due date, and
 * downloading the access package once every recipient answered.
 */
@Path("/me/requests")
public class CenterRequestsPage {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(List<Request> requests, List<Consents.Purpose> purposes,
                                                String jurisdiction, RequestPage.Refusal refusal);

        static native TemplateInstance request(Request request, String done, RequestPage.Refusal refusal);
    }

    private final DsrApi dsr;
    private final ConsentApi consent;
    private final Customer customer;
    private final ConsoleConfig config;
    private final Ui ui;

    public CenterRequestsPage(@RestClient DsrApi dsr, @RestClient ConsentApi consent, Customer customer,
                              ConsoleConfig config, Ui ui) {
        this.dsr = dsr;
        this.consent = consent;
        this.customer = customer;
        this.config = config;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return listPage(null);
    }

    private TemplateInstance listPage(RequestPage.Refusal refusal) {
        return ui.page(Templates.requests(dsr.requestsOf(customer.subjectId(), 0, 100),
                consent.purposes().stream().filter(Consents.Purpose::byConsent).toList(),
                config.centerJurisdiction(), refusal));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@RestForm String type, @RestForm String jurisdiction, @RestForm String field,
                         @RestForm String newValue, @RestForm List<String> purposes, @RestForm String formKey) {
        if (!Vocabulary.CENTER_TYPES.contains(type)) {
            throw new Vocabulary.BadInput("type");
        }
        if (!Vocabulary.JURISDICTIONS.contains(jurisdiction)) {
            throw new Vocabulary.BadInput("jurisdiction");
        }
        Map<String, Object> form = new HashMap<>(Map.of("type", type, "subjectId", customer.subjectId(),
                "jurisdiction", jurisdiction));
        if (type.equals("correction")) {
            if (field == null || !FIELD.matcher(field.strip()).matches()) {
                throw new Vocabulary.BadInput("field");
            }
            if (newValue == null || newValue.isBlank() || newValue.length() > 1000) {
                throw new Vocabulary.BadInput("newValue");
            }
            form.put("corrections", List.of(Map.of("field", field.strip(), "newValue", newValue.strip())));
        }
        if (type.equals("objection")) {
            List<String> chosen = purposes == null ? List.of() : new ArrayList<>(purposes);
            if (chosen.isEmpty()) {
                throw new Vocabulary.BadInput("purposes");
            }
            form.put("purposes", chosen);
        }
        try {
            Request filed = dsr.file(RequestPage.key(formKey), form);
            return Response.seeOther(URI.create("/me/requests/" + filed.id() + "?done=filed")).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired()) {
                throw problem;
            }
            return ProblemPages.html(problem.status(), listPage(RequestPage.Refusal.of(problem)));
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") String id, @RestQuery String done) {
        return ui.page(Templates.request(find(id), "filed".equals(done) || "cancelled".equals(done) ? done : null, null));
    }

    /** Withdraws a request before any recipient was told of it (the service refuses it later). */
    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @RestForm String formKey) {
        Request request = find(id);
        try {
            dsr.cancel(RequestPage.key(formKey), request.id());
            return Response.seeOther(URI.create("/me/requests/" + request.id() + "?done=cancelled")).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired()) {
                throw problem;
            }
            return ProblemPages.html(problem.status(), ui.page(Templates.request(request, null,
                    RequestPage.Refusal.of(problem))));
        }
    }

    /** The access package as a file (JSON), once every recipient answered. */
    @GET
    @Path("/{id}/package")
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessPackage(@PathParam("id") String id) {
        requireId(id);
        return Response.ok(dsr.accessPackage(id).toString())
                .header("Content-Disposition", "attachment; filename=\"my-data-" + id + ".json\"").build();
    }

    /** The access package to read (dsr-service renders it). */
    @GET
    @Path("/{id}/package/readable")
    @Produces(MediaType.TEXT_HTML)
    public String readablePackage(@PathParam("id") String id) {
        requireId(id);
        return dsr.readablePackage(id, ui.lang());
    }

    private Request find(String id) {
        requireId(id);
        return dsr.request(id);
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
    }
}
