package dev.consentry.console.rest;

import dev.consentry.console.client.ConsentApi;
import dev.consentry.console.client.Consents;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Registry;
import dev.consentry.console.service.Officer;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry (recipients and their categories), the legal holds, and one subject's ledger and consent history (U1, R4). */
@Path("/")
public class RegistryPage {

    /** A subject's state for one purpose as of an instant: the latest record then (null: none yet). */
    public record AsOf(String purposeId, Consents.Record record) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance registry(List<Registry.Recipient> recipients, List<Registry.LegalHold> holds);

        static native TemplateInstance subject(String subjectId, List<Registry.Disclosure> disclosures,
                                               List<Consents.Record> history, List<AsOf> asOf, String asOfDay,
                                               List<Registry.Restriction> restrictions);
    }

    private final DsrApi dsr;
    private final ConsentApi consent;
    private final Officer officer;
    private final Ui ui;

    public RegistryPage(@RestClient DsrApi dsr, @RestClient ConsentApi consent, Officer officer, Ui ui) {
        this.dsr = dsr;
        this.consent = consent;
        this.officer = officer;
        this.ui = ui;
    }

    @GET
    @Path("registry")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance registry() {
        return ui.page(Templates.registry(dsr.recipients(0, 500), dsr.legalHolds(0, 500)));
    }

    @GET
    @Path("subjects")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance subject(@RestQuery String subjectId, @RestQuery String asOf) {
        if (subjectId == null || subjectId.isBlank()) {
            return ui.page(Templates.subject(null, List.of(), List.of(), List.of(), null, List.of()));
        }
        String subject = subjectId.strip();
        if (!EvidencePage.SUBJECT.matcher(subject).matches()) {
            throw new dev.consentry.console.service.Vocabulary.BadInput("subjectId");
        }
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? ui.today() : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new dev.consentry.console.service.Vocabulary.BadInput("asOf");
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(ui.zoneId()).toInstant();
        List<Consents.Record> history = consent.history(subject, 0, 500);
        Map<String, Consents.Record> latest = new LinkedHashMap<>();
        history.stream().filter(r -> r.decidedAt().isBefore(endOfDay))
                .sorted(Comparator.comparing(Consents.Record::decidedAt))
                .forEach(r -> latest.put(r.purposeId(), r));
        List<AsOf> state = latest.entrySet().stream().map(e -> new AsOf(e.getKey(), e.getValue())).toList();
        List<Registry.Restriction> restrictions = List.of();
        if (officer.mayAct()) {
            restrictions = dsr.restrictions(subject).restricted();
        }
        return ui.page(Templates.subject(subject, dsr.disclosures(subject), history, state, day.toString(), restrictions));
    }

    /** A consent receipt as consent-service prints it (its own page, signed record included). */
    @GET
    @Path("receipts/{recordId}")
    @Produces(MediaType.TEXT_HTML)
    public Response receipt(@PathParam("recordId") String recordId) {
        RequestPage.checked(recordId);
        return Response.ok(consent.printableReceipt(recordId, ui.lang())).header("Cache-Control", "no-store").build();
    }
}
