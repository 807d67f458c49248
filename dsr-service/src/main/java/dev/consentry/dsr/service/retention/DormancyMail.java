package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.RetentionAction;
import dev.consentry.dsr.model.SubjectLifecycle;
import dev.consentry.dsr.repository.DormancyMailRepository;
import dev.consentry.dsr.repository.SubjectLifecycleRepository;
import dev.consentry.dsr.repository.TenantDormancyRepository;
import dev.consentry.dsr.service.verification.RegisteredContacts;
import dev.consentry.platform.scheduling.QueueDrain;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The advance notice of a dormant account (R10), by e-mail to the contact the shop registered, in the customer's
 * language (Korean, Vietnamese or English). The schedule queues it in the step's transaction ({@code dormancy_mail});
 * {@link #dispatch} sends what is queued, one message per transaction, so a message is sent at least once and a crash
 * between sending and the commit sends it again. A customer without a registered contact is recorded as such (the
 * shop has the {@code dsr.retention-action} event to tell them its own way). Neither the address nor the text is logged.
 */
@ApplicationScoped
public class DormancyMail {

    private static final Map<String, String> SUBJECTS = Map.of(
            "en", "Your account will become dormant",
            "ko", "휴면 계정 전환 안내",
            "vi", "Thông báo tài khoản sắp chuyển sang trạng thái không hoạt động");

    private final ReactiveMailer mailer;
    private final Engine templates;
    private final RegisteredContacts contacts;
    private final SubjectVault vault;
    private final DormancyMailRepository mails;
    private final SubjectLifecycleRepository lifecycles;
    private final TenantDormancyRepository policies;
    private final Clock clock;

    public DormancyMail(ReactiveMailer mailer, Engine templates, RegisteredContacts contacts, SubjectVault vault,
                        DormancyMailRepository mails, SubjectLifecycleRepository lifecycles,
                        TenantDormancyRepository policies, Clock clock) {
        this.mails = mails;
        this.lifecycles = lifecycles;
        this.policies = policies;
        this.mailer = mailer;
        this.templates = templates;
        this.contacts = contacts;
        this.vault = vault;
        this.clock = clock;
    }

    /** Queues the notice of a dormancy step; the account becomes dormant on {@code dormantOn}. Caller's transaction. */
    public Uni<Void> queue(RetentionAction step, Instant dormantOn) {
        return mails.queue(step.id, step.tenant, step.subjectKey, dormantOn);
    }

    /** Sends the queued notices, up to {@code limit}; returns how many were settled. */
    public Uni<Integer> dispatch(int limit) {
        return QueueDrain.drain(this::sendOne, limit, "Dormancy notices");
    }

    private Uni<Boolean> sendOne() {
        return mails.claimFirstUnsent()
                .flatMap(queued -> queued.isEmpty() ? Uni.createFrom().item(false) : send(queued.get()).replaceWith(true));
    }

    private Uni<Void> send(DormancyMailRepository.Queued queued) {
        String tenant = queued.tenant();
        String subjectKey = queued.subjectKey();
        Instant dormantOn = queued.dormantOn();
        return vault.existing(tenant, subjectKey).flatMap(cipher -> cipher.isEmpty()
                ? settle(queued, ActionKinds.SUBJECT_ERASED)
                : contacts.current(tenant, subjectKey, cipher.get()).flatMap(contact -> contact.isEmpty()
                        ? settle(queued, "no_contact")
                        : details(tenant, subjectKey).flatMap(d -> compose(tenant, contact.get(), d, dormantOn)
                                .flatMap(mail -> mailer.send(mail))
                                .flatMap(v -> settle(queued, "sent")))));
    }

    /** The last activity, and the policy's storage period. */
    private record Details(Instant lastActivity, Period eraseAfter) {
    }

    private Uni<Details> details(String tenant, String subjectKey) {
        return lifecycles.findById(new SubjectLifecycle.Key(tenant, subjectKey))
                .flatMap(l -> policies.findById(tenant).map(p -> new Details(
                        l == null ? null : l.lastActivityAt, Period.parse(p == null ? "P1Y" : p.eraseAfter))));
    }

    private Uni<Mail> compose(String tenant, RegisteredContacts.Contact contact, Details d, Instant dormantOn) {
        String language = language(contact.language());
        String text = templates.getTemplate("mail/dormancy-notice-" + language + ".txt")
                .data("shop", tenant)
                .data("lastActivity", d.lastActivity() == null ? "-" : date(d.lastActivity()).toString())
                .data("dormantOn", date(dormantOn).toString())
                .data("erasureOn", date(dormantOn).plus(d.eraseAfter()).toString())
                .render();
        return Uni.createFrom().item(Mail.withText(contact.email(), SUBJECTS.get(language), text));
    }

    private Uni<Void> settle(DormancyMailRepository.Queued queued, String outcome) {
        return mails.settle(queued, outcome, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** ko, vi or en: the primary subtag of the customer's language when it is one of those, English otherwise. */
    static String language(String tag) {
        if (tag == null) {
            return "en";
        }
        String primary = tag.split("-")[0].toLowerCase(Locale.ROOT);
        return List.of("ko", "vi").contains(primary) ? primary : "en";
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
