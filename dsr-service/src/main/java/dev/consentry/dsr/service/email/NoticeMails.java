package dev.consentry.dsr.service.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.repository.NoticeMailRepository;
import dev.consentry.dsr.service.NoticePayloads;
import dev.consentry.events.CloudEvent;
import dev.consentry.platform.scheduling.QueueDrain;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notices for partners that work by e-mail (P2). In the transaction that sends the notice, a readable summary is
 * composed — what to correct (the new values only), erase or restrict, for which customer, by when — with a link to
 * answer it; the text is queued sealed under the customer's key and sent afterwards, at least once, then dropped. The
 * link carries a random token of which only the hash is kept: it works once, until the notice's reply date plus
 * {@code consentry.dsr.email-partners.link-grace}.
 */
@ApplicationScoped
public class NoticeMails {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NoticePayloads payloads;
    private final Engine templates;
    private final ReactiveMailer mailer;
    private final NoticeMailRepository mails;
    private final DsrConfig.EmailPartners config;
    private final Clock clock;

    public NoticeMails(NoticePayloads payloads, Engine templates, ReactiveMailer mailer, NoticeMailRepository mails,
                       DsrConfig config, Clock clock) {
        this.payloads = payloads;
        this.mails = mails;
        this.templates = templates;
        this.mailer = mailer;
        this.config = config.emailPartners();
        this.clock = clock;
    }

    /** Queues the e-mail for a notice and makes its answer link; the caller's transaction. */
    public Uni<Void> queue(Partner partner, PartnerNotice notice, CloudEvent event) {
        String token = token(event.tenant());
        String body = compose(notice, event, config.publicUrl() + "/v1/notice-answers/" + token);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // a legal hold's end comes after the customer's key is gone: then the text is sealed for this notice alone
        return payloads.seal(event.tenant(), event.subjectkey(), purpose(notice.id), body)
                .flatMap(sealed -> mails.queue(notice.id, event.tenant(), event.subjectkey(), partner.id, sealed, now,
                        hash(token), notice.replyBy.plus(config.linkGrace())));
    }

    private String compose(PartnerNotice notice, CloudEvent event, String link) {
        JsonNode data = event.data();
        List<String> lines = new ArrayList<>();
        switch (notice.kind) {
            case "correction" -> data.path("changes").forEach(c -> lines.add("Change " + c.path("path").asText().substring(1)
                    + " to: " + (c.path("newValue").isTextual() ? c.path("newValue").asText() : c.path("newValue").toString())));
            case "erasure" -> {
                data.path("erase").forEach(c -> lines.add("Erase: " + c.asText()));
                data.path("restrict").forEach(r -> lines.add("Keep apart, unused, until " + r.path("until").asText()
                        + ": " + r.path("category").asText() + " (" + r.path("reason").asText() + ")"));
                if ("anonymise".equals(data.path("method").asText())) {
                    lines.add("Anonymise rather than delete: keep the records without anything that identifies the customer.");
                }
            }
            case "restriction" -> data.path("categories").forEach(c -> lines.add("Stop using or providing: " + c.asText()));
            case "consent_withdrawn" -> data.path("purposes").forEach(p -> lines.add("Stop processing for: " + p.asText()));
            default -> lines.add("Say whether you hold data in: " + data.path("categories").toString()
                    + " (send what you hold to the shop separately)");
        }
        return templates.getTemplate("mail/partner-notice.txt")
                .data("shop", event.tenant())
                .data("kind", notice.kind.replace('_', ' '))
                .data("customer", data.path("subjectId").asText())
                .data("lines", lines)
                .data("replyBy", notice.replyBy.truncatedTo(ChronoUnit.SECONDS).toString())
                .data("link", link)
                .data("noticeId", notice.id.toString())
                .render();
    }

    @Scheduled(every = "${consentry.dsr.email-partners.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendQueued().replaceWithVoid();
    }

    /** Sends what is queued, one message per transaction; returns how many were settled. */
    public Uni<Integer> sendQueued() {
        return QueueDrain.drain(this::sendOne, 1_000, "Partner notice e-mails");
    }

    private Uni<Boolean> sendOne() {
        return mails.claimOldestUnsent().flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            NoticeMailRepository.Queued mail = claimed.get();
            return payloads.open(mail.tenant(), mail.subjectKey(), purpose(mail.noticeId()), mail.bodySealed())
                    .flatMap(text -> text
                            .map(body -> mailer.send(Mail.withText(mail.email(),
                                    "Consentry: a request about a customer of " + mail.tenant(), body)))
                            .orElseGet(() -> Uni.createFrom().voidItem()))
                    .flatMap(v -> mails.sent(mail, clock.instant().truncatedTo(ChronoUnit.MICROS)))
                    .replaceWith(true);
        });
    }

    private static String purpose(UUID noticeId) {
        return "notice-mail:" + noticeId;
    }

    /**
     * A link's token: the shop, a dot, then 32 random bytes (base64url, which has no dot). The shop comes first so that
     * the link's lookup names it, as every lookup of a shop's rows does.
     */
    private static String token(String tenant) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return tenant + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The shop a link's token names; empty for a link made before tokens named their shop. */
    public static Optional<String> tenantOf(String token) {
        int dot = token.lastIndexOf('.');
        return dot > 0 ? Optional.of(token.substring(0, dot)) : Optional.empty();
    }

    /** The stored form of a link's token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
