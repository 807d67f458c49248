package dev.consentry.consent.service;

import dev.consentry.consent.model.PrivacyNotice;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.repository.NoticeRepository;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.view.NoticeView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.NoticePublishedData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Privacy notice versions (C7): announced at least the tenant's notice period (7 days by default) before they take
 * effect. A version that changes a purpose marks every standing consent to it "renewal required" from the moment it
 * takes effect — it never consents to anything on the subject's behalf.
 */
@ApplicationScoped
public class NoticeService {

    private final NoticeRepository notices;
    private final PurposeRepository purposes;
    private final ConsentRecordRepository records;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final SettingsService settings;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, PurposeRepository purposes, ConsentRecordRepository records,
                         ConsentLedger ledger, Outbox outbox, SettingsService settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.notices = notices;
        this.purposes = purposes;
        this.records = records;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** A notice version to announce: its text (or url and hash), the purposes it covers, those it changes, when. */
    public record Publication(String version, String language, String text, String url, String contentHash,
                              List<String> purposes, List<String> changedPurposes, String whatChanged,
                              Instant effectiveAt) {
    }

    @WithTransaction
    public Uni<NoticeView> publish(String tenant, Publication request) {
        String hash = contentHash(request);
        List<String> changed = request.changedPurposes() == null ? List.of() : request.changedPurposes().stream().distinct().toList();
        if (!request.purposes().containsAll(changed)) {
            throw ProblemException.badRequest("changed-purpose-not-covered", "changedPurposes must be among purposes.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return settings.noticePeriodDays(tenant).flatMap(days -> {
            Instant earliest = now.plus(Duration.ofDays(days));
            if (request.effectiveAt().isBefore(earliest)) {
                throw ProblemException.unprocessable("notice-effective-too-soon", "A notice takes effect at least "
                        + days + " days after it is announced: not before " + earliest + ".");
            }
            return purposes.listForTenant(tenant);
        }).flatMap(catalogue -> {
            List<String> unknown = request.purposes().stream()
                    .filter(id -> catalogue.stream().map(p -> p.key.id()).noneMatch(id::equals)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.unprocessable("unknown-purpose",
                        "Not in this shop's catalogue: " + String.join(", ", unknown) + ".");
            }
            PrivacyNotice.Key key = new PrivacyNotice.Key(tenant, request.version(), request.language());
            return notices.findById(key).flatMap(existing -> {
                if (existing != null) {
                    throw ProblemException.conflict("notice-exists", "Version " + request.version() + " in "
                            + request.language() + " exists already; notices are never edited, publish a new version.");
                }
                PrivacyNotice n = notice(key, request, hash, changed, now);
                return notices.persist(n)
                        .call(() -> outbox.publish(Topics.CONSENT, EventTypes.NOTICE_PUBLISHED, tenant, null,
                                new NoticePublishedData(n.key.version(), n.key.language(), n.contentHash,
                                        List.of(n.purposes), changed, n.announcedAt, n.effectiveAt)))
                        .flatMap(saved -> markForRenewal(tenant, n, changed))
                        .map(count -> view(n, count));
            });
        });
    }

    @WithSession
    public Uni<List<NoticeView>> list(String tenant) {
        return notices.listForTenant(tenant).map(list -> list.stream().map(n -> view(n, null)).toList());
    }

    private Uni<Integer> markForRenewal(String tenant, PrivacyNotice notice, List<String> changed) {
        return Multi.createFrom().iterable(changed)
                .onItem().transformToUniAndConcatenate(purposeId -> records.subjectsConsentingTo(tenant, purposeId)
                        .flatMap(subjects -> ledger.appendAll(tenant, subjects.stream()
                                        .map(subjectKey -> new ConsentLedger.Entry(subjectKey, purposeId,
                                                "renewal_required", Evidence.renewal(notice.key.version()),
                                                notice.effectiveAt))
                                        .toList())
                                .map(List::size)))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }


    private static PrivacyNotice notice(PrivacyNotice.Key key, Publication request, String hash, List<String> changed,
                                        Instant now) {
        PrivacyNotice n = new PrivacyNotice();
        n.key = key;
        n.text = request.text();
        n.url = request.url();
        n.contentHash = hash;
        n.purposes = request.purposes().stream().distinct().toArray(String[]::new);
        n.changedPurposes = changed.toArray(String[]::new);
        n.whatChanged = request.whatChanged();
        n.announcedAt = now;
        n.effectiveAt = request.effectiveAt().truncatedTo(ChronoUnit.MICROS);
        return n;
    }

    static String contentHash(Publication request) {
        if ((request.text() == null) == (request.url() == null)) {
            throw ProblemException.badRequest("notice-content", "Give either the notice text or its url.");
        }
        if (request.text() == null) {
            if (request.contentHash() == null) {
                throw ProblemException.badRequest("notice-content", "A notice given by url needs the contentHash of its text.");
            }
            return request.contentHash();
        }
        String computed = sha256(request.text());
        if (request.contentHash() != null && !request.contentHash().equals(computed)) {
            throw ProblemException.badRequest("notice-hash-mismatch", "contentHash is not the SHA-256 of the text.");
        }
        return computed;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NoticeView view(PrivacyNotice n, Integer renewals) {
        return new NoticeView(n.key.version(), n.key.language(), n.url, n.contentHash, List.of(n.purposes),
                List.of(n.changedPurposes), n.whatChanged, n.announcedAt, n.effectiveAt, renewals);
    }
}
