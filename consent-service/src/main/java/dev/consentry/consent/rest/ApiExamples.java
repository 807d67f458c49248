package dev.consentry.consent.rest;

/** Example bodies shown in the OpenAPI document (and tried by the README tour). */
final class ApiExamples {

    static final String CONSENT_FORM = """
            {"subjectId":"cust-1","decisions":[{"purposeId":"marketing-email","decision":"given"},
             {"purposeId":"analytics-cookies","decision":"refused"}],
             "method":"checkbox","channel":"web","collectionPoint":"signup-form","noticeVersion":"2026-01",
             "noticeHash":"3f0c1b0e9d1c6f2a7b4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a","language":"vi"}""";

    static final String RECORDED = """
            {"subjectId":"cust-1","gpcApplied":false,"records":[
             {"recordId":"0b6f6a7e-3c1d-4f7a-9c51-2f4c8f0f1a11","purposeId":"marketing-email","decision":"given",
              "decidedAt":"2026-11-22T05:57:00.050509Z"}]}""";

    static final String WITHDRAWAL = """
            {"channel":"web","method":"button","collectionPoint":"privacy-center"}""";

    static final String CONSENT_MODE = """
            {"subjectId":"cust-1","at":"2026-11-22T06:00:00Z","consentMode":{"ad_storage":"denied",
             "analytics_storage":"granted","ad_user_data":"denied","ad_personalization":"denied"}}""";

    static final String PURPOSE = """
            {"id":"marketing-email","legalBasis":"consent","optional":true,
             "names":{"en":"E-mail marketing","vi":"Tiếp thị qua e-mail","ko":"이메일 마케팅"},
             "descriptions":{"en":"News and offers by e-mail, at most weekly.","vi":"Tin tức và ưu đãi qua e-mail, tối đa mỗi tuần một lần."},
             "dataCategories":["email","name"],"recipients":["mail-blaster"],"retention":"P2Y","validity":"P1Y",
             "saleOrSharing":false,"consentModeTypes":[]}""";

    static final String NOTICE = """
            {"version":"2026-12","language":"en","text":"Our privacy notice ...",
             "purposes":["marketing-email","analytics-cookies"],"changedPurposes":["marketing-email"],
             "whatChanged":"Newsletters now include partner offers.","effectiveAt":"2026-12-15T00:00:00Z"}""";

    static final String IMPORT = """
            {"subjectId":"cust-1","purposeId":"marketing-email","decision":"given","decidedAt":"2025-03-01T09:00:00Z","method":"checkbox","channel":"web","collectionPoint":"legacy-signup","language":"vi"}
            {"subjectId":"cust-2","purposeId":"marketing-email","decision":"refused","decidedAt":"2025-03-02T10:30:00Z","method":"button","channel":"app","collectionPoint":"legacy-app"}""";

    static final String VISITOR_TOKEN = """
            {"visitorId":"visitor-0b6f6a7e-3c1d-4f7a-9c51-2f4c8f0f1a11","minutes":30}""";

    static final String BANNER_CHOICE = """
            {"decisions":[{"purposeId":"analytics-cookies","decision":"given"},{"purposeId":"ad-sharing","decision":"refused"}],
             "language":"vi","noticeVersion":"2026-12","gpc":false}""";

    static final String VISITOR_LINK = """
            {"visitorId":"visitor-0b6f6a7e-3c1d-4f7a-9c51-2f4c8f0f1a11"}""";

    private ApiExamples() {
    }
}
