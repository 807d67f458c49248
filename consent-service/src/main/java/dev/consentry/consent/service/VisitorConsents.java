package dev.consentry.consent.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.model.PrivacyNotice;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.repository.NoticeRepository;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.view.BannerConfig;
import dev.consentry.consent.service.view.BannerState;
import dev.consentry.consent.service.view.DecisionView;
import dev.consentry.consent.service.view.RecordedConsents;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consent banner's side of consent-service (U3): what it shows for a shop in a language, one visitor's state, the
 * visitor's choice recorded as consent records (method "button", channel "web", collection point "banner"; a GPC
 * signal refuses sale/sharing purposes and withdraws standing consents to them, C11), and a visitor's choices carried
 * over to the customer they turn out to be once signed in.
 */
@ApplicationScoped
public class VisitorConsents {

    public static final String COLLECTION_POINT = "banner";
    public static final String LINK_COLLECTION_POINT = "banner-link";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PurposeRepository purposes;
    private final NoticeRepository notices;
    private final ConsentRecordRepository records;
    private final ConsentRecorder recorder;
    private final DecisionService decisions;
    private final SubjectKeys subjectKeys;
    private final Clock clock;

    public VisitorConsents(PurposeRepository purposes, NoticeRepository notices, ConsentRecordRepository records,
                           ConsentRecorder recorder, DecisionService decisions, SubjectKeys subjectKeys, Clock clock) {
        this.purposes = purposes;
        this.notices = notices;
        this.records = records;
        this.recorder = recorder;
        this.decisions = decisions;
        this.subjectKeys = subjectKeys;
        this.clock = clock;
    }

    /** The banner for {@code tenant} in {@code wanted} language (the catalogue's, English, or the first one it has). */
    @WithSession
    public Uni<BannerConfig> config(String tenant, String wanted) {
        return purposes.listForTenant(tenant).flatMap(all -> notices.listForTenant(tenant).map(published -> {
            List<Purpose> asked = all.stream().filter(Purpose::needsConsent)
                    .sorted(Comparator.comparing(p -> p.key.id())).toList();
            Set<String> languages = new LinkedHashSet<>();
            asked.forEach(p -> languages.addAll(texts(p.names).keySet()));
            String language = languages.contains(wanted) ? wanted : languages.contains("en") ? "en"
                    : languages.stream().findFirst().orElse("en");
            List<BannerConfig.Purpose> shown = asked.stream().map(p -> new BannerConfig.Purpose(p.key.id(),
                    pick(texts(p.names), language, p.key.id()), pick(texts(p.descriptions), language, null),
                    p.saleOrSharing, List.of(p.consentModeTypes))).toList();
            return new BannerConfig(tenant, language, List.copyOf(languages), shown, noticeInForce(published, language));
        }));
    }

    /** The latest notice version in effect, in {@code language} if there is one in it. */
    private BannerConfig.Notice noticeInForce(List<PrivacyNotice> published, String language) {
        var now = clock.instant();
        return published.stream().filter(n -> !n.effectiveAt.isAfter(now))
                .max(Comparator.<PrivacyNotice, Boolean>comparing(n -> language.equals(n.key.language()))
                        .thenComparing(n -> n.effectiveAt))
                .map(n -> new BannerConfig.Notice(n.key.version(), n.key.language(), n.url, n.contentHash))
                .orElse(null);
    }

    /** One visitor's decisions on the purposes asked for consent, and their Consent Mode values. */
    @WithSession
    public Uni<BannerState> state(String tenant, String visitorId) {
        // one after the other: both read through the same session
        return decisions.decideAll(tenant, visitorId, List.of(), null).flatMap(all -> decisions
                .consentMode(tenant, visitorId, null).map(mode -> {
                    List<BannerState.PurposeState> states = all.stream()
                            .filter(d -> !d.reason().startsWith("legal basis"))
                            .map(d -> new BannerState.PurposeState(d.purposeId(), d.decision(), decided(d))).toList();
                    return new BannerState(states, states.stream().anyMatch(s -> !s.decided()), mode.consentMode());
                }));
    }

    /** A decision the visitor made and that still stands as theirs (not expired, not awaiting renewal). */
    private static boolean decided(DecisionView d) {
        return d.recordId() != null && !d.reason().endsWith("renewal required") && !d.reason().equals("consent expired");
    }

    /** The visitor's choice as consent records of their own. */
    public Uni<RecordedConsents> record(String tenant, String visitorId, List<ConsentRecorder.Choice> choices,
                                        String language, String noticeVersion, String noticeHash, boolean gpc) {
        Evidence pressed = new Evidence("button", "web", COLLECTION_POINT, noticeVersion, noticeHash, language, "subject",
                null, null);
        return recorder.record(tenant, new ConsentRecorder.Submission(visitorId, choices, pressed, false, null, null, null),
                gpc);
    }

    /**
     * Carries a visitor's standing banner decisions over to the customer: for each purpose the visitor decided more
     * recently than the customer did (or the customer never did), one record for the customer with the same decision,
     * citing the visitor's record. Decisions the customer made since are never overwritten. Returns what it recorded.
     */
    @WithSession
    public Uni<RecordedConsents> link(String tenant, String visitorId, String customerId) {
        String visitorKey = subjectKeys.of(tenant, visitorId);
        String customerKey = subjectKeys.of(tenant, customerId);
        Instant now = clock.instant();
        return purposes.listForTenant(tenant).flatMap(all -> Multi.createFrom()
                .iterable(all.stream().filter(Purpose::needsConsent).toList())
                .onItem().transformToUniAndConcatenate(p -> records.latestAsOf(tenant, visitorKey, p.key.id(), now)
                        .flatMap(visitor -> records.latestAsOf(tenant, customerKey, p.key.id(), now)
                                .map(customer -> carriedOver(visitor, customer))))
                .filter(java.util.Objects::nonNull)
                .collect().asList())
                .flatMap(carried -> {
                    if (carried.isEmpty()) {
                        return Uni.createFrom().item(new RecordedConsents(customerId, List.of(), false));
                    }
                    List<ConsentRecorder.Choice> choices = new ArrayList<>();
                    List<String> cited = new ArrayList<>();
                    carried.forEach(r -> {
                        choices.add(new ConsentRecorder.Choice(r.purposeId, r.decision));
                        cited.add(r.id.toString());
                    });
                    Evidence linked = new Evidence("api", "web", LINK_COLLECTION_POINT, null, null, null, "subject", null,
                            "banner choices of visitor records " + String.join(",", cited));
                    return recorder.record(tenant, new ConsentRecorder.Submission(customerId, choices, linked, false,
                            null, null, null), false);
                });
    }

    /** The visitor's record to carry over, or null: only given, refused or withdrawn, and newer than the customer's. */
    private static dev.consentry.consent.model.ConsentRecord carriedOver(dev.consentry.consent.model.ConsentRecord visitor,
                                                                        dev.consentry.consent.model.ConsentRecord customer) {
        if (visitor == null || !Set.of("given", "refused", "withdrawn").contains(visitor.decision)) {
            return null;
        }
        return customer == null || customer.decidedAt.isBefore(visitor.decidedAt) ? visitor : null;
    }

    private static Map<String, String> texts(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored texts are not JSON", e);
        }
    }

    private static String pick(Map<String, String> texts, String language, String otherwise) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get("en");
        }
        return text != null ? text : texts.values().stream().findFirst().orElse(otherwise);
    }
}
