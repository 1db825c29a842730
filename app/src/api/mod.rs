//! Server functions: read input, validate it through `domain`, call `store`, map the result.

mod assemblies;
mod attendance;
mod bodies;
mod console;
mod councils;
mod diagnosis;
mod documents;
#[cfg(feature = "ssr")]
pub(crate) mod edge;
mod error;
mod floor_record;
pub(crate) mod forms;
mod hosting;
mod live;
mod minutes;
#[cfg(feature = "ssr")]
pub(crate) mod multipart;
mod polls;
mod preferences;
mod programme;
mod readability;
#[cfg(feature = "ssr")]
mod refusals;
mod report;
#[cfg(feature = "ssr")]
mod request;
#[cfg(feature = "ssr")]
pub(crate) use request::db as request_db;
mod resources;
mod settings;
mod sheet;
mod staff;
mod step_up;
mod surveys;
mod team;
mod testimonies;
mod votes;

pub use assemblies::{
    AddAgendaItem, ArrangeAgendaItem, AssembliesPage, AssemblyEditor, AssemblyPage,
    ChangeLiveState, CreateAssembly, FindJoinCode, LoadAssemblies, LoadAssembly,
    LoadAssemblyEditor, PublishAssembly, UpdateAgendaItem, UpdateAssembly, add_agenda_item,
    arrange_agenda_item, change_live_state, create_assembly, find_join_code, load_assemblies,
    load_assembly, load_assembly_editor, publish_assembly, update_agenda_item, update_assembly,
};
pub use attendance::*;
pub use bodies::*;
pub use console::{
    ConsoleAction, ConsolePage, LoadConsole, LoadProjector, ProjectorPage, Slide, console_action,
    load_console, load_projector,
};
pub use councils::{
    CouncilHome, FindingPage, ListCouncils, LoadCouncilHome, LoadFindingPage, list_councils,
    load_council_home, load_finding_page,
};
pub use diagnosis::*;
pub use documents::*;
pub use error::AppError;
pub use floor_record::{
    AssemblyQuestionsCsv, AssemblyQuestionsJson, FloorRecord, RecordedPoll, RecordedQuestion,
    assembly_questions_csv, assembly_questions_json,
};
#[cfg(feature = "ssr")]
pub use forms::page_flash_of;
pub use forms::{FormEcho, PageFlash};
pub use hosting::*;
pub use live::{
    AskQuestion, LivePage, LoadLivePage, SupportQuestion, ask_question, load_live_page,
    support_question,
};
pub use minutes::*;
#[cfg(feature = "ssr")]
pub(crate) use polls::server as poll_server;
pub use polls::{
    AnswerPoll, CreatePoll, PollAction, PollView, answer_poll, create_poll, poll_action,
};
pub use preferences::{SavePreferences, save_preferences};
pub use programme::*;
pub use readability::{MEASURED_MAX, MeasureReadability, measure_readability};
pub use report::*;
pub use resources::*;
pub use settings::{
    AddCollege, ChangeCollege, LoadSettings, SaveCouncilProfile, SaveLocalHelp, SaveSettings,
    SettingsPage, add_college, change_college, load_settings, save_council_profile,
    save_local_help, save_settings,
};
#[cfg(feature = "ssr")]
pub use staff::StaffSetup;
pub use staff::{
    AccountView, LoadAccount, PasskeyView, RevokePasskey, SignOutEverywhere, load_account,
    revoke_passkey, sign_out_everywhere,
};
pub use staff::{
    CurrentStaff, FinishSignIn, FinishSignUp, InvitationView, LoadInvitation, SignInChallenge,
    SignOut, SignUpChallenge, StaffRoleView, StaffView, StartSignIn, StartSignUp, current_staff,
    finish_sign_in, finish_sign_up, load_invitation, sign_out, start_sign_in, start_sign_up,
};
pub use staff::{FinishAddPasskey, StartAddPasskey, finish_add_passkey, start_add_passkey};
pub use staff::{
    LoadSignInNotice, SignInWithRecoveryCode, SignedUp, load_sign_in_notice,
    sign_in_with_recovery_code,
};
pub use staff::{RenewRecoveryCodes, renew_recovery_codes};
pub use step_up::{
    FinishStepUp, STEP_UP_NEEDED, StartStepUp, StepUpWithRecoveryCode, finish_step_up,
    start_step_up, step_up_with_recovery_code,
};
pub use surveys::{
    AddSurveyQuestion, CreateSurvey, IssueSurveyCodes, LoadSurvey, LoadSurveyCodeSheet,
    LoadSurveyEditor, LoadSurveyResults, LoadSurveys, READABILITY_FIELD, ReviewSurveyText,
    RunSurvey, SubmitSurvey, SurveyCodeSheet, SurveyEditorPage, SurveyPage, SurveyResultsPage,
    SurveysPage, add_survey_question, create_survey, issue_survey_codes, load_survey,
    load_survey_code_sheet, load_survey_editor, load_survey_results, load_surveys,
    review_survey_text, run_survey, submit_survey,
};
pub use team::{
    AuditLine, AuditLogPage, CancelInvitation, ChangeStaff, InviteStaff, LoadAuditLog,
    LoadTeamPage, PendingView, TeamMember, TeamOutcome, TeamPage, cancel_invitation, change_staff,
    invite_staff, load_audit_log, load_team_page,
};
#[cfg(feature = "ssr")]
pub use testimonies::private_link_token;
pub use testimonies::{
    ActOnTestimony, LoadTestimonies, LoadTestimonyForm, LoadTestimonyLink, ModerateTestimony,
    PostTestimony, REDACTED_FIELD, TestimoniesPage, TestimoniesReportCsv, TestimonyFormPage,
    TestimonyLinkPage, act_on_testimony, load_testimonies, load_testimony_form,
    load_testimony_link, moderate_testimony, post_testimony, testimonies_report_csv,
};
pub use testimonies::{
    DeleteTestimony, LoadTestimonyScreen, ShowTestimony, TestimonyAudio, TestimonyScreenPage,
    delete_testimony, load_testimony_screen, show_testimony, testimony_audio,
};
pub use votes::{
    AdoptPriority, BallotProgress, BallotStep, CastBallot, CodeSheet, CreateVote, ExportVote,
    IssueBallotCodes, LoadCodeSheet, LoadVote, LoadVoteOutcome, LoadVoteResults, LoadVotes,
    OutcomePage, PriorityAction, ResultsPage, RunVote, VotePage, VotesPage, adopt_priority,
    ballot_step, cast_ballot, create_vote, export_vote, issue_ballot_codes, load_code_sheet,
    load_vote, load_vote_outcome, load_vote_results, load_votes, priority_action, run_vote,
};
