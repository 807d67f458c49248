package dev.consentry.consent.rest;

import dev.consentry.consent.service.PurposeCatalogue;
import dev.consentry.consent.service.ReceiptService;
import dev.consentry.consent.service.ReceiptSigner;
import dev.consentry.consent.service.view.Receipt;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.i18n.Languages;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/v1")
@Tag(name = "Receipts", description = "Signed, printable consent receipts and the key that verifies them")
@RunsToCompletion
public class ReceiptResource {

    private final ReceiptService receipts;
    private final ReceiptSigner signer;
    private final PurposeCatalogue catalogue;
    private final Caller caller;

    public ReceiptResource(ReceiptService receipts, ReceiptSigner signer, PurposeCatalogue catalogue, Caller caller) {
        this.catalogue = catalogue;
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
        return receipts.receipt(caller.tenant(), Uuids.fromPath(recordId, "record"), caller.actsForTenant() ? null : caller.subjectId());
    }

    @GET
    @Path("/consents/{recordId}/receipt/printable")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The receipt as a printable page, in the subject's language",
            description = "English, Vietnamese or Korean: `lang` if given, else the first of Accept-Language; the "
                    + "purpose by its name and meaning, the decision and how it was made in words, the signed record "
                    + "under technical details.")
    public Uni<String> printable(@PathParam("recordId") String recordId,
                                 @QueryParam("lang") @Pattern(regexp = Languages.PATTERN, message = "en, vi or ko") String lang,
                                 @HeaderParam("Accept-Language") String acceptLanguage) {
        Locale locale = Languages.choose(lang, acceptLanguage);
        String tenant = caller.tenant();
        return receipt(recordId).flatMap(r -> catalogue.find(tenant, String.valueOf(r.record().get("purpose_id")))
                .flatMap(purpose -> ReceiptPage.receipt(r, new ReceiptWords(locale, r, purpose)).setLocale(locale)
                        .createUni()));
    }

    @GET
    @Path("/receipts/keys")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The public key set (RFC 7517) that verifies receipts; public so anyone can check a receipt")
    public String keys() {
        return signer.publicKeySetJson();
    }
}
