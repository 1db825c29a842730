//! The printable sheet of one-time codes (votes and surveys share it).

use super::*;

#[component]
pub(super) fn CodeSheetView(page: CodeSheet) -> impl IntoView {
    let i18n = use_i18n();
    let CodeSheet {
        council_slug,
        vote,
        codes,
        ballot_link,
        ..
    } = page;
    code_sheet(
        i18n,
        CodeSheetTexts {
            title: "vote-codes-title",
            once: "vote-codes-once",
            gone: "vote-codes-gone",
        },
        vote.title.clone(),
        format!("/{council_slug}/votes/{}", vote.id),
        codes,
        ballot_link,
    )
}

/// The Fluent ids of a code sheet's texts.
pub(crate) struct CodeSheetTexts {
    pub title: &'static str,
    pub once: &'static str,
    pub gone: &'static str,
}

/// A printable sheet of one-time codes (votes, surveys): one card per code with what it
/// is for and where to use it; shown once (empty when the page is reloaded).
pub(crate) fn code_sheet(
    i18n: I18n,
    texts: CodeSheetTexts,
    what: String,
    back: String,
    codes: Vec<String>,
    link: String,
) -> AnyView {
    let body = if codes.is_empty() {
        view! { <p class="lead">{i18n.t(texts.gone)}</p> }.into_any()
    } else {
        let cards = codes
            .into_iter()
            .map(|code| {
                view! {
                    <li class="code-card">
                        <span lang="fr">{what.clone()}</span>
                        <strong class="code">{code}</strong>
                        <span>{link.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="no-print">{i18n.t(texts.once)}</p>
            <ul class="code-sheet">{cards}</ul>
        }
        .into_any()
    };
    view! {
        <PageHeader
            tab=i18n.text(texts.title)
            crumbs=vec![Crumb::new(back, Label::Council(what.clone()))]
            heading=Label::Interface(i18n.text(texts.title))
            screen_only=true
        />
        {body}
    }
    .into_any()
}
