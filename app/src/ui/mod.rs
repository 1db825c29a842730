//! Everything the user sees: the shell, the router, pages and components.

mod components;
pub mod i18n;
mod pages;
pub mod prefs;

use components::Layout;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The site's stylesheet (`style/main.css`), written into every page's head; room screens
/// (`domain::is_room_screen`) get `style/room.css` after it, which no other page carries.
/// The browser never draws a page itself, so its build carries none.
#[cfg(feature = "ssr")]
const STYLE: &str = include_str!("../../../style/main.css");
#[cfg(feature = "ssr")]
const ROOM_STYLE: &str = concat!(
    include_str!("../../../style/main.css"),
    include_str!("../../../style/room.css")
);
#[cfg(not(feature = "ssr"))]
const STYLE: &str = "";

/// The stylesheet of the page being served.
#[cfg(feature = "ssr")]
fn page_style() -> &'static str {
    let room = use_context::<http::request::Parts>()
        .is_some_and(|request| crate::domain::is_room_screen(request.uri.path()));
    if room { ROOM_STYLE } else { STYLE }
}
#[cfg(not(feature = "ssr"))]
fn page_style() -> &'static str {
    STYLE
}

/// Starts the islands once the page is on screen: after the load event, when the browser
/// reports the first contentful paint (two frames later where it cannot say; in any case
/// within 3 s, for a page loaded in a background tab).
const START_ISLANDS: &str = "addEventListener('load', () => { let started = false; \
    const start = () => { if (started) return; started = true; document.head.append(\
    document.getElementById('islands').content.cloneNode(true)); }; \
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) { \
    new PerformanceObserver((list) => { \
    if (list.getEntriesByName('first-contentful-paint').length) start(); \
    }).observe({ type: 'paint', buffered: true }); \
    } else { requestAnimationFrame(() => requestAnimationFrame(start)); } \
    setTimeout(start, 3000); });";

/// The HTML document around the app. `lang` and the preference classes are written here by
/// the server, so that the very first paint already has the right language and display.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let prefs = prefs::initial_preferences();
    view! {
        <!DOCTYPE html>
        <html lang=prefs.lang.code() class=prefs.html_classes()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                // The stylesheet is in the page, not a file to fetch: on a slow phone link
                // every request costs a round trip before anything shows (docs/PERFORMANCE.md).
                <style nonce=leptos::nonce::use_nonce() inner_html=page_style()></style>
                // A favicon of our own, 235 B: every first visit fetches it.
                <link rel="icon" type="image/svg+xml" href="/icons/agora.svg"/>
                <AutoReload options=options.clone()/>
                // The islands' scripts (and Leptos's hints to fetch their wasm early) wait
                // in an inert template until the page has been drawn: every page reads and
                // its forms work without them, and on a slow phone link the 180-KiB wasm
                // would otherwise share the line with the page's first paint
                // (docs/PERFORMANCE.md). Copies of a template's scripts run, with the nonce.
                <template id="islands">
                    <HydrationScripts options islands=true/>
                </template>
                <script nonce=leptos::nonce::use_nonce() inner_html=START_ISLANDS></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let prefs = RwSignal::new(prefs::initial_preferences());
    provide_context(prefs);
    // Titles are plain strings computed here: leptos_meta renders them after the request's
    // reactive arena is gone, so reading a signal there panics (found by render-bench).
    let site = i18n::use_i18n().text("site-name");

    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { site.clone() } else { format!("{page} · {site}") }
        }/>
        <Router>
            <Layout>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::CouncilIndex ssr=SsrMode::Async/>
                    <Route path=path!("/a-propos") view=pages::About/>
                    <Route path=path!("/accessibilite") view=pages::AccessibilityStatement/>
                    <Route path=path!("/connexion") view=pages::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/compte") view=pages::AccountPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/exploitation")
                        view=pages::HostingRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/invitation/:token")
                        view=pages::SignUpPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/rejoindre") view=pages::JoinRoute ssr=SsrMode::Async/>
                    <Route path=path!("/:slug") view=pages::CouncilPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/:slug/equipe")
                        view=pages::TeamPageRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/reglages")
                        view=pages::SettingsRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/diagnostic")
                        view=pages::DiagnosisEditorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/diagnostic/nouveau")
                        view=pages::NewFindingRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/diagnostic/constat/:id")
                        view=pages::EditFindingRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/feuille-de-route")
                        view=pages::RoadmapRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/feuille-de-route/nouvelle")
                        view=pages::NewActionRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/feuille-de-route/action/:id")
                        view=pages::ActionRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/feuille-de-route/action/:id/modifier")
                        view=pages::EditActionRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/instances")
                        view=pages::BodiesRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/instances/nouvelle")
                        view=pages::NewBodyRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/instances/:id")
                        view=pages::BodyRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/instances/:id/modifier")
                        view=pages::EditBodyRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/membres")
                        view=pages::MemberEntryRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/membres/lien/:token")
                        view=pages::MemberLinkRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/agenda")
                        view=pages::CalendarRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/bilan")
                        view=pages::ReportNowRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/bilan/:year")
                        view=pages::ReportRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/bilan/:year/modifier")
                        view=pages::ReportEditRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/ressources")
                        view=pages::ResourcesRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/ressources/nouvelle")
                        view=pages::NewResourceRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/ressources/fiche/:id")
                        view=pages::EditResourceRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/journal")
                        view=pages::AuditLogRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees")
                        view=pages::AssembliesRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id")
                        view=pages::AssemblyRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/direct")
                        view=pages::LiveRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/animation")
                        view=pages::ConsoleRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/projection")
                        view=pages::ProjectorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/presence")
                        view=pages::AttendanceRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/preparer")
                        view=pages::AssemblyEditorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/compte-rendu")
                        view=pages::MinutesRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/assemblees/:id/compte-rendu/modifier")
                        view=pages::MinutesEditorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires")
                        view=pages::SurveysRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires/:id")
                        view=pages::SurveyRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires/:id/modifier")
                        view=pages::SurveyEditorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires/:id/codes")
                        view=pages::SurveyCodeSheetRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires/:id/resultats")
                        view=pages::SurveyResultsRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/questionnaires/:id/resultats/facile")
                        view=pages::SurveySummaryRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/temoignages")
                        view=pages::TestimoniesRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/temoignages/ecran")
                        view=pages::TestimonyScreenRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/temoignages/nouveau")
                        view=pages::TestimonyFormRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/temoignages/suivi")
                        view=pages::TestimonyLinkRoute
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/:slug/votes") view=pages::VotesRoute ssr=SsrMode::Async/>
                    <Route
                        path=path!("/:slug/votes/:id")
                        view=pages::VoteRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/votes/:id/resultats")
                        view=pages::VoteResultsRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/votes/:id/suites")
                        view=pages::VoteOutcomeRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/votes/:id/projection")
                        view=pages::VoteProjectorRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/votes/:id/codes")
                        view=pages::CodeSheetRoute
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:slug/constats/:id")
                        view=pages::FindingDetail
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    /// A council named like a page of the app would never be reached (routes are matched
    /// in order), so every first segment of a fixed route must be a reserved slug.
    #[test]
    fn no_council_can_take_the_name_of_a_page() {
        let source = include_str!("mod.rs");
        let segments: Vec<&str> = source
            .match_indices("path!(\"/")
            .filter_map(|(at, marker)| {
                let rest = &source[at + marker.len()..];
                let end = rest.find(['/', '"'])?;
                Some(&rest[..end])
            })
            .filter(|segment| !segment.is_empty() && !segment.starts_with(':'))
            .collect();
        assert!(segments.contains(&"rejoindre"), "{segments:?}");
        for segment in segments {
            assert!(
                crate::domain::CouncilSlug::parse(segment).is_err(),
                "/{segment} is a page: reserve it"
            );
        }
    }
}
