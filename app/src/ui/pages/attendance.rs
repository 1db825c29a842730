//! Attendance by college: the live page's "I am in the room" (a plain form, once per
//! participant), the facilitators' door count (`/{slug}/assemblees/{id}/presence`), and the
//! figure an ended assembly's page shows, with the small-group rule.

use super::loaded;
use crate::api::{AttendanceFigure, AttendancePage, DeclarePresence, LivePage, SaveDoorCount};
use crate::domain::attendance::{AttendanceShown, AttendanceSource};
use crate::domain::{College, LiveState};
use crate::ui::components::{Crumb, Label, PageHeader, college_name, college_named, form_refusal};
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// "I am in the room": a participant gives their college, once, while the assembly has
/// not ended. After that, a thank-you.
pub(super) fn presence_form(i18n: I18n, page: &LivePage) -> Option<impl IntoView + use<>> {
    let body = if page.live == LiveState::Closed {
        // Nobody arrives once it has ended; a late form sent from an old page is told so.
        page.flash.refusal("presence")?;
        view! { {form_refusal(i18n, &page.flash, "presence")} }.into_any()
    } else if page.declared_present {
        // A second declaration from the same phone says why nothing changed.
        view! {
            {form_refusal(i18n, &page.flash, "presence")}
            <p>{i18n.t("attendance-declared")}</p>
        }
        .into_any()
    } else {
        let chosen = page.flash.value("presence", "college", "");
        let error = page.flash.error("presence", "college");
        let invalid = error.as_ref().map(|_| "true");
        let has_error = error.is_some();
        let described = if has_error {
            "presence-college-hint presence-college-error"
        } else {
            "presence-college-hint"
        };
        let colleges = crate::domain::offered_colleges(&page.colleges)
            .into_iter()
            .map(|college| {
                let key = college.key.as_str().to_owned();
                let selected = key == chosen;
                view! { <option value=key selected=selected>{college_name(i18n, college)}</option> }
            })
            .collect_view();
        view! {
            {form_refusal(i18n, &page.flash, "presence")}
            <form method="post" action=DeclarePresence::url() class="stacked-form">
                <input type="hidden" name="slug" value=page.council_slug.clone()/>
                <input type="hidden" name="assembly" value=page.feed.assembly.to_string()/>
                <p class="field" class:field-invalid=has_error>
                    <label for="presence-college">{i18n.t("attendance-college")}</label>
                    <span class="hint" id="presence-college-hint">{i18n.t("attendance-college-hint")}</span>
                    {error.map(|message| view! {
                        <span class="field-error" id="presence-college-error">{i18n.text(&message)}</span>
                    })}
                    <select id="presence-college" name="college" aria-describedby=described aria-invalid=invalid>
                        {colleges}
                    </select>
                </p>
                <button type="submit" class="button button-secondary">{i18n.t("attendance-declare")}</button>
            </form>
        }
        .into_any()
    };
    Some(view! {
        <section aria-labelledby="presence-title" id="presence">
            <h2 id="presence-title">{i18n.t("attendance-here")}</h2>
            {body}
        </section>
    })
}

/// People per college as shown: the colleges big enough on their own, the others together,
/// and the total.
fn attendance_table(
    i18n: I18n,
    shown: &AttendanceShown,
    colleges: &[College],
    caption: String,
) -> impl IntoView + use<> {
    let rows = shown
        .colleges
        .iter()
        .map(|(key, n)| {
            view! {
                <tr>
                    <th scope="row">{college_named(i18n, colleges, key)}</th>
                    <td>{*n}</td>
                </tr>
            }
        })
        .collect_view();
    let merged = (!shown.merged.is_empty()).then(|| {
        let names = shown
            .merged
            .iter()
            .map(|key| college_named(i18n, colleges, key))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <tr>
                <th scope="row">{i18n.with("attendance-merged", &[("colleges", &names)])}</th>
                <td>{shown.merged_count}</td>
            </tr>
        }
    });
    // Long college names at 320 px and text at 200 %: the table scrolls in its own frame,
    // which the keyboard can reach, rather than the page sideways.
    let region = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=region>
        <table class="participation">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("attendance-college-column")}</th>
                    <th scope="col">{i18n.t("attendance-people-column")}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                {merged}
                <tr class="total">
                    <th scope="row">{i18n.t("attendance-total")}</th>
                    <td>{shown.total}</td>
                </tr>
            </tbody>
        </table>
        </div>
    }
}

fn source_message(source: AttendanceSource) -> &'static str {
    match source {
        AttendanceSource::Door => "attendance-source-door",
        AttendanceSource::Declared => "attendance-source-declared",
    }
}

/// An ended assembly's attendance on its page.
pub(super) fn attendance_section(
    i18n: I18n,
    figure: AttendanceFigure,
    colleges: &[College],
) -> impl IntoView + use<> {
    let min = figure.min_group.to_string();
    let note = if figure.shown.colleges.is_empty() {
        i18n.with("attendance-total-only", &[("min", &min)])
    } else {
        i18n.with("attendance-rule", &[("min", &min)])
    };
    view! {
        <section aria-labelledby="attendance-title">
            <h2 id="attendance-title">{i18n.t("attendance-title")}</h2>
            {attendance_table(i18n, &figure.shown, colleges, i18n.text("attendance-caption"))}
            <p class="hint">{i18n.t(source_message(figure.source))}</p>
            <p class="hint">{note}</p>
        </section>
    }
}

#[component]
pub fn AttendanceRoute() -> impl IntoView {
    let key = super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| crate::api::load_attendance(slug, id));
    loaded(page, |page| view! { <AttendanceView page/> }.into_any())
}

#[component]
fn AttendanceView(page: AttendancePage) -> impl IntoView {
    let i18n = use_i18n();
    let AttendancePage {
        council_slug,
        council_name,
        assembly_id,
        assembly_title,
        colleges,
        door,
        declared,
        waiting,
        min_group,
        flash,
    } = page;
    let assembly_href = format!("/{council_slug}/assemblees/{assembly_id}");
    // Retired colleges are offered only when a count was typed for them before.
    let fields = colleges
        .iter()
        .filter(|college| !college.retired || door.contains_key(college.key.as_str()))
        .map(|college| {
            let key = college.key.as_str().to_owned();
            let name = format!("counts[{key}]");
            let id = format!("door-{key}");
            let now = door.get(&key).map(|n| n.to_string()).unwrap_or_default();
            let value = flash.value("door", &name, &now);
            let error = flash.error("door", &name);
            let error_id = format!("{id}-error");
            let described = error.as_ref().map(|_| error_id.clone());
            let invalid = error.as_ref().map(|_| "true");
            let has_error = error.is_some();
            view! {
                <p class="field door-count" class:field-invalid=has_error>
                    <label for=id.clone()>{college_name(i18n, college.clone())}</label>
                    {error.map(|message| view! {
                        <span class="field-error" id=error_id>{i18n.text(&message)}</span>
                    })}
                    <input
                        id=id
                        name=name
                        type="number"
                        min="0"
                        max=crate::domain::attendance::DOOR_COUNT_MAX.to_string()
                        inputmode="numeric"
                        value=value
                        aria-describedby=described
                        aria-invalid=invalid
                        autofocus=has_error
                    />
                </p>
            }
        })
        .collect_view();
    let declared = match declared {
        Some(shown) => attendance_table(
            i18n,
            &shown,
            &colleges,
            i18n.text("attendance-declared-caption"),
        )
        .into_any(),
        None => view! { <p>{i18n.t("attendance-none-declared")}</p> }.into_any(),
    };
    let waiting_note = (waiting > 0).then(|| {
        view! {
            <p class="hint">
                {i18n.with(
                    "attendance-waiting",
                    &[("count", &waiting.to_string()), ("min", &min_group.to_string())],
                )}
            </p>
        }
    });
    let heading = i18n.text("attendance-title");
    view! {
        <PageHeader
            tab=format!("{heading} — {assembly_title}")
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(assembly_href, Label::Council(assembly_title.clone())),
            ]
            picto="council"
            heading=Label::Interface(heading)
            about=assembly_title
            flash=flash.clone()
        />
        <p class="lead">{i18n.t("attendance-intro")}</p>
        <section aria-labelledby="door-title">
            <h2 id="door-title">{i18n.t("attendance-door")}</h2>
            <p>{i18n.t("attendance-door-intro")}</p>
            {form_refusal(i18n, &flash, "door")}
            <form method="post" action=SaveDoorCount::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=assembly_id.to_string()/>
                <div class="door-counts">{fields}</div>
                <p>
                    <button type="submit" class="button">{i18n.t("attendance-door-submit")}</button>
                </p>
            </form>
        </section>
        <section aria-labelledby="declared-title">
            <h2 id="declared-title">{i18n.t("attendance-declared-title")}</h2>
            {declared}
            {waiting_note}
        </section>
    }
}
