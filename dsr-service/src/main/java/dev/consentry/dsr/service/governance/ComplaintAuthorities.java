package dev.consentry.dsr.service.governance;

import java.util.Map;

/** Where and how a subject can complain about a refusal, per jurisdiction: the data protection authority (R8). */
public final class ComplaintAuthorities {

    private static final Map<String, String> HOW_TO_COMPLAIN = Map.of(
            "VN", "You may complain to the shop's personal data protection contact, or to the Department of "
                    + "Cybersecurity and High-Tech Crime Prevention (A05), Ministry of Public Security, the authority "
                    + "for personal data protection under Law 91/2025/QH15.",
            "KR", "You may file a complaint with the Personal Information Protection Commission (privacy.go.kr, "
                    + "call 182) or apply to the Personal Information Dispute Mediation Committee (PIPA Art. 62, 40).",
            "EU", "You may lodge a complaint with a data protection supervisory authority, in particular in the member "
                    + "state where you live or work (GDPR Art. 77), and seek a judicial remedy (Art. 79).",
            "US-CA", "You may contact the California Privacy Protection Agency (cppa.ca.gov) or the California "
                    + "Attorney General (oag.ca.gov/privacy).");

    private ComplaintAuthorities() {
    }

    public static String howToComplain(String jurisdiction) {
        return HOW_TO_COMPLAIN.getOrDefault(jurisdiction, "You may complain to the data protection authority where you live.");
    }
}
