package dev.consentry.dsr.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The readable access package's words ({@code msg:} in templates/accessPackage.html): English here, Vietnamese and
 * Korean in messages/msg_vi.properties and msg_ko.properties (R7).
 */
@MessageBundle("msg")
public interface PackageMessages {

    @Message("Your personal data")
    String title();

    @Message("The answer to your request ({type}), received on {received} and answered on {completed}.")
    String answer_intro(String type, String received, String completed);

    @Message("Your customer id at the shop")
    String customer_id();

    @Message("(erased)")
    String erased();

    @Message("The same content, machine-readable (JSON), is at the same address without /readable. Page made on")
    String json_too();

    @Message("Data held by each system and partner")
    String systems_title();

    @Message("Data")
    String data();

    @Message("Purposes")
    String purposes();

    @Message("Answer")
    String answer();

    @Message("No system or partner is registered as holding your data.")
    String systems_none();

    @Message("Who received your data")
    String recipients_title();

    @Message("Recipient")
    String recipient();

    @Message("When")
    String when();

    @Message("On the basis of")
    String basis();

    @Message("No disclosure is recorded.")
    String recipients_none();

    @Message("How long data is kept")
    String retention_title();

    @Message("Why")
    String reason();

    @Message("For")
    String period();

    @Message("Counted from")
    String counted_from();

    @Message("Then")
    String then();

    @Message("No retention period is set for any data.")
    String retention_none();

    @Message("Your consents")
    String consents_title();

    @Message("Purpose")
    String purpose();

    @Message("What it means")
    String meaning();

    @Message("Your decision")
    String decision();

    @Message("Privacy notice")
    String notice_version();

    @Message("No consent decision is recorded.")
    String consents_none();

    @Message("Who is responsible, and how to reach them")
    String controller_title();

    @Message("Privacy contact")
    String privacy_contact();

    @Message("the privacy team")
    String privacy_team();

    @Message("To complain")
    String to_complain();

    @Message("then")
    String then_authority();

    @Message("The shop has not published its privacy contact here; ask the shop directly.")
    String controller_none();
}
