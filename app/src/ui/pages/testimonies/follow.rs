//! The author's private page: where their testimony stands, what a moderator asked, and
//! the edit, withdraw and delete buttons.

use super::*;

/// `/{slug}/temoignages/suivi`: the testimony whose private link this browser opened (the
/// server keeps its token in a cookie; see `domain::Cookie::TestimonyLink`).
#[component]
pub fn TestimonyLinkRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimony_link,
    );
    loaded(page, |page| view! { <TestimonyLinkView page/> }.into_any())
}

pub(super) fn review_label(review: Review) -> &'static str {
    match review {
        Review::Pending => "testimony-review-pending",
        Review::ChangesAsked => "testimony-review-changes-asked",
        Review::Approved => "testimony-review-approved",
        Review::Rejected => "testimony-review-rejected",
    }
}

#[component]
pub(super) fn TestimonyLinkView(page: TestimonyLinkPage) -> impl IntoView {
    let i18n = use_i18n();
    let TestimonyLinkPage {
        council_slug,
        council_name,
        link,
        testimony,
        distress,
        local_help,
        flash,
    } = page;
    let just_posted = flash.notice.as_deref() == Some("saved-testimony-posted");
    let action = ActOnTestimony::url();
    let hidden = {
        let slug = council_slug.clone();
        move || view! { <input type="hidden" name="slug" value=slug.clone()/> }
    };
    let keep = just_posted.then(|| {
        view! {
            <section class="card receipt" aria-labelledby="keep-title">
                <h2 id="keep-title">
                    <Picto name="done"/>
                    {i18n.t("testimony-posted-title")}
                </h2>
                <p>{i18n.t("testimony-posted-keep")}</p>
                <p class="private-link">
                    <code>{link.clone()}</code>
                </p>
                <p>{i18n.t("testimony-posted-once")}</p>
            </section>
        }
    });
    let note = testimony.moderator_note.clone().map(|text| {
        view! {
            <div class="notice">
                <p>{i18n.t("testimony-note-from-team")}</p>
                <p lang="fr">{text}</p>
            </div>
        }
    });
    let edit = (testimony.review == Review::ChangesAsked).then(|| {
        // The current text, unless a refused edit gave back what was typed.
        let mut echo = flash.clone();
        if echo.refusal("author").is_none() {
            echo.refused = Some(crate::api::FormEcho::new(
                "author",
                None,
                "",
                &[
                    ("happened", &testimony.story.happened),
                    ("helped", &testimony.story.helped),
                    ("change", &testimony.story.change),
                ],
            ));
        }
        view! {
            <section class="card" aria-labelledby="edit-title">
                <h2 id="edit-title">{i18n.t("testimony-edit-title")}</h2>
                <form method="post" action=action class="stacked-form">
                    {hidden()}
                    <input type="hidden" name="action" value="edit"/>
                    {story_fields(&echo, "author", "edit")}
                    <button type="submit" class="button">{i18n.t("testimony-edit-send")}</button>
                </form>
            </section>
        }
    });
    view! {
        {distress.then(|| help_panel(i18n, true, &local_help))}
        <PageHeader
            tab=i18n.text("testimony-link-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            heading=Label::Interface(i18n.text("testimony-link-title"))
        />
        {(!just_posted).then(|| notice(i18n, &flash))}
        {form_refusal(i18n, &flash, "author")}
        {keep}
        <p class="tag">{i18n.t(review_label(testimony.review))}</p>
        {note}
        {testimony.audio.is_some().then(|| view! { <p class="notice">{i18n.t("testimony-audio-received")}</p> })}
        {(testimony.review == Review::Rejected)
            .then(|| view! { <p class="notice">{i18n.t("testimony-rejected-erased")}</p> })}
        {story_view(i18n, &testimony.story)}
        {edit}
        <section class="card" aria-labelledby="consent-title">
            <h2 id="consent-title">{i18n.t("testimony-consent-title")}</h2>
            <form method="post" action=action class="stacked-form">
                {hidden()}
                <input type="hidden" name="action" value="consent"/>
                {consent_boxes(i18n, testimony.consent)}
                <button type="submit" class="button button-quiet">
                    {i18n.t("testimony-consent-save")}
                </button>
            </form>
        </section>
        <section class="card" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{i18n.t("testimony-withdraw-title")}</h2>
            <p>{i18n.t("testimony-withdraw-how")}</p>
            <form method="post" action=action class="stacked-form">
                {hidden()}
                <input type="hidden" name="action" value="withdraw"/>
                <button type="submit" class="button button-danger">
                    {i18n.t("testimony-withdraw")}
                </button>
            </form>
        </section>
        {(!distress).then(|| help_panel(i18n, false, &local_help))}
    }
}
