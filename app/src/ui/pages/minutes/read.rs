//! `/{slug}/assemblees/{id}/compte-rendu`: a meeting's minutes, in the reader's mode (the
//! easy-read version first in easy-read mode, the full text a click away; and the other way
//! round), with the meeting's documents.

use super::*;
use crate::api::{MinutesPage, load_minutes};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::i18n::use_i18n;

#[component]
pub fn MinutesRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_minutes(slug, id));
    loaded(page, |page| view! { <MinutesView page/> }.into_any())
}

#[component]
fn MinutesView(page: MinutesPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = i18n.reading().1;
    let MinutesPage {
        council_slug,
        council_name,
        assembly,
        body,
        html,
        html_easy,
        audience,
        can_write,
        documents,
    } = page;
    let meeting = format!("/{council_slug}/assemblees/{}", assembly.id);
    let mut crumbs = vec![Crumb::council(&council_slug, council_name)];
    match &body {
        Some((id, name)) => crumbs.push(Crumb::new(
            format!("/{council_slug}/instances/{id}"),
            Label::Council(name.clone()),
        )),
        None => crumbs.push(Crumb::new(
            format!("/{council_slug}/assemblees"),
            Label::Interface(i18n.text("assemblies-title")),
        )),
    }
    crumbs.push(Crumb::new(
        meeting.clone(),
        Label::Council(assembly.title.clone()),
    ));
    let (first, other, other_label) = if easy {
        (html_easy, html, "minutes-read-full")
    } else {
        (html, html_easy, "minutes-read-easy")
    };
    let edit = can_write.then(|| {
        view! {
            <p>
                <a class="button button-secondary" href=format!("{meeting}/compte-rendu/modifier")>
                    {i18n.t("minutes-edit-link")}
                </a>
            </p>
        }
    });
    view! {
        <PageHeader
            tab=i18n.with("minutes-tab", &[("title", &assembly.title)])
            crumbs=crumbs
            picto="easy-read"
            heading=Label::Interface(i18n.text("minutes-title"))
            about=assembly.title.clone()
        />
        <p>
            <strong>{i18n.moment(&assembly.starts)}</strong>
            " "
            <span class="tag">{i18n.text(&audience_message(audience))}</span>
        </p>
        {edit}
        <article class="minutes" lang="fr" inner_html=first></article>
        <details class="minutes-other">
            <summary>{i18n.t(other_label)}</summary>
            <div class="minutes" lang="fr" inner_html=other></div>
        </details>
        <section aria-labelledby="documents-title" id="documents">
            <h2 id="documents-title">{i18n.t("documents-title")}</h2>
            {documents_list(i18n, &council_slug, documents, None)}
        </section>
    }
}
