//! About Agora: what a CLSM is, equal footing, accessibility (the statement has its own
//! page), licence and credits.

use crate::ui::components::Picto;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    let section = move |id: &'static str, title: &'static str, body: &'static str| {
        let heading = format!("{id}-titre");
        let labelled_by = heading.clone();
        view! {
            <section id=id aria-labelledby=labelled_by>
                <h2 id=heading>{i18n.t(title)}</h2>
                <p>{i18n.t(body)}</p>
            </section>
        }
    };
    view! {
        <Title text=i18n.text("about-title")/>
        <h1>
            <Picto name="about"/>
            {i18n.t("about-title")}
        </h1>
        <p class="lead">{i18n.t("about-intro")}</p>
        {section("clsm", "about-clsm-title", "about-clsm")}
        {section("egalite", "about-equal-title", "about-equal")}
        <section id="accessibilite" aria-labelledby="accessibilite-titre">
            <h2 id="accessibilite-titre">
                <Picto name="easy-read"/>
                {i18n.t("a11y-title")}
            </h2>
            <p>{i18n.t("a11y-features")}</p>
            <p>
                <A href="/accessibilite">{i18n.t("about-statement-link")}</A>
            </p>
        </section>
        {section("licence", "licence-title", "licence")}
        {section("credits", "credits-title", "credits")}
    }
}
