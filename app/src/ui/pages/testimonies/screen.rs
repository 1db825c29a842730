//! The testimony shown on the room's screen.

use super::*;

/// `/{slug}/temoignages/ecran`: the testimony a facilitator chose, in large text, for the
/// projector of a plenary; it follows the choice in place (`FollowedScreen`), so a new
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
    let council_name = page.council_name.clone();
    let url = format!("/api/testimony_screen_body?slug={}", page.council_slug);
    let markup = screen_body(i18n, page).to_html();
    view! {
        <Title text=i18n.text("testimony-screen-title")/>
        <div class="projector">
            <h1>
                {i18n.t("testimony-wall-title")} " — " <span lang="fr">{council_name}</span>
            </h1>
            <FollowedScreen url markup/>
        </div>
    }
}

/// What the testimony screen shows under its title: the chosen testimony, or that there is
/// none.
fn screen_body(i18n: I18n, page: TestimonyScreenPage) -> AnyView {
    match page.testimony {
        Some(t) => testimony_article(i18n, &t, &page.colleges).into_any(),
        None => view! { <p class="lead">{i18n.t("testimony-screen-empty")}</p> }.into_any(),
    }
}

/// The testimony screen's body as markup, for the screen's island to follow the choice.
#[server(endpoint = "testimony_screen_body", input = leptos::server_fn::codec::GetUrl)]
pub async fn testimony_screen_body(slug: String) -> Result<String, crate::api::AppError> {
    let page = load_testimony_screen(slug).await?;
    Ok(crate::ui::pages::drawn(|i18n| {
        screen_body(i18n, page).to_html()
    }))
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
