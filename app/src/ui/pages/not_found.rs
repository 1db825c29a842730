//! The translated "not found" page, answered with status 404.

use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=i18n.text("not-found-title")/>
        <h1>{i18n.t("not-found-title")}</h1>
        <p>{i18n.t("not-found-text")}</p>
        <p>
            <A href="/">{i18n.t("not-found-home")}</A>
        </p>
    }
}
