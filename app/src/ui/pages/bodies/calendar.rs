//! `/{slug}/agenda`: every meeting the reader may see — plenaries and bodies' meetings —
//! those to come first, then those held; and the same as an iCalendar file.

use super::body::meeting_item;
use super::*;
use crate::api::{CalendarEntry, CalendarIcs, CalendarPage, load_calendar};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::i18n::use_i18n;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CalendarRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_calendar,
    );
    loaded(page, |page| view! { <CalendarView page/> }.into_any())
}

fn entries(i18n: I18n, slug: &str, entries: Vec<CalendarEntry>, none: &'static str) -> AnyView {
    if entries.is_empty() {
        return view! { <p>{i18n.t(none)}</p> }.into_any();
    }
    let items = entries
        .into_iter()
        .map(|entry| {
            let body = entry
                .body
                .map(|(id, name)| (format!("/{slug}/instances/{id}"), name));
            meeting_item(i18n, slug, &entry.assembly, body)
        })
        .collect_view();
    view! { <ul class="plain-list meetings">{items}</ul> }.into_any()
}

#[component]
fn CalendarView(page: CalendarPage) -> impl IntoView {
    let i18n = use_i18n();
    let CalendarPage {
        council_slug,
        council_name,
        upcoming,
        past,
    } = page;
    let ics = format!("{}?slug={council_slug}", CalendarIcs::url());
    view! {
        <PageHeader
            tab=i18n.text("calendar-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="council"
            heading=Label::Interface(i18n.text("calendar-title"))
        />
        <p class="lead">{i18n.t("calendar-intro")}</p>
        <p>
            <a href=ics>{i18n.t("calendar-ics")}</a>
        </p>
        <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{i18n.t("calendar-upcoming")}</h2>
            {entries(i18n, &council_slug, upcoming, "calendar-upcoming-none")}
        </section>
        <section aria-labelledby="past-title">
            <h2 id="past-title">{i18n.t("calendar-past")}</h2>
            {entries(i18n, &council_slug, past, "calendar-past-none")}
        </section>
    }
}
