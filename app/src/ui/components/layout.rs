//! The frame of every page: skip link, crisis numbers, header, main, footer.

use super::{CrisisLinks, Picto, PreferencesPanel};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    if crate::domain::is_room_screen(&path) {
        return view! { <RoomFrame>{children()}</RoomFrame> }.into_any();
    }
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
    .into_any()
}

/// The frame of a room screen: the screen fills the display, nothing of the site around it
/// but the crisis numbers, one discreet line at the bottom.
#[component]
fn RoomFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="contenu" class="room" tabindex="-1">
            {children()}
            <super::RoomControls phrases=i18n.phrases(&super::ROOM_PHRASES)/>
            <p class="room-crisis">
                <Picto name="crisis"/>
                {i18n.t("room-crisis")}
            </p>
        </main>
    }
}
