//! The frame of every page: skip link, crisis numbers, header, main, footer.

use super::{CrisisLinks, Picto, PreferencesPanel};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#contenu">{i18n.t("skip-to-content")}</a>
        <CrisisLinks/>
        <header class="site-header">
            <div class="brand">
                <A href="/" attr:class="brand-name">{i18n.t("site-name")}</A>
                <p class="brand-tagline">{i18n.t("site-tagline")}</p>
            </div>
            <nav class="site-nav" aria-label=i18n.t("nav-label")>
                <ul>
                    <li>
                        <A href="/">
                            <Picto name="council"/>
                            {i18n.t("nav-councils")}
                        </A>
                    </li>
                    <li>
                        <A href="/a-propos">
                            <Picto name="about"/>
                            {i18n.t("nav-about")}
                        </A>
                    </li>
                </ul>
            </nav>
            <PreferencesPanel/>
        </header>
        <main id="contenu" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>{i18n.t("footer-licence")}</p>
            <p>
                <A href="/accessibilite">{i18n.t("footer-accessibility")}</A>
            </p>
            <p>{i18n.t("footer-credits")}</p>
            <p>
                <A href="/compte">{i18n.t("footer-staff")}</A>
            </p>
        </footer>
    }
}
