package dev.consentry.bench;

import dev.consentry.devstack.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The retention schedule's evaluation (R9, R10) over many subjects of one tenant: {@code subjects} account histories
 * written straight into dsr-service's database (orders, logins and closed accounts spread over two and a half years),
 * three retention rules and a dormant-account policy, then the schedule's dry run ({@code GET /v1/retention/due}),
 * which runs every query the schedule runs and counts what is due.
 */
final class RetentionWorkload {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final Api dpo;
    private final Database db;
    private final String tenant;

    RetentionWorkload(Api dpo, Database db, String tenant) {
        this.dpo = dpo;
        this.db = db;
        this.tenant = tenant;
    }

    void seed(int subjects) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO subject_lifecycle (tenant, subject_key, subject_id_sealed, last_activity_at,
                        account_closed_at, last_order_at)
                    SELECT ?, 'bench-retention-' || g, 'not-sealed',
                        now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
                        CASE WHEN g % 20 = 0 THEN now() - (g % 500) * interval '1 day' END,
                        now() - (g % 900) * interval '1 day'
                    FROM generate_series(1, ?) g
                    ON CONFLICT DO NOTHING""")) {
                insert.setString(1, tenant);
                insert.setInt(2, subjects);
                insert.executeUpdate();
            }
            try (PreparedStatement rules = c.prepareStatement("""
                    INSERT INTO retention_rule (tenant, id, categories, legal_basis, period, trigger, action, created_at)
                    VALUES (?, 'bench-orders', '{orderHistory}', 'bench', 'P2Y', 'order_completed', 'erase', now()),
                           (?, 'bench-fraud', '{fraudRecords}', 'bench', 'P1Y', 'account_closed', 'erase', now()),
                           (?, 'bench-ads', '{advertisingRecords}', 'bench', 'P6M', 'last_activity', 'anonymise', now())
                    ON CONFLICT DO NOTHING""");
                 PreparedStatement dormancy = c.prepareStatement("""
                    INSERT INTO tenant_dormancy (tenant, enabled, inactive_for, notice_before, erase_after)
                    VALUES (?, true, 'P180D', 'P30D', 'P1Y') ON CONFLICT DO NOTHING""")) {
                rules.setString(1, tenant);
                rules.setString(2, tenant);
                rules.setString(3, tenant);
                rules.executeUpdate();
                dormancy.setString(1, tenant);
                dormancy.executeUpdate();
            }
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE subject_lifecycle");
            }
        }
    }

    /** Seconds one evaluation took, and how many steps it found due. */
    double[] evaluate() throws Exception {
        long t0 = System.nanoTime();
        String body = dpo.getBody("/v1/retention/due?limit=100", Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher m = TOTAL.matcher(body);
        return new double[]{seconds, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN};
    }
}
