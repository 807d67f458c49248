package dev.consentry.console.rest;

import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.ConsentApi;
import dev.consentry.console.client.Consents;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Registry;
import dev.consentry.console.service.PrivacyChoices;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The privacy center's first page (U2): a customer's choices per purpose with a switch each, their receipts, and the
 * shop's privacy contact. A change is one consent record of the customer's own, as easy to withdraw as to give (C6).
 */
@Path("/me")
public class CenterPage {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern RECORD = Pattern.compile("[0-9a-fA-F-]{36}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choices(List<PrivacyChoices.Choice> choices, List<Consents.Record> history,
                                               Map<String, String> names, Registry.PrivacyContact contact,
                                               String done, RequestPage.Refusal refusal);

        static native TemplateInstance signedOut();
    }

    private final PrivacyChoices choices;
    private final ConsentApi consent;
    private final DsrApi dsr;
    private final Ui ui;

    public CenterPage(PrivacyChoices choices, @RestClient ConsentApi consent, @RestClient DsrApi dsr, Ui ui) {
        this.choices = choices;
        this.consent = consent;
        this.dsr = dsr;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery String done) {
        return page("changed".equals(done) ? done : null, null);
    }

    private TemplateInstance page(String done, RequestPage.Refusal refusal) {
        return ui.page(Templates.choices(choices.all(), choices.history(), choices.names(), contact(), done, refusal));
    }

    /** The shop's privacy contact, when the shop has published one (R13). */
    Registry.PrivacyContact contact() {
        try {
            return dsr.privacyContact();
        } catch (ApiProblem none) {
            if (none.sessionExpired()) {
                throw none;
            }
            return null;
        }
    }

    /** Turns one purpose on or off. */
    @POST
    @Path("/consents/{purposeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("purposeId") String purposeId, @RestForm String decision, @RestForm String formKey) {
        if (!PURPOSE.matcher(purposeId).matches() || !("given".equals(decision) || "withdrawn".equals(decision))) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        try {
            choices.change(RequestPage.key(formKey), purposeId, "given".equals(decision));
            return Response.seeOther(URI.create("/me?done=changed#purpose-" + purposeId)).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired()) {
                throw problem;
            }
            return ProblemPages.html(problem.status(), page(null, RequestPage.Refusal.of(problem)));
        }
    }

    /** A consent record's receipt, readable and printable (consent-service renders it, signed). */
    @GET
    @Path("/receipts/{recordId}")
    @Produces(MediaType.TEXT_HTML)
    public Response receipt(@PathParam("recordId") String recordId) {
        if (!RECORD.matcher(recordId).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Response.ok(consent.printableReceipt(recordId, ui.lang())).build();
    }

    /** The signed receipt as a file (JSON), to keep or to have verified. */
    @GET
    @Path("/receipts/{recordId}/signed")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signedReceipt(@PathParam("recordId") String recordId) {
        if (!RECORD.matcher(recordId).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Response.ok(consent.signedReceipt(recordId))
                .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + recordId + ".json\"").build();
    }

    /** Where the identity provider sends a customer who signed out. */
    @GET
    @Path("/signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return ui.page(Templates.signedOut());
    }
}
