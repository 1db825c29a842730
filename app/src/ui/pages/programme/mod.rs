//! The council's action programme: the public roadmap (`/{slug}/feuille-de-route`, grouped
//! by priority, status or objective, printable), each action's page with its dated updates,
//! and the coordinators' forms. Plain links and form posts: nothing here needs JavaScript.

mod action;
mod form;
mod roadmap;
pub use action::*;
pub use form::*;
pub use roadmap::*;

use super::loaded;
use crate::api::AdoptedPriority;
use crate::domain::action::{Action, ActionStatus};
use crate::domain::{CouncilObjective, Lang};
use crate::ui::components::objective_name;
use crate::ui::i18n::I18n;
use leptos::prelude::*;

/// The Fluent id of a status's name.
pub(super) fn status_message(status: ActionStatus) -> String {
    format!("action-status-{}", status.key())
}

/// A whole number of euros as each language writes it ("12 000 €", "€12,000").
fn euros(i18n: I18n, amount: u64) -> String {
    let (lang, _) = i18n.reading();
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        _ => ',',
    };
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    i18n.with("action-euros", &[("amount", &grouped)])
}

/// When an action runs: "from … to …", or "from …" when it has no end.
fn period(i18n: I18n, action: &Action) -> String {
    let starts = i18n.date(action.fields.starts_on);
    match action.fields.ends_on {
        Some(ends) => i18n.with(
            "action-period",
            &[("starts", &starts), ("ends", &i18n.date(ends))],
        ),
        None => i18n.with("action-period-open", &[("starts", &starts)]),
    }
}

/// The status as a tag, its words in the reader's language.
pub(super) fn status_tag(i18n: I18n, status: ActionStatus) -> impl IntoView + use<> {
    let class = format!("tag action-status action-{}", status.key());
    view! { <span class=class>{i18n.text(&status_message(status))}</span> }
}

/// A line "label : value" of an action's facts in the council's own words (French);
/// nothing when the value is empty.
fn fact(i18n: I18n, label: &'static str, value: String) -> Option<impl IntoView + use<>> {
    (!value.is_empty()).then(|| {
        view! {
            <p>
                <strong>{i18n.t(label)}</strong>
                " : "
                <span lang="fr">{value}</span>
            </p>
        }
    })
}

/// A line "label : value" whose value Agora wrote, in the reader's language.
fn said_fact(i18n: I18n, label: &'static str, value: String) -> Option<impl IntoView + use<>> {
    (!value.is_empty()).then(|| {
        view! {
            <p>
                <strong>{i18n.t(label)}</strong>
                " : "
                {value}
            </p>
        }
    })
}

/// The priority an action rests on, as it reads in a list: "2. Title".
fn priority_title(adopted: &AdoptedPriority, easy: bool) -> String {
    format!(
        "{}. {}",
        adopted.priority.rank,
        adopted.priority.title.pick(easy)
    )
}

fn objective_title(i18n: I18n, objective: &CouncilObjective, easy: bool) -> String {
    objective_name(i18n, objective, easy)
}
