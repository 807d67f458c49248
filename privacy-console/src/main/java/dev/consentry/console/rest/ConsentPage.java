package dev.consentry.console.rest;

import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.ConsentApi;
import dev.consentry.console.client.Consents;
import dev.consentry.console.service.Ui;
import dev.consentry.console.service.Vocabulary;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The purposes catalogue in each language and the notice versions, with scheduling a new one (U1, C*). */
@Path("/consent")
public class ConsentPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consent(List<Consents.Purpose> purposes, List<Consents.Notice> notices,
                                               String done, RequestPage.Refusal refusal);
    }

    private final ConsentApi consent;
    private final Ui ui;

    public ConsentPage(@RestClient ConsentApi consent, Ui ui) {
        this.consent = consent;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery String done) {
        return ui.page(Templates.consent(consent.purposes(), consent.notices(0, 100),
                "scheduled".equals(done) ? done : null, null));
    }

    /** Schedules a notice version: it takes effect no sooner than the shop's notice period (the service enforces it). */
    @POST
    @Path("/notices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response announce(@RestForm String version, @RestForm String language, @RestForm String url,
                             @RestForm String purposes, @RestForm String whatChanged, @RestForm String effectiveOn) {
        LocalDate effective;
        try {
            effective = LocalDate.parse(effectiveOn == null ? "" : effectiveOn);
        } catch (DateTimeParseException e) {
            throw new Vocabulary.BadInput("effectiveOn");
        }
        List<String> purposeIds = purposes == null ? List.of()
                : Arrays.stream(purposes.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        try {
            consent.announce(new Consents.NewNotice(version, language, url == null || url.isBlank() ? null : url.strip(),
                    purposeIds, whatChanged == null || whatChanged.isBlank() ? null : whatChanged,
                    effective.atStartOfDay(ui.zoneId()).toInstant()));
            return Response.seeOther(URI.create("/consent?done=scheduled")).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired()) {
                throw problem;
            }
            return ProblemPages.html(problem.status(), ui.page(Templates.consent(consent.purposes(),
                    consent.notices(0, 100), null, RequestPage.Refusal.of(problem))));
        }
    }
}
