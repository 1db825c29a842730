//! One labelled form field: its hint, and the reason it was refused, tied to it for screen
//! readers (`aria-describedby`, `aria-invalid`). A refused field takes the focus when the page
//! comes back, so that its label and reason are read first (see `Notice`).

use super::readability_said;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// What kind of control a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Line,
    Text,
    /// A text of pages (minutes): a tall box.
    LongText,
    DateTime,
    /// A calendar day (`YYYY-MM-DD`).
    Date,
    /// A sound file to send (the form must be `multipart/form-data`); phones offer their
    /// own recorder for it.
    Audio,
    /// A document to send (`domain::document`): the kinds Agora takes are offered first.
    Document,
}

/// `id` must be unique on the page; `name` is the form field's name. `label` and `hint`
/// are Fluent ids; `error` the Fluent id of a refusal to show.
#[component]
pub fn FormField(
    id: String,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    kind: FieldKind,
    value: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] max_length: Option<usize>,
    error: Option<String>,
    /// The text's readability is written under it, and kept up to date while typing
    /// (`/js/readability.js`); for the fields that have, or are, an easy-read twin.
    #[prop(optional)]
    measured: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let measure_id = format!("{id}-readability");
    // Said once something is written; the script fills it in as soon as someone types.
    let measure = measured.then(|| {
        let written = !value.trim().is_empty();
        let said = written.then(|| readability_said(i18n, &value));
        view! {
            <span class="hint readability" id=measure_id.clone() hidden=!written>
                {said}
            </span>
            <script type="module" src="/js/readability.js"></script>
        }
    });
    let measure_target = measured.then(|| measure_id.clone());
    let described = [
        hint.map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
        measure_target.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = error.is_some().then_some("true");
    let has_error = error.is_some();
    let max_length = max_length.map(|max| max.to_string());
    let control = match kind {
        FieldKind::Text | FieldKind::LongText => view! {
            <textarea
                id=id.clone()
                name=name
                data-measure=measure_target.clone()
                rows=if kind == FieldKind::LongText { "18" } else { "4" }
                required=required
                maxlength=max_length
                aria-describedby=described
                aria-invalid=invalid
                autofocus=has_error
            >
                {value}
            </textarea>
        }
        .into_any(),
        FieldKind::Audio | FieldKind::Document => view! {
            <input
                id=id.clone()
                name=name
                type="file"
                accept=if kind == FieldKind::Audio {
                    "audio/*".to_owned()
                } else {
                    crate::domain::document::accepted_extensions()
                }
                aria-describedby=described
                aria-invalid=invalid
                autofocus=has_error
            />
        }
        .into_any(),
        FieldKind::Line | FieldKind::DateTime | FieldKind::Date => view! {
            <input
                id=id.clone()
                name=name
                type=match kind {
                    FieldKind::DateTime => "datetime-local",
                    FieldKind::Date => "date",
                    _ => "text",
                }
                data-measure=measure_target
                value=value
                required=required
                maxlength=max_length
                aria-describedby=described
                aria-invalid=invalid
                autofocus=has_error
            />
        }
        .into_any(),
    };
    view! {
        <p class="field" class:field-invalid=has_error>
            <label for=id>{i18n.t(label)}</label>
            {hint.map(|hint| view! { <span class="hint" id=hint_id>{i18n.t(hint)}</span> })}
            {error
                .map(|message| {
                    view! {
                        <span class="field-error" id=error_id>
                            {i18n.text(&message)}
                        </span>
                    }
                })}
            {control}
            {measure}
        </p>
    }
}

/// A choice among a few options, with its label, hint and refusal as `FormField` has them.
/// `options` are (value, shown text) in order; the one whose value is `value` is selected.
#[component]
pub fn SelectField(
    id: String,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<(String, String)>,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [
        hint.map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let has_error = error.is_some();
    let options = options
        .into_iter()
        .map(|(option, shown)| {
            let selected = option == value;
            view! { <option value=option selected=selected>{shown}</option> }
        })
        .collect_view();
    view! {
        <p class="field" class:field-invalid=has_error>
            <label for=id.clone()>{i18n.t(label)}</label>
            {hint.map(|hint| view! { <span class="hint" id=hint_id>{i18n.t(hint)}</span> })}
            {error
                .map(|message| {
                    view! {
                        <span class="field-error" id=error_id>
                            {i18n.text(&message)}
                        </span>
                    }
                })}
            <select
                id=id
                name=name
                aria-describedby=described
                aria-invalid=has_error.then_some("true")
                autofocus=has_error
            >
                {options}
            </select>
        </p>
    }
}
