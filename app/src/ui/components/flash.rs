//! What a form post came back with, shown on the page it returned to: the confirmation, or
//! a refusal that belongs to no single field.

use crate::api::PageFlash;
use crate::ui::components::Notice;
use crate::ui::i18n::I18n;
use leptos::prelude::*;

/// A confirmation left by the last form post, announced politely.
pub fn notice(i18n: I18n, flash: &PageFlash) -> Option<impl IntoView + use<>> {
    flash.notice.clone().map(|id| {
        view! {
            <Notice>
                <p>{i18n.text(&id)}</p>
            </Notice>
        }
    })
}

/// A refusal that belongs to no single field, shown above its form.
pub fn form_refusal(i18n: I18n, flash: &PageFlash, form: &str) -> Option<impl IntoView + use<>> {
    flash
        .refusal(form)
        .filter(|echo| echo.field.is_none())
        .map(|echo| {
            let message = i18n.text(&echo.message);
            view! {
                <Notice error=true>
                    <p>{message}</p>
                </Notice>
            }
        })
}
