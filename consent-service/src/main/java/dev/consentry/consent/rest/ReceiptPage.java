package dev.consentry.consent.rest;

import dev.consentry.consent.service.view.Receipt;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The printable consent receipt (C3): templates/receipt.html, HTML-escaped by Qute, in the subject's
 * language (words in {@code ReceiptMessages} and messages/msg_*.properties, codes in receipt-labels*.properties).
 */
@CheckedTemplate
public class ReceiptPage {

    public static native TemplateInstance receipt(Receipt receipt, ReceiptWords words);
}
