package dev.consentry.console.rest;

import dev.consentry.console.client.ApiProblem;
import dev.consentry.console.service.Ui;
import dev.consentry.console.service.Vocabulary;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * What the officer sees when something is refused or fails: the service's problem in plain words with its status,
 * never a stack trace. A refused token (401) signs them out, to sign in again.
 */
public class ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(int status, String title, String detail, String code);

        /** The same for a customer, in the privacy center's layout and words. */
        static native TemplateInstance centerProblem(int status, String title, String detail, String code);
    }

    private final Ui ui;

    public ProblemPages(Ui ui) {
        this.ui = ui;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        if (problem.sessionExpired()) {
            // the provider's session may live on while the service refused the token: end both, then sign in anew
            return Response.seeOther(URI.create(ui.inCenter() ? Ui.CENTER + "/logout" : "/logout")).build();
        }
        return page(problem.status(), problem.title(), problem.detail(), problem.code());
    }

    @ServerExceptionMapper
    public Response badInput(Vocabulary.BadInput bad) {
        return page(400, null, null, "bad-input:" + bad.field());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null, null, "not-found");
    }

    /** A service that cannot be reached: said plainly; the cause goes to the log without request data. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        Log.warnf("A service could not be reached: %s", e.getClass().getSimpleName());
        return page(503, null, null, "unreachable");
    }

    /** A refusal of the console's own (not a service's), e.g. a customer's account at the officers' pages. */
    public Response refused(int status, String code) {
        return page(status, null, null, code);
    }

    private Response page(int status, String title, String detail, String code) {
        return html(status, ui.page(ui.inCenter() ? Templates.centerProblem(status, title, detail, code)
                : Templates.problem(status, title, detail, code)));
    }

    /** A page answered with {@code status} (a refusal shown on the page it concerns, or the problem page). */
    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
