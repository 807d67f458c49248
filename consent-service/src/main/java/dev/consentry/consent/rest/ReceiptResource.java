package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.Receipt;
import dev.consentry.consent.service.ReceiptService;
import dev.consentry.consent.service.ReceiptSigner;
import dev.consentry.platform.subject.Ids;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.stream.Collectors;

@Path("/v1")
@Tag(name = "Receipts", description = "Signed, printable consent receipts and the key that verifies them")
public class ReceiptResource {

    private final ReceiptService receipts;
    private final ReceiptSigner signer;
    private final Caller caller;

    public ReceiptResource(ReceiptService receipts, ReceiptSigner signer, Caller caller) {
        this.receipts = receipts;
        this.signer = signer;
        this.caller = caller;
    }

    @GET
    @Path("/consents/{recordId}/receipt")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The signed receipt of one consent record")
    public Uni<Receipt> receipt(@PathParam("recordId") String recordId) {
        return receipts.receipt(caller.tenant(), Ids.uuid(recordId, "record"), caller.actsForTenant() ? null : caller.subjectId());
    }

    @GET
    @Path("/consents/{recordId}/receipt/printable")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The receipt as a printable page")
    public Uni<String> printable(@PathParam("recordId") String recordId) {
        return receipt(recordId).map(ReceiptResource::html);
    }

    @GET
    @Path("/receipts/keys")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The public key set (RFC 7517) that verifies receipts; public so anyone can check a receipt")
    public String keys() {
        return signer.publicKeySetJson();
    }

    private static String html(Receipt r) {
        String rows = r.record().entrySet().stream()
                .map(e -> "<tr><th>" + escape(e.getKey()) + "</th><td>" + escape(String.valueOf(e.getValue())) + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Consent receipt</title>"
                + "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}th{text-align:left;padding-right:1em}"
                + "code{word-break:break-all;font-size:.8em}</style></head><body><h1>Consent receipt</h1><table>"
                + rows + "</table><h2>Signature</h2><p>Verify this JWS with the key set at "
                + escape(r.verifyWith()) + ":</p><code>" + escape(r.jws()) + "</code></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
