package dev.consentry.dsr.service.email;

import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.repository.NoticeMailRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.events.data.PartnerReply;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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
    private final NoticeMailRepository mails;
    private final PartnerNoticeRepository notices;
    private final Clock clock;

    public NoticeAnswers(PartnerReplies replies, NoticeMailRepository mails, PartnerNoticeRepository notices, Clock clock) {
        this.replies = replies;
        this.mails = mails;
        this.notices = notices;
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
            return mails.linkUsed(n.tenant, NoticeMails.hash(token), now())
                    .flatMap(x -> replies.applyOverHttp(n.partnerId, n.tenant, new PartnerReply(n.id.toString(), n.recipientId,
                            outcome, reason == null || reason.isBlank() ? null : reason, null)))
                    .replaceWith(link);
        });
    }

    private Uni<Link> find(String token, boolean lock) {
        return mails.link(NoticeMails.tenantOf(token), NoticeMails.hash(token), lock).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Link(null, "unknown"));
            }
            NoticeMailRepository.AnswerLink link = found.get();
            if (link.usedAt() != null) {
                return Uni.createFrom().item(new Link(null, "used"));
            }
            if (link.expiresAt().isBefore(now())) {
                return Uni.createFrom().item(new Link(null, "expired"));
            }
            return notices.find(link.tenant(), link.noticeId()).map(n -> Optional.ofNullable(n)
                    .map(notice -> notice.answered() ? new Link(null, "used") : new Link(notice, null))
                    .orElse(new Link(null, "unknown")));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
