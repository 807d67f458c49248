package dev.consentry.console.rest;

import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Request;
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

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request received by letter, phone or e-mail, entered by the officer with the day it was received (R1): the legal
 * clock runs from that day; an entry made after the legal deadline passed says why.
 */
@Path("/requests")
public class NewRequestPage {

    /** What the officer typed, kept to show the form again after a refusal. */
    public record Entry(String type, String subjectId, String jurisdiction, String receivedOn, String lateEntryReason,
                        String categories, String purposes, String field, String oldValue, String newValue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newRequest(Entry entry, RequestPage.Refusal refusal);
    }

    private final DsrApi dsr;
    private final Ui ui;

    public NewRequestPage(@RestClient DsrApi dsr, Ui ui) {
        this.dsr = dsr;
        this.ui = ui;
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return ui.page(Templates.newRequest(new Entry("access", "", "VN", ui.today().toString(), "", "", "", "", "",
                ""), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@RestForm String type, @RestForm String subjectId, @RestForm String jurisdiction,
                         @RestForm String receivedOn, @RestForm String lateEntryReason, @RestForm String categories,
                         @RestForm String purposes, @RestForm String field, @RestForm String oldValue,
                         @RestForm String newValue, @RestForm String formKey) {
        Entry entry = new Entry(type, subjectId, jurisdiction, receivedOn, lateEntryReason, categories, purposes, field,
                oldValue, newValue);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("type", Vocabulary.oneOf("type", type, Vocabulary.TYPES));
        form.put("subjectId", blankToNull(subjectId));
        form.put("jurisdiction", Vocabulary.oneOf("jurisdiction", jurisdiction, Vocabulary.JURISDICTIONS));
        if (receivedOn != null && !receivedOn.isBlank()) {
            try {
                // the start of the day it arrived, in the shop's zone: the clock runs no later than the law says
                form.put("receivedAt", LocalDate.parse(receivedOn).atStartOfDay(ui.zoneId()).toInstant().toString());
            } catch (DateTimeParseException e) {
                throw new Vocabulary.BadInput("receivedOn");
            }
        }
        if (lateEntryReason != null && !lateEntryReason.isBlank()) {
            form.put("lateEntryReason", lateEntryReason.strip());
        }
        putList(form, "categories", categories);
        putList(form, "purposes", purposes);
        if ("correction".equals(type) && field != null && !field.isBlank()) {
            Map<String, Object> correction = new LinkedHashMap<>();
            correction.put("field", field.strip());
            if (oldValue != null && !oldValue.isBlank()) {
                correction.put("oldValue", oldValue);
            }
            correction.put("newValue", newValue == null ? "" : newValue);
            form.put("corrections", List.of(correction));
        }
        try {
            Request filed = dsr.file(RequestPage.key(formKey), form);
            return Response.seeOther(URI.create("/requests/" + filed.id() + "?done=entered")).build();
        } catch (ApiProblem problem) {
            if (problem.sessionExpired()) {
                throw problem;
            }
            return ProblemPages.html(problem.status(),
                    ui.page(Templates.newRequest(entry, RequestPage.Refusal.of(problem))));
        }
    }

    private static void putList(Map<String, Object> form, String name, String commaSeparated) {
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            form.put(name, Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
