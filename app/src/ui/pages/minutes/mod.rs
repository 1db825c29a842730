//! A meeting's minutes (`/{slug}/assemblees/{id}/compte-rendu`, and `…/modifier` for the
//! staff who write them) and the documents a body or a meeting holds, listed and uploaded
//! with plain links and form posts: nothing here needs JavaScript.

mod editor;
mod read;
pub use editor::*;
pub use read::*;

use super::loaded;
use crate::api::{PageFlash, RemoveDocument, UploadDocument};
use crate::domain::document::Document;
use crate::domain::minutes::MinutesAudience;
use crate::ui::components::{FieldKind, FormField, Picto, form_refusal};
use crate::ui::i18n::I18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The Fluent id of an audience's name.
pub(crate) fn audience_message(audience: MinutesAudience) -> String {
    format!("minutes-audience-{}", audience.key())
}

/// A size as people read it: kilobytes under a megabyte, else megabytes to one decimal.
fn size_text(i18n: I18n, bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        let kilobytes = bytes.div_ceil(1024).to_string();
        i18n.with("document-size-kb", &[("size", &kilobytes)])
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        let mark = if i18n.reading().0 == crate::domain::Lang::Fr {
            ','
        } else {
            '.'
        };
        let megabytes = format!("{}{mark}{}", tenths / 10, tenths % 10);
        i18n.with("document-size-mb", &[("size", &megabytes)])
    }
}

/// Documents as a list of links, each with its kind, its size and whether it is an
/// easy-read version; `remove_back`: staff may remove them, coming back there.
pub(crate) fn documents_list(
    i18n: I18n,
    slug: &str,
    documents: Vec<Document>,
    remove_back: Option<String>,
) -> impl IntoView + use<> {
    if documents.is_empty() {
        return view! { <p>{i18n.t("documents-none")}</p> }.into_any();
    }
    let items = documents
        .into_iter()
        .map(|document| {
            let href = format!(
                "{}?slug={slug}&id={}",
                crate::api::DocumentFile::url(),
                document.id
            );
            let facts = format!(
                "{}, {}",
                document.kind.extension().to_uppercase(),
                size_text(i18n, document.size)
            );
            let easy = document.fields.easy_read.then(|| {
                view! {
                    <span class="tag">
                        <Picto name="easy-read"/>
                        {i18n.t("document-easy-read")}
                    </span>
                }
            });
            let members = document.fields.members_only.then(|| {
                view! { <span class="tag">{i18n.t("document-members-only")}</span> }
            });
            let remove = remove_back.clone().map(|back| {
                let label = i18n.with("document-remove-of", &[("title", &document.fields.title)]);
                view! {
                    <form method="post" action=RemoveDocument::url() class="inline-form">
                        <input type="hidden" name="slug" value=slug.to_owned()/>
                        <input type="hidden" name="id" value=document.id.to_string()/>
                        <input type="hidden" name="back" value=back/>
                        <button type="submit" class="button button-quiet" aria-label=label>
                            {i18n.t("document-remove")}
                        </button>
                    </form>
                }
            });
            view! {
                <li>
                    <a href=href lang="fr">{document.fields.title.clone()}</a>
                    " "
                    <span class="hint">"(" {facts} ")"</span>
                    " "
                    {easy}
                    {members}
                    {remove}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="documents">{items}</ul> }.into_any()
}

/// The staff's form that adds a document to a body (`holder` is `("body", id)`) or a
/// meeting (`("assembly", id)`). `members_choice`: the "members only" box is offered (a
/// body's document; a meeting's follows its meeting).
pub(crate) fn document_form(
    i18n: I18n,
    slug: &str,
    holder: (&'static str, i64),
    members_choice: bool,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let refusal = form_refusal(i18n, flash, "document");
    let title = flash.value("document", "title", "");
    let easy_read = flash.value("document", "easy_read", "") == "on";
    let members_only = flash.value("document", "members_only", "") == "on";
    let members = members_choice.then(|| {
        view! {
            <p class="choice">
                <input type="checkbox" id="document-members-only" name="members_only" value="on" checked=members_only/>
                <label for="document-members-only">{i18n.t("document-field-members-only")}</label>
            </p>
        }
    });
    view! {
        <h3 id="document-new-title">{i18n.t("document-new")}</h3>
        {refusal}
        <form
            method="post"
            action=UploadDocument::url()
            enctype="multipart/form-data"
            class="stacked-form card"
            aria-labelledby="document-new-title"
        >
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name=holder.0 value=holder.1.to_string()/>
            <FormField
                id="document-title".to_owned()
                name="title"
                label="document-field-title"
                kind=FieldKind::Line
                value=title
                required=true
                max_length=crate::domain::TITLE_MAX
                error=flash.error("document", "title")
            />
            <FormField
                id="document-file".to_owned()
                name="file"
                label="document-field-file"
                hint="document-field-file-hint"
                kind=FieldKind::Document
                value=String::new()
                error=flash.error("document", "file")
            />
            <p class="choice">
                <input type="checkbox" id="document-easy-read" name="easy_read" value="on" checked=easy_read/>
                <label for="document-easy-read">{i18n.t("document-field-easy-read")}</label>
            </p>
            {members}
            <p>
                <button type="submit" class="button">{i18n.t("document-upload")}</button>
            </p>
        </form>
    }
}
