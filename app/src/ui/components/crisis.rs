//! The crisis numbers, in the same place at the top of every page.

use super::Picto;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn CrisisLinks() -> impl IntoView {
    let i18n = use_i18n();
    let numbers = [
        ("3114", "tel:3114", "crisis-3114"),
        ("15", "tel:15", "crisis-15"),
        ("112", "tel:112", "crisis-112"),
        ("114", "sms:114", "crisis-114"),
    ];
    view! {
        <aside class="crisis" aria-label=i18n.t("crisis-label")>
            <p class="crisis-title">
                <Picto name="crisis"/>
                {i18n.t("crisis-title")}
            </p>
            <ul class="crisis-numbers">
                {numbers
                    .into_iter()
                    .map(|(number, href, label)| {
                        view! {
                            <li>
                                <a href=href class="crisis-number">{number}</a>
                                " "
                                <span>{i18n.t(label)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </aside>
    }
}
