package dev.consentry.dsr.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.model.RequestType;

import java.time.Instant;
import java.util.List;

/**
 * A data-subject request as the rules take it, whoever filed it: its type, whose and under which law, what it asks
 * (corrections, categories to erase, purposes concerned), who acts for the subject, and — entered late by staff — when
 * it really reached the shop and why it is entered only now. Kept sealed with the request (same JSON as it was filed).
 */
public record SubjectRequest(RequestType type, String subjectId, String jurisdiction, List<Correction> corrections,
                             List<String> categories, List<String> purposes, Contact contact,
                             Representative representative, Instant receivedAt, String lateEntryReason) {

    /** A request filed now (no earlier receipt to record). */
    public SubjectRequest(RequestType type, String subjectId, String jurisdiction, List<Correction> corrections,
                          List<String> categories, List<String> purposes, Contact contact,
                          Representative representative) {
        this(type, subjectId, jurisdiction, corrections, categories, purposes, contact, representative, null, null);
    }

    /** A contact given with the request: refused, codes go only to the contact the shop registered (S4). */
    public record Contact(String email) {
    }

    /** Someone acting for the subject and the proof they presented (R2). */
    public record Representative(String relationship, String name, String proofType, String proofReference) {
    }

    /** One field to correct: the corrected value, and the value believed wrong if known. */
    public record Correction(String field, JsonNode oldValue, JsonNode newValue) {
    }
}
