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
    // Inside a council's pages, its guide of local resources is one link away.
    let location = leptos_router::hooks::use_location();
    let local = move || {
        let path = location.pathname.get();
        let first = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        crate::domain::CouncilSlug::parse(first).ok().map(|slug| {
            view! {
                <p class="crisis-local">
                    <a href=format!("/{slug}/ressources")>{i18n.t("crisis-local")}</a>
                </p>
            }
        })
    };
    let list = move || {
        numbers
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
            .collect_view()
    };
    // Two arrangements, one shown at a time (the other is `display: none`, so no screen
    // reader hears both): every number in full on a wide screen; on a phone one line — 3114
    // at hand, the others one tap away — so that the page itself starts on the first screen.
    view! {
        <aside class="crisis" aria-label=i18n.t("crisis-label")>
            <div class="crisis-full">
                <p class="crisis-title">
                    <Picto name="crisis"/>
                    {i18n.t("crisis-title")}
                </p>
                <ul class="crisis-numbers">{list()}</ul>
                {local()}
            </div>
            <div class="crisis-compact">
                <p class="crisis-line">
                    <Picto name="crisis"/>
                    <span>{i18n.t("crisis-short")}</span>
                    <a href="tel:3114" class="crisis-number">"3114"</a>
                </p>
                <details class="crisis-more">
                    <summary>{i18n.t("crisis-more")}</summary>
                    <ul class="crisis-numbers">{list()}</ul>
                    {local()}
                </details>
            </div>
        </aside>
    }
}
