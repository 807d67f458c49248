package dev.consentry.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.events.EventContract;
import dev.consentry.platform.vault.SubjectCipher;

/** The details a request keeps sealed under its subject's key (the form as filed, a representative's proof), as JSON. */
public final class SealedRequests {

    private SealedRequests() {
    }

    /** Seals the request's subject id, form and representative (if any). */
    static void seal(DsrRequest request, SubjectCipher cipher, SubjectRequest form) {
        request.subjectIdSealed = cipher.seal(form.subjectId());
        request.detailsSealed = cipher.seal(json(form));
        if (form.representative() != null) {
            request.representativeRelationship = form.representative().relationship();
            request.representativeSealed = cipher.seal(json(form.representative()));
        }
    }

    /** The form as filed; fails if its key was destroyed (the caller checks the key exists first). */
    public static SubjectRequest form(SubjectCipher cipher, DsrRequest request) {
        String json = cipher.open(request.detailsSealed)
                .orElseThrow(() -> new IllegalStateException("request details sealed under a destroyed key"));
        try {
            return EventContract.mapper().readValue(json, SubjectRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request details are not valid JSON", e);
        }
    }

    private static String json(Object details) {
        try {
            return EventContract.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request details do not serialise", e);
        }
    }
}
