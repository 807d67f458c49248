package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.access.AccessPackages;
import dev.consentry.dsr.service.access.PurposeNames;
import dev.consentry.dsr.service.view.AccessPackage;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.i18n.Languages;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
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

@Path("/v1/requests/{id}/package")
@Tag(name = "Requests")
@RunsToCompletion
public class AccessPackageResource {

    private final AccessPackages packages;
    private final PurposeNames purposeNames;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public AccessPackageResource(AccessPackages packages, PurposeNames purposeNames, SubjectKeys subjectKeys, Caller caller) {
        this.purposeNames = purposeNames;
        this.packages = packages;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "The access or portability package, machine-readable (R7)",
            description = "Every system's reply with its data, the recipients of the subject's data and on which basis, "
                    + "retention under legal holds, and the subject's consents. 409 until every recipient has answered.")
    public Uni<AccessPackage> json(@PathParam("id") String id) {
        String tenant = caller.tenant();
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        return packages.assemble(tenant, Uuids.fromPath(id, "request"), ownSubjectKey);
    }

    @GET
    @Path("/readable")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "The same package as a readable page (R7), in the subject's language",
            description = "English, Vietnamese or Korean: `lang` if given, else the first of Accept-Language; purposes "
                    + "by their names and meaning, the shop's name, dates as people write them.")
    public Uni<String> readable(@PathParam("id") String id,
                                @QueryParam("lang") @Pattern(regexp = Languages.PATTERN, message = "en, vi or ko") String lang,
                                @HeaderParam("Accept-Language") String acceptLanguage) {
        Locale locale = Languages.choose(lang, acceptLanguage);
        return json(id).flatMap(pkg -> purposeNames.of(caller.tenant()).flatMap(names -> AccessPackagePage
                .accessPackage(pkg, new PackageWords(locale, names)).setLocale(locale).createUni()));
    }
}
