package dev.consentry.dsr.service.email;

import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.platform.sql.Columns;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer links of e-mail notices (P2): a link names its notice by a token only the e-mail holds; it answers the
 * notice once, as its partner, until it expires. Opening it changes nothing (mail scanners open links); only the form
 * it shows does.
 */
@ApplicationScoped
public class NoticeAnswers {

    /** What a link leads to: the notice, or why it no longer works ({@code used}, {@code expired}, {@code unknown}). */
    public record Link(PartnerNotice notice, String unusable) {
    }

    private final PartnerReplies replies;
    private final Clock clock;

    public NoticeAnswers(PartnerReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    @WithSession
    public Uni<Link> open(String token) {
        return find(token, false);
    }

    /** Answers the link's notice as its partner; the link is spent. */
    @WithTransaction
    public Uni<Link> answer(String token, String outcome, String reason) {
        return find(token, true).flatMap(link -> {
            if (link.unusable() != null) {
                return Uni.createFrom().item(link);
            }
            PartnerNotice n = link.notice();
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "UPDATE notice_answer_link SET used_at = ?2 WHERE token_hash = ?1")
                    .setParameter(1, NoticeMails.hash(token)).setParameter(2, now()).executeUpdate())
                    .flatMap(x -> replies.applyOverHttp(n.partnerId, new PartnerReply(n.id.toString(), n.recipientId,
                            outcome, reason == null || reason.isBlank() ? null : reason, null)))
                    .replaceWith(link);
        });
    }

    private Uni<Link> find(String token, boolean lock) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT notice_id, expires_at, used_at FROM "
                        + "notice_answer_link WHERE token_hash = ?1" + (lock ? " FOR UPDATE" : ""), Object[].class)
                .setParameter(1, NoticeMails.hash(token)).getResultList())
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new Link(null, "unknown"));
                    }
                    Object[] row = rows.get(0);
                    if (row[2] != null) {
                        return Uni.createFrom().item(new Link(null, "used"));
                    }
                    if (Columns.instant(row[1]).isBefore(now())) {
                        return Uni.createFrom().item(new Link(null, "expired"));
                    }
                    UUID noticeId = Columns.uuid(row[0]);
                    return PartnerNotice.<PartnerNotice>findById(noticeId).map(n -> Optional.ofNullable(n)
                            .map(found -> found.answered() ? new Link(null, "used") : new Link(found, null))
                            .orElse(new Link(null, "unknown")));
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
