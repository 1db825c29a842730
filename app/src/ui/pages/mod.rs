//! One module per screen.

mod about;
mod accessibility;
mod assemblies;
mod attendance;
mod bodies;
mod console;
mod council;
mod diagnosis;
mod finding;
mod hosting;
mod index;
mod live;
pub(crate) mod minutes;
mod not_found;
mod polls;
mod programme;
mod report;
mod resources;
mod room_slide;
mod settings;
mod staff;
mod survey_editor;
mod surveys;
mod team;
mod testimonies;
mod votes;

pub use about::About;
pub use accessibility::AccessibilityStatement;
pub use assemblies::{AssembliesRoute, AssemblyEditorRoute, AssemblyRoute, JoinRoute};
pub use attendance::AttendanceRoute;
pub use bodies::{
    BodiesRoute, BodyRoute, CalendarRoute, EditBodyRoute, MemberEntryRoute, MemberLinkRoute,
    NewBodyRoute,
};
pub use console::{ConsoleRoute, ProjectorRoute};
pub use council::CouncilPage;
pub use diagnosis::{DiagnosisEditorRoute, EditFindingRoute, NewFindingRoute};
pub use finding::FindingDetail;
pub use hosting::HostingRoute;
pub use index::CouncilIndex;
pub use live::LiveRoute;
pub use minutes::{MinutesEditorRoute, MinutesRoute};
pub use not_found::NotFound;
pub use programme::{ActionRoute, EditActionRoute, NewActionRoute, RoadmapRoute};
pub use report::{ReportEditRoute, ReportNowRoute, ReportRoute};
pub use resources::{EditResourceRoute, NewResourceRoute, ResourcesRoute};
#[cfg(feature = "ssr")]
pub(crate) use room_slide::drawn;
pub(crate) use room_slide::slide_view;
pub use settings::SettingsRoute;
pub use staff::{AccountPage, SignInPage, SignUpPage};
pub use survey_editor::{SurveyCodeSheetRoute, SurveyEditorRoute, SurveysRoute};
pub use surveys::{SurveyResultsRoute, SurveyRoute, SurveySummaryRoute};
pub use team::{AuditLogRoute, TeamPageRoute};
pub use testimonies::{
    TestimoniesRoute, TestimonyFormRoute, TestimonyLinkRoute, TestimonyScreenRoute,
};
pub use votes::{
    CodeSheetRoute, VoteOutcomeRoute, VoteProjectorRoute, VoteResultsRoute, VoteRoute, VotesRoute,
};

use crate::api::AppError;
use crate::ui::components::ErrorNotice;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The body of a page whose data comes from a server function. Such pages are rendered whole
/// before the response starts (`SsrMode::Async`), so "not found" becomes the 404 page with its
/// status, and any other error a translated notice.
fn loaded<T>(
    data: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => render(value),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(AppError::SignInNeeded) => {
                        view! {
                            <ErrorNotice error=AppError::SignInNeeded/>
                            <p>
                                <a href="/connexion">{i18n.t("sign-in-title")}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The `slug` and `id` of a page's address, for the resources of pages about one thing of
/// a council (a vote, a survey, a testimony).
pub(super) fn slug_and_id() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("id").unwrap_or_default(),
        )
    }
}
