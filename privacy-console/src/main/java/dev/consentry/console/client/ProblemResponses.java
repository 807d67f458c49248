package dev.consentry.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error response into an {@link ApiProblem}; a body that is no problem document gets a generic one. */
public class ProblemResponses implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        String type = null;
        String title = null;
        String detail = null;
        try {
            if (response.hasEntity()) {
                JsonNode problem = JSON.readTree(response.readEntity(String.class));
                type = text(problem, "type");
                title = text(problem, "title");
                detail = text(problem, "detail");
            }
        } catch (Exception notJson) {
            // keep the generic words below
        }
        return new ApiProblem(response.getStatus(), type, title == null ? response.getStatusInfo().getReasonPhrase() : title,
                detail);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
