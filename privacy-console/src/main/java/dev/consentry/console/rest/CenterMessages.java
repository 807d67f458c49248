package dev.consentry.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The privacy center's own words ({@code center:} in templates): English here, Vietnamese and Korean in
 * messages/center_vi.properties and center_ko.properties; the browser's Accept-Language chooses (U2).
 */
@MessageBundle("center")
public interface CenterMessages {

    @Message("Privacy center")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("My choices")
    String nav_choices();

    @Message("My requests")
    String nav_requests();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Sign out")
    String sign_out();

    @Message("Your privacy choices")
    String choices_title();

    @Message("Each use of your data that needs your consent is listed below. Turn it on or off at any time: turning it off takes effect at once, and each change gives you a signed receipt.")
    String choices_intro();

    @Message("Your choice is saved.")
    String choice_saved();

    @Message("Data used")
    String data_used();

    @Message("Shared with")
    String shared_with();

    @Message("Your choice")
    String your_choice();

    @Message("On — you agreed")
    String state_on();

    @Message("Off")
    String state_off();

    @Message("since")
    String since();

    @Message("Turn on")
    String turn_on();

    @Message("Turn off")
    String turn_off();

    @Message("Receipt")
    String receipt();

    @Message("Signed receipt (file)")
    String receipt_signed();

    @Message("What the shop needs for your orders")
    String needed_title();

    @Message("These uses rest on your contract with the shop or on the law, not on consent; you can still ask about them below.")
    String needed_intro();

    @Message("Your consent history")
    String history_title();

    @Message("Every choice you made, newest first")
    String history_caption();

    @Message("No choices recorded yet.")
    String history_none();

    @Message("When")
    String when();

    @Message("Purpose")
    String purpose();

    @Message("Decision")
    String decision();

    @Message("How")
    String how();

    @Message("View")
    String view();

    @Message("Who is responsible for your data")
    String contact_title();

    @Message("To complain:")
    String complain();

    @Message("Supervisory authority:")
    String authority();

    @Message("Your requests")
    String requests_title();

    @Message("Your requests, newest first")
    String requests_caption();

    @Message("You have not made a request yet.")
    String requests_none();

    @Message("Request")
    String request();

    @Message("Received")
    String received();

    @Message("Answer due by")
    String due();

    @Message("Status")
    String status();

    @Message("Make a request")
    String new_request();

    @Message("What do you ask for?")
    String what_do_you_ask();

    @Message("a copy of all the data the shop and its partners hold about you")
    String help_access();

    @Message("correct data that is wrong (say which and the right value below)")
    String help_correction();

    @Message("delete your data, except what the law requires the shop to keep")
    String help_erasure();

    @Message("stop a use of your data (choose which below)")
    String help_objection();

    @Message("your data in a file you can take to another service")
    String help_portability();

    @Message("For a correction")
    String correction_legend();

    @Message("Which data (e.g. shippingAddress, phone)")
    String field();

    @Message("The right value")
    String new_value();

    @Message("For an objection: which uses")
    String objection_legend();

    @Message("Where you live (sets the law and the deadline)")
    String jurisdiction();

    @Message("Send the request")
    String send_request();

    @Message("Your request")
    String your_request();

    @Message("Your request is received. The shop must answer by the date below.")
    String request_filed();

    @Message("Your request is withdrawn.")
    String request_cancelled();

    @Message("Answered")
    String completed();

    @Message("Paused")
    String paused();

    @Message("the shop is waiting for information from you; the deadline is paused meanwhile")
    String paused_help();

    @Message("Partners told")
    String recipients_told();

    @Message("The shop refused this request")
    String denied_title();

    @Message("Your data")
    String package_title();

    @Message("Every system and partner of the shop answered. Read your data here or download it as a file.")
    String package_intro();

    @Message("Read")
    String package_read();

    @Message("Download (JSON)")
    String package_download();

    @Message("Withdraw this request")
    String cancel_request();

    @Message("Back to your requests")
    String back_to_requests();

    @Message("Signed out")
    String signed_out_title();

    @Message("You have signed out of the privacy center.")
    String signed_out();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Something went wrong")
    String problem_title();

    @Message("This is not possible with your account.")
    String problem_403();

    @Message("Not found.")
    String problem_404();

    @Message("Something in the form is not right.")
    String problem_400();

    @Message("The service cannot be reached right now. Please try again shortly.")
    String problem_503();

    @Message("The shop's service refused this.")
    String problem_other();

    @Message("Please check")
    String field_in_error();

    @Message("Back to your choices")
    String back_to_choices();

    @Message("{told} told, {answered} answered")
    String recipients_count(int told, int answered);
}
