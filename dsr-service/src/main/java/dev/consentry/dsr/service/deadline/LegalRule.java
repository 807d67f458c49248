package dev.consentry.dsr.service.deadline;

/**
 * The deadline of one request type in one jurisdiction: the base period, the period when a processor or third party
 * holds the data, and the longest single extension the law allows ({@link Span#NONE}: none).
 */
public record LegalRule(Span base, Span withThirdParty, Span maxExtension, String source) {

    static LegalRule of(Span base, Span withThirdParty, Span maxExtension, String source) {
        return new LegalRule(base, withThirdParty, maxExtension, source);
    }

    Span period(boolean thirdPartyInvolved) {
        return thirdPartyInvolved ? withThirdParty : base;
    }
}
