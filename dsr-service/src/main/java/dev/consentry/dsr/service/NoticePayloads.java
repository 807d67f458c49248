package dev.consentry.dsr.service;

import dev.consentry.platform.vault.InstallationSeal;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A notice's text waiting in a delivery queue (a webhook delivery, a partner's e-mail): sealed under the subject's key,
 * so an erasure leaves nothing readable behind — or, for a legal hold's end, which comes after the subject's key is
 * gone, under the installation's key for that one item ({@code purpose} names it). Runs in the caller's session.
 */
@ApplicationScoped
public class NoticePayloads {

    /** Marks a text sealed under the installation's key rather than the subject's. */
    private static final String INSTALLATION_SEALED = "i:";

    private final SubjectVault vault;
    private final InstallationSeal seal;

    public NoticePayloads(SubjectVault vault, InstallationSeal seal) {
        this.vault = vault;
        this.seal = seal;
    }

    public Uni<String> seal(String tenant, String subjectKey, String purpose, String text) {
        return vault.cipherUnlessDestroyed(tenant, subjectKey).map(cipher -> cipher.map(c -> c.seal(text))
                .orElseGet(() -> INSTALLATION_SEALED + seal.seal(purpose, text)));
    }

    /** The text; empty once the subject's key was destroyed (nothing left to deliver). */
    public Uni<Optional<String>> open(String tenant, String subjectKey, String purpose, String sealed) {
        if (sealed.startsWith(INSTALLATION_SEALED)) {
            return Uni.createFrom().item(Optional.of(seal.open(purpose, sealed.substring(INSTALLATION_SEALED.length()))));
        }
        return vault.existing(tenant, subjectKey).map(cipher -> cipher.flatMap(c -> c.open(sealed)));
    }
}
