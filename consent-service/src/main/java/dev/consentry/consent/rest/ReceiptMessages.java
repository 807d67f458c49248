package dev.consentry.consent.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The printable receipt's words ({@code msg:} in templates/receipt.html): English here, Vietnamese and
 * Korean in messages/msg_vi.properties and msg_ko.properties.
 */
@MessageBundle("msg")
public interface ReceiptMessages {

    @Message("Consent receipt")
    String title();

    @Message("Shop")
    String shop();

    @Message("Purpose")
    String purpose();

    @Message("Your decision")
    String decision();

    @Message("When")
    String when();

    @Message("How")
    String how();

    @Message("Where")
    String where();

    @Message("By")
    String by();

    @Message("Privacy notice version")
    String notice();

    @Message("Language")
    String language();

    @Message("Signal received")
    String signal();

    @Message("Keep this receipt: it shows what you decided and when. The signature below lets anyone check that the shop's records say the same.")
    String keep();

    @Message("Technical details")
    String technical();

    @Message("Record")
    String record();

    @Message("Your pseudonymous reference (a keyed hash: it names no one by itself)")
    String reference();

    @Message("Signature (JWS); verify it with the key set at")
    String signature();
}
