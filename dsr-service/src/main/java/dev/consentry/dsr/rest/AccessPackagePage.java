package dev.consentry.dsr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.service.view.AccessPackage;
import dev.consentry.events.EventContract;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * The readable form of an access package (R7): templates/accessPackage.html, HTML-escaped by Qute, in the subject's
 * language (words in {@code PackageMessages} and messages/pkg_*.properties, codes in package-labels*.properties).
 */
@CheckedTemplate
public class AccessPackagePage {

    public static native TemplateInstance accessPackage(AccessPackage pkg, PackageWords words);

    /** A system's data as indented JSON for the page. */
    @TemplateExtension
    static String prettyData(AccessPackage.SystemAnswer answer) {
        if (answer.data() == null) {
            return "";
        }
        try {
            return EventContract.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
