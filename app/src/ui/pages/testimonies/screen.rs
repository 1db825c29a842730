//! The testimony shown on the room's screen.

use super::*;

/// `/{slug}/temoignages/ecran`: the testimony a facilitator chose, in large text, for the
/// projector of a plenary; it reloads itself every 10 seconds (`ScreenRefresh`), so a new
/// choice, a consent taken back or a withdrawal shows without anyone touching it.
#[component]
pub fn TestimonyScreenRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimony_screen,
    );
    loaded(page, |page| {
        view! { <TestimonyScreenView page/> }.into_any()
    })
}

#[component]
pub(super) fn TestimonyScreenView(page: TestimonyScreenPage) -> impl IntoView {
    let i18n = use_i18n();
    let TestimonyScreenPage {
        council_name,
        colleges,
        testimony,
    } = page;
    let body = match testimony {
        Some(t) => testimony_article(i18n, &t, &colleges).into_any(),
        None => view! { <p class="lead">{i18n.t("testimony-screen-empty")}</p> }.into_any(),
    };
    view! {
        <Title text=i18n.text("testimony-screen-title")/>
        <ScreenRefresh seconds=10/>
        <div class="projector">
            <h1>
                {i18n.t("testimony-wall-title")} " — " <span lang="fr">{council_name}</span>
            </h1>
            {body}
        </div>
    }
}

/// A testimony as a screen shows it: who told it (as far as they said), its warning, its
/// parts. The testimony screen and the plenary's screen show it alike.
pub(crate) fn testimony_article(
    i18n: I18n,
    t: &crate::domain::testimony::Testimony,
    colleges: &[crate::domain::College],
) -> impl IntoView + use<> {
    view! {
        <article class="testimony">
            <p class="byline">{byline(i18n, t, colleges)}</p>
            {t.content_warning.clone().map(|warning| view! {
                <p class="notice">{i18n.t("testimony-warning")} " " <span lang="fr">{warning}</span></p>
            })}
            {story_view(i18n, &t.story)}
        </article>
    }
}
