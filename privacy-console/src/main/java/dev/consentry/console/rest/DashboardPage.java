package dev.consentry.console.rest;

import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Statistics;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/** The dashboard: requests due per day for the next 30 days (a chart drawn on the server), partner answer time, overdue. */
@Path("/dashboard")
public class DashboardPage {

    static final int DAYS = 30;
    static final int CHART_HEIGHT = 160;
    static final int BAR_WIDTH = 18;

    /** One bar of the chart, placed in the SVG's coordinates. */
    public record Bar(int x, int y, int height, String day, long count, boolean labelled) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Statistics stats, List<Bar> bars, int width, int height);
    }

    private final DsrApi dsr;
    private final Ui ui;

    public DashboardPage(@RestClient DsrApi dsr, Ui ui) {
        this.dsr = dsr;
        this.ui = ui;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        Statistics stats = dsr.statistics(DAYS, ui.zone());
        long max = Math.max(1, stats.dueByDay().stream().mapToLong(Statistics.DayCount::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < stats.dueByDay().size(); i++) {
            Statistics.DayCount day = stats.dueByDay().get(i);
            int height = (int) Math.round((double) day.count() / max * (CHART_HEIGHT - 20));
            bars.add(new Bar(i * (BAR_WIDTH + 4), CHART_HEIGHT - height, height, day.day().toString(), day.count(),
                    i % 7 == 0));
        }
        return ui.page(Templates.dashboard(stats, bars, stats.dueByDay().size() * (BAR_WIDTH + 4), CHART_HEIGHT));
    }
}
