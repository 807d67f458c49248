package dev.consentry.dsr.service.webhook;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.repository.PartnerRepository;
import dev.consentry.dsr.repository.WebhookDeliveryRepository;
import dev.consentry.dsr.repository.WebhookDeliveryRepository.Claimed;
import dev.consentry.dsr.service.NoticePayloads;
import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.dsr.service.RequestEvents;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.platform.persistence.SessionContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Delivers queued webhook notices (P1). Each partner has a lane of its own, run on its own Vert.x context, so a slow or
 * dead endpoint holds up nobody else; within a lane, each subject's oldest undelivered notice goes first (in order per
 * subject) and different subjects' notices go side by side. A delivery is claimed for one attempt (its next attempt is
 * moved past the timeout), POSTed as a structured-mode CloudEvent signed as Standard Webhooks describes, and then
 * settled: delivered on a 2xx (the payload is dropped; a reply in the body is applied as if sent by the partner), or
 * retried with exponential backoff and jitter until {@code consentry.dsr.webhooks.give-up-after}; then it is given up
 * — the row stays as the dead letter, sealed — and the notice is escalated on its request (the partner is overdue).
 * A crash between sending and settling sends the notice again: partners deduplicate by {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private final Vertx vertx;
    private final WebClient http;
    private final WebhookSecrets secrets;
    private final NoticePayloads payloads;
    private final PartnerReplies replies;
    private final DsrRequestRepository requests;
    private final PartnerRepository partners;
    private final PartnerNoticeRepository notices;
    private final WebhookDeliveryRepository deliveries;
    private final RequestEvents events;
    private final DsrConfig.Webhooks config;
    private final Clock clock;
    private final Set<String> busyLanes = ConcurrentHashMap.newKeySet();

    public WebhookDispatcher(Vertx vertx, WebhookSecrets secrets, NoticePayloads payloads,
                             PartnerReplies replies, DsrRequestRepository requests, PartnerRepository partners,
                             PartnerNoticeRepository notices, WebhookDeliveryRepository deliveries,
                             RequestEvents events, DsrConfig config, Clock clock) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.secrets = secrets;
        this.payloads = payloads;
        this.replies = replies;
        this.requests = requests;
        this.partners = partners;
        this.notices = notices;
        this.deliveries = deliveries;
        this.events = events;
        this.config = config.webhooks();
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(every = "${consentry.dsr.webhooks.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return round().replaceWithVoid();
    }

    /** Called in a transaction that queued a delivery: a round shortly after it commits. */
    void wakeUpSoon() {
        vertx.setTimer(50, id -> onOwnContext(() -> round().subscribe().with(n -> { }, e -> Log.warnf(
                "Webhook round failed: %s", e.getClass().getSimpleName()))));
    }

    /** Runs {@code work} on a new duplicated Vert.x context marked safe: the database session it opens is its own. */
    private void onOwnContext(Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> work.run());
    }

    /**
     * {@code work} on a context of its own, so that deliveries side by side never share a database session; its
     * outcome comes back on the caller's context, where the lane's next steps use theirs.
     */
    private <T> Uni<T> onOwnContextAndBack(Supplier<Uni<T>> work) {
        return SessionContexts.backOnCallersContext(Uni.createFrom().emitter(outcome -> onOwnContext(() -> work.get()
                .subscribe().with(outcome::complete, outcome::fail))));
    }

    /** Starts a lane for every partner with a due delivery and no lane running; returns how many it started. */
    public Uni<Integer> round() {
        Instant now = now();
        return Panache.withSession(() -> deliveries.partnersWithDueDeliveries(now))
                .map(partners -> {
                    int started = 0;
                    for (String partnerId : partners) {
                        if (busyLanes.add(partnerId)) {
                            started++;
                            onOwnContext(() -> lane(partnerId).subscribe().with(
                                    done -> busyLanes.remove(partnerId),
                                    e -> {
                                        busyLanes.remove(partnerId);
                                        Log.warnf("Webhook lane of %s stopped (%s); next round resumes it", partnerId,
                                                e.getClass().getSimpleName());
                                    }));
                        }
                    }
                    return started;
                });
    }

    /** Delivers the partner's due heads, side by side, until none is due. */
    private Uni<Void> lane(String partnerId) {
        return Panache.withTransaction(() -> claimHeads(partnerId))
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(false)
                        : Panache.withSession(() -> partners.findById(partnerId)).flatMap(partner -> {
                            if (partner == null || partner.webhookUrl == null) {
                                return Uni.createFrom().item(false);
                            }
                            List<String> valid = secrets.of(partner);
                            return Uni.join().all(claimed.stream()
                                            .map(d -> onOwnContextAndBack(() -> deliver(partner, valid, d))).toList())
                                    .andCollectFailures().replaceWith(true);
                        }))
                .flatMap(more -> more ? lane(partnerId) : Uni.createFrom().voidItem());
    }

    /** Each subject's oldest undelivered notice, if due: moved past the timeout so that no other round takes it. */
    private Uni<List<Claimed>> claimHeads(String partnerId) {
        Instant now = now();
        return deliveries.claimHeads(partnerId, now, now.plus(config.timeout()).plusSeconds(30));
    }

    private Uni<Void> deliver(Partner partner, List<String> valid, Claimed d) {
        return Panache.withSession(() -> open(d)).flatMap(body -> {
            if (body.isEmpty()) {
                return giveUp(d, 0, "subject erased: the notice can no longer be read");
            }
            long timestamp = clock.instant().getEpochSecond();
            return http.postAbs(partner.webhookUrl)
                    .timeout(config.timeout().toMillis())
                    .putHeader("content-type", "application/cloudevents+json")
                    .putHeader("webhook-id", d.eventId())
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", WebhookSecrets.signature(valid, d.eventId(), timestamp, body.get()))
                    .sendBuffer(Buffer.buffer(body.get()))
                    .onItemOrFailure().transformToUni((response, failure) -> {
                        if (failure == null && response.statusCode() / 100 == 2) {
                            return delivered(partner.id, d, response);
                        }
                        return failed(d, failure == null ? response.statusCode() : 0,
                                failure == null ? "HTTP " + response.statusCode() : failure.getClass().getSimpleName());
                    });
        });
    }

    private Uni<Optional<String>> open(Claimed d) {
        return payloads.open(d.tenant(), d.subjectKey(), WebhookQueue.payloadPurpose(d.id()), d.payload());
    }

    /** Delivered: the payload goes; an answer in the body counts as the partner's reply. */
    private Uni<Void> delivered(String partnerId, Claimed d, HttpResponse<Buffer> response) {
        Uni<Void> settled = Panache.withTransaction(() -> deliveries.delivered(d, now(), response.statusCode()));
        Optional<PartnerReply> reply = replyIn(response);
        if (reply.isEmpty()) {
            return settled;
        }
        return settled.flatMap(v -> Panache.withTransaction(() -> replies.applyOverHttp(partnerId, d.tenant(), reply.get())))
                .onFailure().recoverWithUni(e -> {
                    Log.infof("A reply in the response to delivery %s was not applied (%s)", d.id(),
                            e.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                });
    }

    private static Optional<PartnerReply> replyIn(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return Optional.empty();
        }
        try {
            PartnerReply reply = EventContract.mapper().readValue(body.toString(), PartnerReply.class);
            return reply.noticeId() == null ? Optional.empty() : Optional.of(reply);
        } catch (Exception e) {
            return Optional.empty(); // any 2xx body that is not a reply is only an acknowledgement of receipt
        }
    }

    /** A failed attempt: retried after a backoff, or given up once the give-up time has passed since queueing. */
    private Uni<Void> failed(Claimed d, int status, String error) {
        Instant now = now();
        if (!now.isBefore(d.createdAt().plus(config.giveUpAfter()))) {
            return giveUp(d, status, error);
        }
        long base = Math.min(config.maxBackoff().toMillis(), config.firstBackoff().toMillis() * (1L << Math.min(d.attempts(), 20)));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Panache.withTransaction(() -> deliveries.failed(d, status, error, now.plus(Duration.ofMillis(delay))));
    }

    /** Given up: the row stays as the dead letter; the notice is escalated on its request, once. */
    private Uni<Void> giveUp(Claimed d, int status, String error) {
        Instant now = now();
        Log.warnf("Webhook delivery %s given up after %d attempt(s): %s", d.id(), d.attempts() + 1, error);
        return Panache.withTransaction(() -> deliveries.givenUp(d, status, error, now)
                .flatMap(v -> notices.find(d.tenant(), d.noticeId()))
                .flatMap(notice -> notice == null || notice.answered() || notice.escalatedAt != null
                        ? Uni.createFrom().voidItem()
                        : requests.find(notice.tenant, notice.requestId).flatMap(request -> {
                            notice.escalatedAt = now;
                            return events.partnerStep(EventTypes.DSR_PARTNER_OVERDUE, request, notice);
                        })));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
