//! Pure rules of Agora: no IO, no Leptos, no database. Compiles to wasm and native.

pub mod action;
mod assembly;
pub mod attendance;
pub mod audio;
pub mod body;
mod college;
mod cookies;
mod council;
pub mod document;
mod finding;
mod floor;
pub mod minutes;
mod navigation;
mod objective;
mod participant;
pub mod poll;
mod preferences;
pub mod priority;
pub mod readability;
pub mod recount;
pub mod report;
mod resource;
mod screen;
mod slug;
pub mod spreadsheet;
mod staff;
pub mod survey;
pub mod tally;
pub mod testimony;
pub mod vote;

pub use assembly::{
    AgendaItem, AgendaItemFields, Assembly, AssemblyFields, FieldError, JOIN_ALPHABET,
    JOIN_CODE_LENGTH, JoinCode, LONG_TEXT_MAX, LiveState, LocalMoment, PLACE_MAX, TITLE_MAX,
    is_local_date_time,
};
pub use college::{
    COLLEGE_LABEL_MAX, College, CollegeKey, DEFAULT_COLLEGES, clean_college_label, new_college_key,
    offered as offered_colleges,
};
pub use cookies::{Cookie, CookiePolicy, cookie_value};
pub use council::{
    COUNCIL_NAME_MAX, Council, CouncilProfile, CouncilSummary, DESCRIPTION_MAX, FirstSteps,
    LOCAL_HELP_LINE_MAX, LOCAL_HELP_LINES, MIN_GROUP_DEFAULT, MIN_GROUP_HIGHEST, MIN_GROUP_LOWEST,
    TERRITORY_MAX, Wording, clean_council_text, parse_local_help, parse_min_group_size,
};
pub use finding::{
    EvidenceQuestion, Finding, FindingFields, IMPORT_BYTES_MAX, IMPORT_ROWS_MAX, LineError,
    SOURCE_MAX, SOURCE_YEARS, SourceKind, TypedFinding, read_finding_rows,
};
pub use floor::{
    ANSWER_EASY_MAX, ANSWER_MAX, FIRST_NAME_MAX, Moderation, Orderable, QUESTION_MAX, QUESTION_MIN,
    QuestionFields, QuestionOrder, QuestionStatus, REASON_MAX, check_answer, check_edit,
    check_reason, moderate, order,
};
pub use navigation::{is_room_screen, safe_return_path};
pub use objective::{
    CouncilObjective, OBJECTIVE_LABEL_MAX, ObjectiveKey, ObjectivePreset, PICTOGRAMS,
    clean_objective_label, new_objective_key, pictogram,
};
pub use participant::ParticipantId;
pub use preferences::{Contrast, Lang, Preferences, TextSize};
pub use resource::{
    LocalResource, RESOURCE_LINE_MAX, RESOURCE_NAME_MAX, RESOURCE_PHONE_MAX, RESOURCES_MAX,
    ResourceFields, ResourceKind,
};
pub use screen::{Screen, ScreenKind};
pub use slug::{CouncilSlug, SlugError};
pub use staff::{
    Access, CEREMONY_MINUTES, INVITATION_HOURS, InvitationStatus, Permission, RECOVERY_ALPHABET,
    RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH, Role, SESSION_HOURS, STEP_UP_MINUTES, audit_detail,
    audit_facts, clean_display_name, normalize_recovery_code, recovery_code_from,
    verified_recently,
};
