package dev.consentry.console.service;

import dev.consentry.console.client.Request;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** U1: the marks of the queue, the language chosen from the browser, and what the console reads of a token. */
class QueueMarksTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private static Request request(Instant due, Instant legalDue, Instant completed, List<Request.Notice> notices) {
        return new Request("id", "access", "received", "VN", List.of(), NOW.minus(Duration.ofDays(3)), due, legalDue,
                null, completed, null, null, null, notices, null, null, null);
    }

    @Test
    void U1_anOpenRequestPastTheShopsDueDateIsOverdueButNotYetLegallyOverdue() {
        QueueRow row = QueueRow.of(request(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(5)), null, List.of()), NOW);
        assertTrue(row.overdue());
        assertFalse(row.legallyOverdue());
        assertFalse(row.dueSoon(), "overdue is not also due soon");
    }

    @Test
    void U1_dueWithinThreeDaysIsDueSoonAndACompletedRequestCarriesNoMarks() {
        assertTrue(QueueRow.of(request(NOW.plus(Duration.ofHours(70)), NOW.plus(Duration.ofDays(9)), null, List.of()), NOW).dueSoon());
        assertFalse(QueueRow.of(request(NOW.plus(Duration.ofHours(74)), NOW.plus(Duration.ofDays(9)), null, List.of()), NOW).dueSoon());
        QueueRow done = QueueRow.of(request(NOW.minusSeconds(60), NOW.minusSeconds(30), NOW.minusSeconds(10), List.of()), NOW);
        assertFalse(done.overdue() || done.legallyOverdue() || done.dueSoon());
    }

    @Test
    void U1_aPartnerWithoutAnAnswerPastItsReplyByDateIsLate() {
        Request.Notice late = new Request.Notice("n1", "swift-shipping", "partner.erasure", NOW.minus(Duration.ofDays(6)),
                NOW.minus(Duration.ofDays(1)), null, null);
        Request.Notice answered = new Request.Notice("n2", "swift-shipping", "partner.erasure", NOW.minus(Duration.ofDays(6)),
                NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(2)), "completed");
        assertTrue(QueueRow.of(request(NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(9)), null, List.of(late)), NOW).partnerLate());
        assertFalse(QueueRow.of(request(NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(9)), null, List.of(answered)), NOW).partnerLate());
    }

    @Test
    void U1_theConsoleSpeaksTheBrowsersFirstLanguageItKnows() {
        assertEquals("vi", Ui.pick("vi-VN,vi;q=0.9,en;q=0.8").getLanguage());
        assertEquals("vi", Ui.pick("fr-FR,vi;q=0.8").getLanguage());
        assertEquals(Locale.ENGLISH, Ui.pick("ko-KR"));
        assertEquals(Locale.ENGLISH, Ui.pick(null));
        assertEquals(Locale.ENGLISH, Ui.pick(";;;=garbage"));
    }

    @Test
    void U1_U2_theConsoleReadsTenantRolesSubjectAndExpiryFromTheTokenAndRefusesWhatIsNoJwt() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"f3a1-keycloak-id\",\"customer_id\":\"cust-lan\",\"tenant\":\"shop-a\",\"groups\":[\"dpo\"],\"exp\":1900000000,\"name\":\"Hà\"}"
                        .getBytes(StandardCharsets.UTF_8));
        TokenClaims claims = TokenClaims.read("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig", "tenant", "groups", "customer_id");
        assertEquals("cust-lan", claims.subject(), "the subject from the configured claim, not Keycloak's own id");
        assertEquals("shop-a", claims.tenant());
        assertEquals(List.of("dpo"), claims.roles());
        assertEquals("Hà", claims.name());
        assertEquals(Instant.ofEpochSecond(1_900_000_000L), claims.expiresAt());
        assertThrows(IllegalArgumentException.class, () -> TokenClaims.read("opaque-token", "tenant", "groups", "sub"));
    }
}
