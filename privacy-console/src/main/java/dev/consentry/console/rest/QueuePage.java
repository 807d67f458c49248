package dev.consentry.console.rest;

import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Statistics;
import dev.consentry.console.service.QueueRow;
import dev.consentry.console.service.Ui;
import dev.consentry.console.service.Vocabulary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The queue: open requests by due date with their marks, filters and counts (U1, R3). */
@Path("/")
public class QueuePage {

    static final int PAGE_SIZE = 50;

    /** The filters as chosen (null: any). */
    public record Filter(String type, String status, String jurisdiction) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<QueueRow> rows, Statistics stats, Filter filter, int page,
                                             boolean more);
    }

    private final DsrApi dsr;
    private final Ui ui;

    public QueuePage(@RestClient DsrApi dsr, Ui ui) {
        this.dsr = dsr;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@RestQuery String type, @RestQuery String status, @RestQuery String jurisdiction,
                                  @RestQuery Integer page) {
        Filter filter = new Filter(Vocabulary.oneOf("type", type, Vocabulary.TYPES),
                Vocabulary.oneOf("status", status, Vocabulary.OPEN_STATUSES),
                Vocabulary.oneOf("jurisdiction", jurisdiction, Vocabulary.JURISDICTIONS));
        int p = page == null || page < 0 ? 0 : Math.min(page, 10_000);
        List<QueueRow> rows = dsr.queue(filter.type(), filter.status(), filter.jurisdiction(), p, PAGE_SIZE)
                .stream().map(r -> QueueRow.of(r, ui.now())).toList();
        Statistics stats = dsr.statistics(30, ui.zone());
        return ui.page(Templates.queue(rows, stats, filter, p, rows.size() == PAGE_SIZE));
    }
}
