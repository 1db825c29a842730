//! Plenary assemblies: the council's list, an assembly's public page (agenda, access, join
//! code and QR code), joining by code, and the coordinators' preparation page. Every form is
//! a plain form post: all of it works without JavaScript.

use super::loaded;
use crate::api::{
    AddAgendaItem, ArrangeAgendaItem, AssembliesPage, AssemblyEditor, AssemblyPage,
    ChangeLiveState, CreateAssembly, PageFlash, PublishAssembly, UpdateAgendaItem, UpdateAssembly,
    load_assemblies, load_assembly, load_assembly_editor,
};
use crate::domain::{AgendaItem, Assembly, LiveState, PLACE_MAX, TITLE_MAX};
use crate::ui::components::{Crumb, Label, PageHeader, college_named, written_answer};
use crate::ui::components::{
    FieldKind, FormField, Notice, Paragraphs, Picto, ReadAloud, SubmitOrCheck, form_refusal, notice,
};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

const LONG_TEXT_MAX: usize = crate::domain::LONG_TEXT_MAX;

fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// `/{slug}/assemblees`
#[component]
pub fn AssembliesRoute() -> impl IntoView {
    let page = Resource::new(param("slug"), load_assemblies);
    loaded(page, |page| view! { <AssembliesView page/> }.into_any())
}

/// `/{slug}/assemblees/{id}`
#[component]
pub fn AssemblyRoute() -> impl IntoView {
    let slug = param("slug");
    let id = param("id");
    let page = Resource::new(move || (slug(), id()), |(slug, id)| load_assembly(slug, id));
    loaded(page, |page| view! { <AssemblyView page/> }.into_any())
}

/// `/{slug}/assemblees/{id}/preparer`
#[component]
pub fn AssemblyEditorRoute() -> impl IntoView {
    let slug = param("slug");
    let id = param("id");
    let page = Resource::new(
        move || (slug(), id()),
        |(slug, id)| load_assembly_editor(slug, id),
    );
    loaded(page, |page| view! { <EditorView page/> }.into_any())
}

fn live_label(live: LiveState) -> &'static str {
    match live {
        LiveState::Before => "live-before",
        LiveState::Open => "live-open",
        LiveState::Closed => "live-closed",
    }
}

#[component]
fn AssembliesView(page: AssembliesPage) -> impl IntoView {
    let i18n = use_i18n();
    let AssembliesPage {
        council_slug,
        council_name,
        assemblies,
        can_prepare,
        flash,
    } = page;
    let empty = assemblies.is_empty();
    let list = assemblies
        .into_iter()
        .map(|assembly| {
            let href = format!("/{council_slug}/assemblees/{}", assembly.id);
            let draft = (!assembly.published).then(|| {
                view! { <p class="tag">{i18n.t("assembly-draft")}</p> }
            });
            view! {
                <li class="card">
                    <h2>
                        <A href=href>
                            <span lang="fr">{assembly.title}</span>
                        </A>
                    </h2>
                    <p>{i18n.moment(&assembly.starts)}</p>
                    <p lang="fr">{assembly.place}</p>
                    {draft}
                </li>
            }
        })
        .collect_view();
    let create = can_prepare.then(|| {
        view! { <CreateAssemblyForm council_slug=council_slug.clone() flash=flash.clone()/> }
    });
    view! {
        <Title text=i18n.text("assemblies-title")/>
        <h1>
            <Picto name="council"/>
            {i18n.t("assemblies-title")}
            " — "
            <span lang="fr">{council_name}</span>
        </h1>
        {notice(i18n, &flash)}
        <p>{i18n.t("assemblies-intro")}</p>
        <p>
            <A href="/rejoindre">{i18n.t("join-title")}</A>
        </p>
        {if empty {
            view! { <p>{i18n.t("assemblies-none")}</p> }.into_any()
        } else {
            view! { <ul class="cards">{list}</ul> }.into_any()
        }}
        {create}
    }
}

#[component]
fn CreateAssemblyForm(council_slug: String, flash: PageFlash) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="new-assembly-title">
            <h2 id="new-assembly-title">{i18n.t("assembly-new")}</h2>
            <form method="post" action=CreateAssembly::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug/>
                <AssemblyFieldsView prefix="new" flash current=None/>
                <button type="submit" class="button">{i18n.t("assembly-create")}</button>
            </form>
        </section>
    }
}

/// The four fields of an assembly, filled with `current` (or what was typed, if refused).
#[component]
pub(super) fn AssemblyFieldsView(
    prefix: &'static str,
    flash: PageFlash,
    current: Option<Assembly>,
    /// Where a new assembly's start time begins (empty: the field starts empty).
    #[prop(optional)]
    starts_from: String,
) -> impl IntoView {
    let (title, starts_at, place, accessibility) = current
        .map(|a| (a.title, a.starts.input_value(), a.place, a.accessibility))
        .unwrap_or_else(|| (String::new(), starts_from, String::new(), String::new()));
    let id = |name: &str| format!("{prefix}-{name}");
    view! {
        <FormField
            id=id("title")
            name="title"
            label="assembly-field-title"
            kind=FieldKind::Line
            value=flash.value("assembly", "title", &title)
            required=true
            max_length=TITLE_MAX
            error=flash.error("assembly", "title")
        />
        <FormField
            id=id("starts-at")
            name="starts_at"
            label="assembly-field-starts-at"
            hint="assembly-field-starts-at-hint"
            kind=FieldKind::DateTime
            value=flash.value("assembly", "starts_at", &starts_at)
            required=true
            error=flash.error("assembly", "starts_at")
        />
        <FormField
            id=id("place")
            name="place"
            label="assembly-field-place"
            kind=FieldKind::Line
            value=flash.value("assembly", "place", &place)
            required=true
            max_length=PLACE_MAX
            error=flash.error("assembly", "place")
        />
        <FormField
            id=id("accessibility")
            name="accessibility"
            label="assembly-field-accessibility"
            hint="assembly-field-accessibility-hint"
            kind=FieldKind::Text
            value=flash.value("assembly", "accessibility", &accessibility)
            max_length=LONG_TEXT_MAX
            error=flash.error("assembly", "accessibility")
        />
    }
}

#[component]
fn AssemblyView(page: AssemblyPage) -> impl IntoView {
    let i18n = use_i18n();
    let AssemblyPage {
        council_slug,
        council_name,
        assembly,
        join_link,
        qr_svg,
        can_prepare,
        votes,
        questions,
        colleges,
        polls,
        attendance,
        can_count,
        body,
        minutes,
        documents,
    } = page;
    let minutes = minutes_section(
        i18n,
        &council_slug,
        assembly.id,
        minutes,
        can_count && assembly.published,
        documents,
    );
    let members_only = assembly.members_only.then(|| {
        view! {
            <div class="notice" role="note">
                <p>{i18n.t("meeting-members-only-note")}</p>
            </div>
        }
    });
    let attendance =
        attendance.map(|figure| super::attendance::attendance_section(i18n, figure, &colleges));
    let count_link = can_count.then(|| {
        let href = format!("/{council_slug}/assemblees/{}/presence", assembly.id);
        view! {
            <p>
                <A href=href>{i18n.t("attendance-count-link")}</A>
            </p>
        }
    });
    let votes = super::votes::assembly_votes(i18n, &council_slug, votes);
    let polls = super::polls::record_polls(i18n, polls);
    let record = questions_record(i18n, &council_slug, assembly.id, questions, &colleges);
    let council_href = format!("/{council_slug}");
    let list_href = format!("/{council_slug}/assemblees");
    let prepare = can_prepare.then(|| {
        let href = format!("/{council_slug}/assemblees/{}/preparer", assembly.id);
        view! {
            <p>
                <A href=href>{i18n.t("assembly-prepare")}</A>
            </p>
        }
    });
    let draft = (!assembly.published).then(|| {
        view! {
            <div class="notice" role="note">
                <p>{i18n.t("assembly-draft-note")}</p>
            </div>
        }
    });
    let accessibility = (!assembly.accessibility.is_empty()).then(|| {
        view! {
            <section aria-labelledby="access-title">
                <h2 id="access-title">{i18n.t("assembly-accessibility")}</h2>
                <div lang="fr">
                    <Paragraphs text=assembly.accessibility.clone()/>
                </div>
            </section>
        }
    });
    let code = assembly.join_code.spaced();
    let join = (!assembly.members_only).then(|| {
        view! {
            <section aria-labelledby="join-title" class="join">
                <h2 id="join-title">{i18n.t("assembly-join")}</h2>
                <p>{i18n.t("assembly-join-intro")}</p>
                <p class="join-code">
                    <span>{i18n.t("assembly-join-code")}</span>
                    " "
                    <strong>{code}</strong>
                </p>
                <figure class="qr">
                    <div inner_html=qr_svg></div>
                    <figcaption>
                        {i18n.t("assembly-join-qr")} " " <a href=join_link.clone()>{join_link.clone()}</a>
                    </figcaption>
                </figure>
            </section>
        }
    });
    // A body's meeting sits under its body, a plenary under the council's assemblies.
    let parent = match body {
        Some((id, name)) => Crumb::new(
            format!("/{council_slug}/instances/{id}"),
            Label::Council(name),
        ),
        None => Crumb::new(list_href, Label::Interface(i18n.text("assemblies-title"))),
    };
    view! {
        <PageHeader
            tab=assembly.title.clone()
            crumbs=vec![Crumb::new(council_href, Label::Council(council_name)), parent]
            heading=Label::Council(assembly.title.clone())
        />
        {draft}
        {members_only}
        <p class="lead">
            <strong>{i18n.t("assembly-when")}</strong>
            " "
            {i18n.moment(&assembly.starts)}
        </p>
        <p>
            <strong>{i18n.t("assembly-where")}</strong>
            " "
            <span lang="fr">{assembly.place.clone()}</span>
        </p>
        <p class="tag">{i18n.t(live_label(assembly.live))}</p>
        {(assembly.live == LiveState::Open)
            .then(|| {
                let href = format!("/{council_slug}/assemblees/{}/direct", assembly.id);
                view! {
                    <p>
                        <A href=href attr:class="button">
                            {i18n.t("assembly-live-link")}
                        </A>
                    </p>
                }
            })}
        {prepare}
        {count_link}
        {votes}
        {accessibility}
        <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">{i18n.t("assembly-agenda")}</h2>
            <Agenda items=assembly.agenda.clone() current=assembly.current_item/>
        </section>
        {attendance}
        {minutes}
        {record}
        {polls}
        {join}
    }
}

/// The meeting's minutes (a link, when the reader may read them; the staff who run rooms
/// also find the way to write them) and its documents. Nothing when there is neither.
fn minutes_section(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    minutes: Option<crate::domain::minutes::MinutesAudience>,
    can_write: bool,
    documents: Vec<crate::domain::document::Document>,
) -> Option<impl IntoView + use<>> {
    if minutes.is_none() && !can_write && documents.is_empty() {
        return None;
    }
    let base = format!("/{slug}/assemblees/{assembly}/compte-rendu");
    let read = minutes.map(|audience| {
        view! {
            <p>
                <a href=base.clone()>{i18n.t("minutes-read-link")}</a>
                " "
                <span class="tag">{i18n.text(&super::minutes::audience_message(audience))}</span>
            </p>
        }
    });
    let write = can_write.then(|| {
        let label = if minutes.is_some() { "minutes-edit-link" } else { "minutes-start-link" };
        view! {
            <p>
                <a class="button button-secondary" href=format!("{base}/modifier")>{i18n.t(label)}</a>
            </p>
        }
    });
    let documents = (!documents.is_empty())
        .then(|| super::minutes::documents_list(i18n, slug, documents, None));
    Some(view! {
        <section aria-labelledby="minutes-section-title" id="compte-rendu">
            <h2 id="minutes-section-title">{i18n.t("minutes-section-title")}</h2>
            {read}
            {write}
            {documents}
        </section>
    })
}

/// The room's approved questions and their written answers, kept after the session, with
/// the same as CSV and JSON files. Nothing when no question was approved.
fn questions_record(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    questions: Vec<crate::api::RecordedQuestion>,
    colleges: &[crate::domain::College],
) -> Option<impl IntoView + use<>> {
    if questions.is_empty() {
        return None;
    }
    let easy = i18n.reading().1;
    let items = questions
        .into_iter()
        .map(|q| {
            let college = q
                .college
                .as_deref()
                .map(|key| format!("{} — ", college_named(i18n, colleges, key)));
            let answer = written_answer(
                q.answer.as_ref(),
                q.answer_easy.as_ref(),
                easy,
                i18n.text("live-answer"),
            );
            let item = q.agenda_item.map(|title| {
                view! { " — " <span lang="fr">{title}</span> }
            });
            view! {
                <li class="question" class:answered=q.answered>
                    <p class="question-body" lang="fr">{q.question}</p>
                    <p class="question-meta">
                        {college}
                        {i18n.count("live-votes", u64::try_from(q.votes).unwrap_or(0))}
                        {item}
                        {q.answered.then(|| view! { " " <span class="tag">{i18n.t("live-answered")}</span> })}
                    </p>
                    {answer}
                </li>
            }
        })
        .collect_view();
    let query = format!("slug={slug}&id={assembly}");
    Some(view! {
        <section aria-labelledby="record-title">
            <h2 id="record-title">{i18n.t("record-title")}</h2>
            <p>{i18n.t("record-intro")}</p>
            <ol class="questions">{items}</ol>
            <p>
                <a href=format!("/api/assembly_questions_csv?{query}") download>
                    {i18n.t("record-csv")}
                </a>
                " · "
                <a href=format!("/api/assembly_questions_json?{query}") download>
                    {i18n.t("record-json")}
                </a>
            </p>
        </section>
    })
}

/// The agenda in order; the item under way is marked (`aria-current`).
#[component]
fn Agenda(items: Vec<AgendaItem>, current: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences();
    if items.is_empty() {
        return view! { <p>{i18n.t("assembly-agenda-empty")}</p> }.into_any();
    }
    view! {
        <ol class="agenda">
            {items
                .into_iter()
                .map(|item| {
                    let is_current = current == Some(item.id);
                    let summary = item.summary.clone();
                    let (title_id, text_id) =
                        (format!("point-{}", item.id), format!("point-{}-texte", item.id));
                    let read = format!("{title_id} {text_id}");
                    view! {
                        <li aria-current=is_current.then_some("step")>
                            <h3 lang="fr" id=title_id>{item.title.clone()}</h3>
                            {is_current
                                .then(|| view! { <p class="tag">{i18n.t("agenda-current")}</p> })}
                            <ReadAloud read about=item.title/>
                            <div lang="fr" id=text_id>
                                {move || {
                                    view! {
                                        <Paragraphs text=summary
                                            .pick(prefs.get().easy_read)
                                            .to_owned()/>
                                    }
                                }}
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn EditorView(page: AssemblyEditor) -> impl IntoView {
    let i18n = use_i18n();
    let AssemblyEditor {
        council_slug,
        council_name,
        assembly,
        flash,
    } = page;
    let id = assembly.id.to_string();
    let public_href = format!("/{council_slug}/assemblees/{id}");
    let (publish_value, publish_label) = if assembly.published {
        ("0", "assembly-unpublish")
    } else {
        ("1", "assembly-publish")
    };
    let (live_value, live_button) = match assembly.live {
        LiveState::Open => ("closed", "live-close"),
        LiveState::Before => ("open", "live-open-action"),
        LiveState::Closed => ("open", "live-reopen"),
    };
    let item_count = assembly.agenda.len();
    view! {
        <Title text=i18n.text("assembly-prepare")/>
        <h1>
            {i18n.t("assembly-prepare")} " — " <span lang="fr">{assembly.title.clone()}</span>
        </h1>
        <p lang="fr">{council_name}</p>
        {notice(i18n, &flash)}
        <p>
            <A href=public_href>{i18n.t("assembly-public-page")}</A>
            " · "
            <A href=format!("/{council_slug}/assemblees/{id}/animation")>{i18n.t("console-title")}</A>
            " · "
            <A href=format!("/{council_slug}/assemblees/{id}/projection")>{i18n.t("projector-title")}</A>
        </p>
        <section aria-labelledby="state-title">
            <h2 id="state-title">{i18n.t("assembly-state")}</h2>
            {form_refusal(i18n, &flash, "publish")}
            {form_refusal(i18n, &flash, "live")}
            <p>
                {i18n.t(if assembly.published { "assembly-published" } else { "assembly-draft" })}
                " — "
                {i18n.t(live_label(assembly.live))}
            </p>
            <form method="post" action=PublishAssembly::url() class="inline-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=id.clone()/>
                <input type="hidden" name="publish" value=publish_value/>
                <button type="submit" class="button">{i18n.t(publish_label)}</button>
            </form>
            <form method="post" action=ChangeLiveState::url() class="inline-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=id.clone()/>
                <input type="hidden" name="state" value=live_value/>
                <button type="submit" class="button button-quiet">{i18n.t(live_button)}</button>
            </form>
        </section>
        <section aria-labelledby="details-title">
            <h2 id="details-title">{i18n.t("assembly-details")}</h2>
            {form_refusal(i18n, &flash, "assembly")}
            <form method="post" action=UpdateAssembly::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=id.clone()/>
                <AssemblyFieldsView prefix="edit" flash=flash.clone() current=Some(assembly.clone())/>
                <button type="submit" class="button">{i18n.t("save")}</button>
            </form>
        </section>
        <section aria-labelledby="agenda-edit-title">
            <h2 id="agenda-edit-title">{i18n.t("assembly-agenda")}</h2>
            {form_refusal(i18n, &flash, "agenda")}
            <ol class="agenda agenda-edit">
                {assembly
                    .agenda
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| {
                        view! {
                            <AgendaItemEditor
                                council_slug=council_slug.clone()
                                assembly=id.clone()
                                item
                                first=index == 0
                                last=index + 1 == item_count
                                flash=flash.clone()
                            />
                        }
                    })
                    .collect_view()}
            </ol>
            <h3 id="add-item-heading">{i18n.t("agenda-add")}</h3>
            {form_refusal(i18n, &flash, "new-item")}
            <form
                method="post"
                action=AddAgendaItem::url()
                class="stacked-form"
                aria-labelledby="add-item-heading"
            >
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=id.clone()/>
                <AgendaFieldsView form="new-item".to_owned() flash=flash.clone() current=None/>
                <SubmitOrCheck action="agenda-add"/>
            </form>
        </section>
    }
}

/// An agenda item's fields. Under each summary, its readability as last saved or checked
/// (the "check readability" button sends the form back measured, storing nothing); a
/// summary with no easy-read version is flagged, since participants in easy-read would then
/// read the plain one.
#[component]
fn AgendaFieldsView(form: String, flash: PageFlash, current: Option<AgendaItem>) -> impl IntoView {
    let i18n = use_i18n();
    let (title, summary, easy) = current
        .map(|item| (item.title, item.summary.plain, item.summary.easy))
        .unwrap_or_default();
    let id = |name: &str| format!("{form}-{name}");
    let (summary, easy) = (
        flash.value(&form, "summary", &summary),
        flash.value(&form, "summary_easy", &easy),
    );
    let easy_missing = (!summary.trim().is_empty() && easy.trim().is_empty())
        .then(|| view! { <p class="tag easy-missing">{i18n.t("easy-missing")}</p> });
    let checked = flash
        .error(&form, crate::api::READABILITY_FIELD)
        .map(|message| {
            view! {
                <div
                    class="notice"
                    id=id(crate::api::READABILITY_FIELD)
                    tabindex="-1"
                    role="status"
                    autofocus
                >
                    <p>{i18n.text(&message)}</p>
                </div>
            }
        });
    view! {
        {checked}
        <FormField
            id=id("title")
            name="item_title"
            label="agenda-field-title"
            kind=FieldKind::Line
            value=flash.value(&form, "item_title", &title)
            required=true
            max_length=TITLE_MAX
            error=flash.error(&form, "item_title")
        />
        <FormField
            id=id("summary")
            name="summary"
            label="agenda-field-summary"
            kind=FieldKind::Text
            value=summary.clone()
            max_length=LONG_TEXT_MAX
            error=flash.error(&form, "summary")
            measured=true
        />
        <FormField
            id=id("summary-easy")
            name="summary_easy"
            label="agenda-field-summary-easy"
            hint="agenda-field-summary-easy-hint"
            kind=FieldKind::Text
            value=easy.clone()
            max_length=LONG_TEXT_MAX
            error=flash.error(&form, "summary_easy")
            measured=true
        />
        {easy_missing}
    }
}

/// One agenda item: its fields in a form, and buttons to move it or remove it. Each button
/// names the item, so a screen reader's list of buttons is not "Up, Up, Up".
#[component]
fn AgendaItemEditor(
    council_slug: String,
    assembly: String,
    item: AgendaItem,
    first: bool,
    last: bool,
    flash: PageFlash,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = format!("item-{}", item.id);
    let heading = format!("{form}-heading");
    let item_id = item.id.to_string();
    let title = item.title.clone();
    let (slug_for_arrange, assembly_for_arrange) = (council_slug.clone(), assembly.clone());
    let arrange = move |direction: &'static str, label: &'static str| {
        let name = format!("{} : {}", i18n.text(label), title);
        view! {
            <form method="post" action=ArrangeAgendaItem::url() class="inline-form">
                <input type="hidden" name="slug" value=slug_for_arrange.clone()/>
                <input type="hidden" name="assembly" value=assembly_for_arrange.clone()/>
                <input type="hidden" name="item" value=item_id.clone()/>
                <input type="hidden" name="direction" value=direction/>
                <button type="submit" class="button button-quiet" aria-label=name>
                    {i18n.t(label)}
                </button>
            </form>
        }
    };
    let up = (!first).then(|| arrange("up", "agenda-move-up"));
    let down = (!last).then(|| arrange("down", "agenda-move-down"));
    let remove = arrange("remove", "agenda-remove");
    view! {
        <li>
            <h3 id=heading.clone() lang="fr">{item.title.clone()}</h3>
            {form_refusal(i18n, &flash, &form)}
            <form
                method="post"
                action=UpdateAgendaItem::url()
                class="stacked-form"
                aria-labelledby=heading
            >
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="assembly" value=assembly.clone()/>
                <input type="hidden" name="item" value=item.id.to_string()/>
                <AgendaFieldsView form=form.clone() flash=flash.clone() current=Some(item.clone())/>
                <SubmitOrCheck action="save"/>
            </form>
            <div class="actions">{up} {down} {remove}</div>
        </li>
    }
}

/// `/rejoindre`: type the code shown in the room. The form asks `/j`, which leads to the
/// assembly or back here with the code that matched nothing.
#[component]
pub fn JoinRoute() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed = move || query.read().get("code").unwrap_or_default();
    view! {
        <Title text=i18n.text("join-title")/>
        <h1>{i18n.t("join-title")}</h1>
        <p>{i18n.t("join-intro")}</p>
        {move || {
            (!typed().is_empty())
                .then(|| {
                    view! {
                        <Notice error=true>
                            <p>{i18n.t("error-join-code")}</p>
                        </Notice>
                    }
                })
        }}
        <form method="get" action="/j" class="stacked-form">
            <p class="field">
                <label for="join-code">{i18n.t("join-code-label")}</label>
                <span class="hint" id="join-code-hint">{i18n.t("join-code-hint")}</span>
                <input
                    id="join-code"
                    name="code"
                    type="text"
                    required
                    maxlength="16"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby="join-code-hint"
                    value=typed
                />
            </p>
            <button type="submit" class="button">{i18n.t("join-submit")}</button>
        </form>
    }
}
