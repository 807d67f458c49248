package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.service.view.RetentionRuleView;

import java.util.List;
import java.util.Optional;

/**
 * The documented starter sets of retention rules (R9), from the seed policies and the laws they cite. A tenant
 * switches one on and may then replace any of its rules (e.g. to use its own category names) under the same id.
 */
public final class RetentionPresets {

    /** One preset: its rules carry their own ids, legal basis and period. */
    public record Preset(String id, String title, String source, List<RetentionRuleView> rules) {
    }

    public static final List<Preset> ALL = List.of(
            new Preset("starter", "What the seed policies promise",
                    "Cafe24 privacy policy §3 (records of misuse kept for 1 year after leaving membership); two "
                            + "Vietnamese shop policies (order history kept to settle disputes)",
                    List.of(
                            rule("starter", "fraud-records", "fraudRecords", "Records of fraud and misuse are kept to "
                                    + "prevent their repetition for 1 year after the member leaves, then destroyed",
                                    "P1Y", Triggers.ACCOUNT_CLOSED),
                            rule("starter", "order-history", "orderHistory", "Order history is kept to settle disputes "
                                    + "about an order; set the period your policy states", "P1Y",
                                    Triggers.ORDER_COMPLETED))),
            new Preset("kr-ecommerce", "Korean e-commerce act: records a shop must keep",
                    "Act on the Consumer Protection in Electronic Commerce, Art. 6, and its Enforcement Decree, Art. 6",
                    List.of(
                            rule("kr-ecommerce", "kr-contract-records", "contractRecords",
                                    "Records of contracts or withdrawal of offers: 5 years (E-commerce Act Art. 6)",
                                    "P5Y", Triggers.ORDER_COMPLETED),
                            rule("kr-ecommerce", "kr-payment-records", "paymentRecords",
                                    "Records of payment and supply of goods: 5 years (E-commerce Act Art. 6)",
                                    "P5Y", Triggers.ORDER_COMPLETED),
                            rule("kr-ecommerce", "kr-complaint-records", "complaintRecords",
                                    "Records of consumer complaints and dispute handling: 3 years (E-commerce Act Art. 6)",
                                    "P3Y", Triggers.ORDER_COMPLETED),
                            rule("kr-ecommerce", "kr-advertising-records", "advertisingRecords",
                                    "Records of labelling and advertising: 6 months (E-commerce Act Art. 6)",
                                    "P6M", Triggers.LAST_ACTIVITY))));

    private RetentionPresets() {
    }

    public static Optional<Preset> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static RetentionRuleView rule(String preset, String id, String category, String legalBasis, String period,
                                          String trigger) {
        return new RetentionRuleView(id, List.of(category), null, legalBasis, period, trigger, "erase", preset);
    }
}
