package dev.consentry.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's own words ({@code msg:} in templates): English here, Vietnamese in messages/msg_vi.properties; the
 * browser's Accept-Language chooses (U1).
 */
@MessageBundle("msg")
public interface ConsoleMessages {

    @Message("Consentry privacy console")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Queue")
    String nav_queue();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Enter a request")
    String nav_new_request();

    @Message("Registry")
    String nav_registry();

    @Message("Subjects")
    String nav_subjects();

    @Message("Consent")
    String nav_consent();

    @Message("Evidence")
    String nav_evidence();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Sign out")
    String sign_out();

    @Message("Read only: your role cannot act on requests.")
    String read_only();

    @Message("Sign in")
    String login_title();

    @Message("Officers sign in through the shop's identity provider.")
    String login_intro();

    @Message("Sign in")
    String login_submit();

    @Message("Your session has expired. Please sign in again.")
    String login_expired();

    @Message("You have signed out.")
    String login_signed_out();

    @Message("Open requests")
    String queue_title();

    @Message("No open requests.")
    String queue_empty();

    @Message("Filter")
    String filter();

    @Message("any")
    String filter_any();

    @Message("Request")
    String col_request();

    @Message("Type")
    String col_type();

    @Message("Status")
    String col_status();

    @Message("Jurisdiction")
    String col_jurisdiction();

    @Message("Received")
    String col_received();

    @Message("Acknowledge by")
    String col_acknowledge_by();

    @Message("Shop due date")
    String col_due();

    @Message("Legal due date")
    String col_legal_due();

    @Message("Marks")
    String col_marks();

    @Message("overdue")
    String mark_overdue();

    @Message("legally overdue")
    String mark_legally_overdue();

    @Message("due soon")
    String mark_due_soon();

    @Message("partner late")
    String mark_partner_late();

    @Message("paused")
    String mark_paused();

    @Message("Open")
    String count_open();

    @Message("Overdue")
    String count_overdue();

    @Message("Due soon")
    String count_due_soon();

    @Message("Partner answers late")
    String count_partner_late();

    @Message("Next page")
    String next_page();

    @Message("Previous page")
    String previous_page();

    @Message("Request")
    String request_title();

    @Message("Subject")
    String subject();

    @Message("no longer named (erased)")
    String subject_erased();

    @Message("Data categories")
    String fields();

    @Message("Entered")
    String entered_at();

    @Message("Why entered late")
    String late_entry_reason();

    @Message("Identity")
    String verification();

    @Message("verified by")
    String verified_by();

    @Message("awaiting")
    String awaiting();

    @Message("code expires")
    String code_expires();

    @Message("attempts left")
    String attempts_left();

    @Message("Extension")
    String extension();

    @Message("Denial")
    String denial();

    @Message("How to complain")
    String how_to_complain();

    @Message("Partner notices")
    String notices();

    @Message("No partner was notified.")
    String no_notices();

    @Message("Recipient")
    String col_recipient();

    @Message("Notice")
    String col_kind();

    @Message("Sent")
    String col_sent();

    @Message("Reply by")
    String col_reply_by();

    @Message("Answer")
    String col_answer();

    @Message("no answer yet")
    String no_answer();

    @Message("Restriction in force")
    String restrictions();

    @Message("No restriction in force for this request.")
    String no_restrictions();

    @Message("Timeline (audit trail)")
    String timeline();

    @Message("The timeline is not available to your role or for this subject.")
    String timeline_unavailable();

    @Message("When")
    String col_when();

    @Message("Event")
    String col_event();

    @Message("Source")
    String col_source();

    @Message("Actions")
    String actions();

    @Message("Extend the deadline")
    String action_extend();

    @Message("Once, with a reason the subject is told, before the original due date and within what the law allows.")
    String action_extend_rule();

    @Message("Length")
    String length();

    @Message("Unit")
    String unit();

    @Message("Reason")
    String reason();

    @Message("Explanation for the subject (optional)")
    String explanation();

    @Message("Pause the clock")
    String action_pause();

    @Message("While waiting for the subject; the due dates move later by the time paused.")
    String action_pause_rule();

    @Message("Resume the clock")
    String action_resume();

    @Message("Deny the request")
    String action_deny();

    @Message("With a reason from the legal vocabulary; the subject is told how to complain.")
    String action_deny_rule();

    @Message("Cancel the request")
    String action_cancel();

    @Message("Only before any partner was notified.")
    String action_cancel_rule();

    @Message("Lift the restriction")
    String action_lift();

    @Message("Send a new one-time code")
    String action_send_code();

    @Message("Enter the one-time code")
    String action_enter_code();

    @Message("The code went to the contact the shop registered; the subject reads it to you.")
    String action_code_rule();

    @Message("Code")
    String code();

    @Message("Record the identity proof")
    String action_proof();

    @Message("How the subject proved who they are")
    String proof_method();

    @Message("Reference of the proof")
    String proof_reference();

    @Message("Submit")
    String submit();

    @Message("Access package")
    String access_package();

    @Message("Download the access package (JSON)")
    String download_package();

    @Message("Refused")
    String refused();

    @Message("The deadline was extended.")
    String done_extended();

    @Message("The clock is paused.")
    String done_paused();

    @Message("The clock runs again.")
    String done_resumed();

    @Message("The request was denied.")
    String done_denied();

    @Message("The request was cancelled.")
    String done_cancelled();

    @Message("The restriction was lifted.")
    String done_lifted();

    @Message("A new code was sent.")
    String done_code_sent();

    @Message("The subject's identity is verified.")
    String done_verified();

    @Message("The request was entered.")
    String done_entered();

    @Message("Enter a request received by letter, phone or e-mail")
    String new_request_title();

    @Message("The legal clock runs from the day the request reached the shop. If that deadline has passed already, say why it is entered only now.")
    String new_request_intro();

    @Message("Customer id")
    String subject_id();

    @Message("Received on")
    String received_on();

    @Message("Categories (comma-separated; erasure, restriction, access, portability)")
    String categories();

    @Message("Purposes (comma-separated; objection, consent withdrawal)")
    String purposes();

    @Message("Correction")
    String correction();

    @Message("Field")
    String correction_field();

    @Message("Value believed wrong")
    String correction_old();

    @Message("Corrected value")
    String correction_new();

    @Message("Enter the request")
    String enter_request();

    @Message("Dashboard")
    String dashboard_title();

    @Message("Requests due per day, next 30 days")
    String due_per_day();

    @Message("Bar chart; the same numbers are in the table below.")
    String chart_summary();

    @Message("Median partner answer time (90 days)")
    String median_answer();

    @Message("hours")
    String hours();

    @Message("no answers yet")
    String no_answers();

    @Message("Day")
    String col_day();

    @Message("Requests due")
    String col_count();

    @Message("Registry")
    String registry_title();

    @Message("Recipients and systems")
    String recipients();

    @Message("Name")
    String col_name();

    @Message("Categories")
    String col_categories();

    @Message("Answers within (days)")
    String col_reply_within();

    @Message("Legal holds")
    String legal_holds();

    @Message("Kept for")
    String col_retain();

    @Message("No legal holds.")
    String no_holds();

    @Message("A subject")
    String subjects_title();

    @Message("Look up")
    String look_up();

    @Message("As of")
    String as_of();

    @Message("Disclosures (ledger)")
    String disclosures();

    @Message("No disclosure recorded.")
    String no_disclosures();

    @Message("Basis")
    String col_basis();

    @Message("Disclosed")
    String col_disclosed();

    @Message("Consent state")
    String consent_state();

    @Message("Consent history")
    String consent_history();

    @Message("No consent recorded.")
    String no_consents();

    @Message("Purpose")
    String col_purpose();

    @Message("Decision")
    String col_decision();

    @Message("Method")
    String col_method();

    @Message("Notice")
    String col_notice();

    @Message("Receipt")
    String receipt();

    @Message("Consent")
    String consent_title();

    @Message("Purposes catalogue")
    String purposes_catalogue();

    @Message("Legal basis")
    String col_legal_basis();

    @Message("Optional")
    String col_optional();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Notice versions")
    String notice_versions();

    @Message("Version")
    String col_version();

    @Message("Language")
    String col_language();

    @Message("Takes effect")
    String col_effective();

    @Message("Consents to renew")
    String col_renewals();

    @Message("Schedule a new notice version")
    String schedule_notice();

    @Message("It takes effect no sooner than the shop's notice period.")
    String schedule_rule();

    @Message("Takes effect on")
    String effective_on();

    @Message("What changed")
    String what_changed();

    @Message("The notice version was scheduled.")
    String done_scheduled();

    @Message("Evidence")
    String evidence_title();

    @Message("Audit log verification")
    String log_verification();

    @Message("The log verifies: every entry matches the tree.")
    String log_valid();

    @Message("The log does not verify.")
    String log_invalid();

    @Message("Entries")
    String log_size();

    @Message("Root hash")
    String root_hash();

    @Message("Checkpoints checked")
    String checkpoints_checked();

    @Message("Latest signed checkpoint")
    String latest_checkpoint();

    @Message("No checkpoint signed yet.")
    String no_checkpoint();

    @Message("Export a subject's evidence bundle")
    String export_bundle();

    @Message("Signed by audit-service; it verifies offline with the published key.")
    String export_rule();

    @Message("Export")
    String export();

    @Message("Something was refused")
    String problem_title();

    @Message("Your role may not do this.")
    String problem_403();

    @Message("Not found, or not yours to see.")
    String problem_404();

    @Message("Please check what you entered.")
    String problem_400();

    @Message("A Consentry service cannot be reached. Try again shortly.")
    String problem_503();

    @Message("The service refused the action.")
    String problem_other();

    @Message("This account is not a privacy officer's or auditor's of the shop: the console is for them. Customers find their privacy choices in the privacy center.")
    String problem_not_an_officer();

    @Message("Back to the queue")
    String back_to_queue();

    @Message("Field")
    String field_in_error();
}
