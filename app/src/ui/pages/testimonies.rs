//! Testimonies, for the people who tell them: `/{slug}/temoignages/nouveau`, a guided form
//! (what happened, what helped, what should change) beside a calm panel of help; and
//! `/{slug}/temoignages/suivi`, where its author, having opened their private link, follows
//! it, changes who may see it, edits it when asked, or withdraws it. Plain forms throughout.

use super::loaded;
use crate::api::{
    ActOnTestimony, DeleteTestimony, ModerateTestimony, PageFlash, PostTestimony, ShowTestimony,
    TestimoniesPage, TestimonyAudio, TestimonyFormPage, TestimonyLinkPage, TestimonyScreenPage,
    load_testimonies, load_testimony_form, load_testimony_link, load_testimony_screen,
};
use crate::domain::testimony::{
    Consent, NOTE_MAX, PART_MAX, PSEUDONYM_MAX, Review, Story, Testimony,
};
use crate::ui::components::{FieldKind, FormField, Picto, ReadAloud, ScreenRefresh};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The crisis numbers again, calmly, inside the page (the header's links are on every
/// page; this says it in words, before posting and after). `prominent` when the text
/// suggested acute distress: first on the page, said more directly. `local`: the council's
/// own resources (its settings), after the national numbers.
pub(super) fn help_panel(i18n: I18n, prominent: bool, local: &[String]) -> impl IntoView + use<> {
    let numbers = [
        ("3114", "tel:3114", "crisis-3114"),
        ("15", "tel:15", "crisis-15"),
        ("112", "tel:112", "crisis-112"),
        ("114", "sms:114", "crisis-114"),
    ];
    let (class, title, intro) = if prominent {
        (
            "card help-panel help-panel-prominent",
            "testimony-help-prominent-title",
            "testimony-help-prominent",
        )
    } else {
        ("card help-panel", "testimony-help-title", "testimony-help")
    };
    view! {
        <section class=class aria-labelledby="help-title">
            <h2 id="help-title">
                <Picto name="crisis"/>
                {i18n.t(title)}
            </h2>
            <p>{i18n.t(intro)}</p>
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
            {(!local.is_empty()).then(|| view! {
                <h3>{i18n.t("testimony-help-local")}</h3>
                <ul class="local-help" lang="fr">
                    {local.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// `/{slug}/temoignages/nouveau`
#[component]
pub fn TestimonyFormRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimony_form,
    );
    loaded(page, |page| view! { <TestimonyFormView page/> }.into_any())
}

/// The three parts of the story as form fields, given back as typed after a refusal.
fn story_fields(flash: &PageFlash, form: &str, prefix: &str) -> impl IntoView + use<> {
    let field = |name: &'static str, label: &'static str, hint: &'static str| {
        view! {
            <FormField
                id=format!("{prefix}-{name}")
                name=name
                label=label
                hint=hint
                kind=FieldKind::Text
                value=flash.value(form, name, "")
                max_length=PART_MAX
                error=flash.error(form, name)
            />
        }
    };
    view! {
        {field("happened", "testimony-happened", "testimony-happened-hint")}
        {field("helped", "testimony-helped", "testimony-helped-hint")}
        {field("change", "testimony-change", "testimony-change-hint")}
    }
}

/// The three consents as boxes, ticked as `consent` says.
fn consent_boxes(i18n: I18n, consent: Consent) -> impl IntoView + use<> {
    let tick = |name: &'static str, label: &'static str, checked: bool| {
        let id = format!("consent-{name}");
        view! {
            <p class="choice">
                <input type="checkbox" id=id.clone() name=name value="on" checked=checked/>
                <label for=id>{i18n.t(label)}</label>
            </p>
        }
    };
    view! {
        <fieldset class="consent">
            <legend>{i18n.t("testimony-consent")}</legend>
            <p class="hint">{i18n.t("testimony-consent-hint")}</p>
            {tick("public", "testimony-consent-public", consent.public)}
            {tick("projector", "testimony-consent-projector", consent.projector)}
            {tick("report", "testimony-consent-report", consent.report)}
        </fieldset>
    }
}

#[component]
fn TestimonyFormView(page: TestimonyFormPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let TestimonyFormPage {
        council_slug,
        council_name,
        colleges,
        findings,
        assemblies,
        local_help,
        flash,
    } = page;
    let chosen_college = flash.value("testimony", "college", "");
    let college_options = colleges
        .into_iter()
        .map(|(key, label)| {
            let name = label.unwrap_or_else(|| i18n.text(&format!("college-{key}")));
            view! { <option value=key.clone() selected=chosen_college == key>{name}</option> }
        })
        .collect_view();
    let findings = findings
        .into_iter()
        .map(|(id, title)| (id, title.pick(easy).to_owned()))
        .collect();
    let ticked = |name: &str| !flash.value("testimony", name, "").is_empty();
    let consent = Consent {
        public: ticked("public"),
        projector: ticked("projector"),
        report: ticked("report"),
    };
    view! {
        <Title text=i18n.text("testimony-new-title")/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}")>
                <span lang="fr">{council_name}</span>
            </A>
        </p>
        <h1>
            <Picto name="review"/>
            {i18n.t("testimony-new-title")}
        </h1>
        <p class="lead">{i18n.t("testimony-new-intro")}</p>
        {help_panel(i18n, false, &local_help)}
        {form_refusal(i18n, &flash, "testimony")}
        <form
            method="post"
            action=PostTestimony::url()
            enctype="multipart/form-data"
            class="stacked-form testimony-form"
        >
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <p class="hint">{i18n.t("testimony-parts-hint")}</p>
            {story_fields(&flash, "testimony", "testimony")}
            {audio_fields(i18n, &flash)}
            <FormField
                id="testimony-pseudonym".to_owned()
                name="pseudonym"
                label="testimony-pseudonym"
                hint="testimony-pseudonym-hint"
                kind=FieldKind::Line
                value=flash.value("testimony", "pseudonym", "")
                max_length=PSEUDONYM_MAX
                error=flash.error("testimony", "pseudonym")
            />
            <p>
                <label for="testimony-college">{i18n.t("testimony-college")}</label>
            </p>
            <select id="testimony-college" name="college">
                <option value="">{i18n.t("testimony-college-none")}</option>
                {college_options}
            </select>
            {linked_select(i18n, &flash, "finding", findings, String::new())}
            {linked_select(i18n, &flash, "assembly", assemblies, page_assembly())}
            {consent_boxes(i18n, consent)}
            <p class="hint">{i18n.t("testimony-moderated")}</p>
            <button type="submit" class="button">
                <Picto name="done"/>
                {i18n.t("testimony-send")}
            </button>
        </form>
        // Only this page records: the recorder is a small module of its own, not part of
        // the wasm every page loads (see docs/testimony.md).
        <script type="module" src="/js/recorder.js"></script>
    }
}

/// What a testimony speaks to, `name` "finding" or "assembly": a list of the council's
/// (id, title), or none; the choice given back after a refusal, else `chosen`.
fn linked_select(
    i18n: I18n,
    flash: &PageFlash,
    name: &'static str,
    choices: Vec<(i64, String)>,
    chosen: String,
) -> impl IntoView + use<> {
    let chosen = flash.value("testimony", name, &chosen);
    let id = format!("testimony-{name}");
    let (label, none) = match name {
        "finding" => ("testimony-finding", "testimony-finding-none"),
        _ => ("testimony-assembly", "testimony-assembly-none"),
    };
    let options = choices
        .into_iter()
        .map(|(value, title)| {
            let value = value.to_string();
            view! {
                <option value=value.clone() selected=chosen == value lang="fr">
                    {title}
                </option>
            }
        })
        .collect_view();
    view! {
        <p>
            <label for=id.clone()>{i18n.t(label)}</label>
        </p>
        {flash.error("testimony", name).map(|message| view! {
            <p class="field-error" tabindex="-1" autofocus>{i18n.text(&message)}</p>
        })}
        <select id=id name=name>
            <option value="">{i18n.t(none)}</option>
            {options}
        </select>
    }
}

/// The assembly a "testify" link came from (`?assemblee=ID`), to choose it already.
fn page_assembly() -> String {
    leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("assemblee")
        .unwrap_or_default()
}

/// A recorded message instead of writing: a file field (phones offer their recorder), and
/// the recorder's buttons, hidden until `recorder.js` finds a microphone API to drive
/// them. Its words travel in `data-` attributes, translated here.
fn audio_fields(i18n: I18n, flash: &PageFlash) -> impl IntoView + use<> {
    view! {
        <fieldset class="audio-message">
            <legend>
                <Picto name="speak"/>
                {i18n.t("testimony-audio-title")}
            </legend>
            <p class="hint">{i18n.t("testimony-audio-hint")}</p>
            <div
                id="testimony-recorder"
                class="recorder"
                hidden
                data-max-seconds=crate::domain::testimony::AUDIO_MAX_SECONDS.to_string()
                data-recording=i18n.text("testimony-recording")
                data-recorded=i18n.text("testimony-recorded")
                data-denied=i18n.text("testimony-record-denied")
                data-again=i18n.text("testimony-record-again")
            >
                <button type="button" class="button button-quiet" data-record="start">
                    {i18n.t("testimony-record-start")}
                </button>
                <button type="button" class="button" data-record="stop" hidden>
                    {i18n.t("testimony-record-stop")}
                </button>
                <p role="status" class="recorder-status"></p>
                <audio controls hidden></audio>
            </div>
            <FormField
                id="testimony-audio".to_owned()
                name="audio"
                label="testimony-audio-file"
                hint="testimony-audio-file-hint"
                kind=FieldKind::Audio
                value=String::new()
                error=flash.error("testimony", "audio")
            />
        </fieldset>
    }
}

/// `/{slug}/temoignages/suivi`: the testimony whose private link this browser opened (the
/// server keeps its token in a cookie; see `api::testimonies::PRIVATE_LINK_COOKIE`).
#[component]
pub fn TestimonyLinkRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimony_link,
    );
    loaded(page, |page| view! { <TestimonyLinkView page/> }.into_any())
}

fn review_label(review: Review) -> &'static str {
    match review {
        Review::Pending => "testimony-review-pending",
        Review::ChangesAsked => "testimony-review-changes-asked",
        Review::Approved => "testimony-review-approved",
        Review::Rejected => "testimony-review-rejected",
    }
}

/// The author's own testimony, part by part (only the parts written).
pub(super) fn story_view(i18n: I18n, story: &Story) -> impl IntoView + use<> {
    let parts = story
        .parts()
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(name, text)| {
            let label = match name {
                "happened" => "testimony-happened",
                "helped" => "testimony-helped",
                _ => "testimony-change",
            };
            view! {
                <h3>{i18n.t(label)}</h3>
                <p class="testimony-text" lang="fr">{text.to_owned()}</p>
            }
        })
        .collect_view();
    view! { <div class="testimony-story">{parts}</div> }
}

#[component]
fn TestimonyLinkView(page: TestimonyLinkPage) -> impl IntoView {
    let i18n = use_i18n();
    let TestimonyLinkPage {
        council_slug,
        council_name,
        link,
        testimony,
        distress,
        local_help,
        flash,
    } = page;
    let just_posted = flash.notice.as_deref() == Some("saved-testimony-posted");
    let action = ActOnTestimony::url();
    let hidden = {
        let slug = council_slug.clone();
        move || view! { <input type="hidden" name="slug" value=slug.clone()/> }
    };
    let keep = just_posted.then(|| {
        view! {
            <section class="card receipt" aria-labelledby="keep-title">
                <h2 id="keep-title">
                    <Picto name="done"/>
                    {i18n.t("testimony-posted-title")}
                </h2>
                <p>{i18n.t("testimony-posted-keep")}</p>
                <p class="private-link">
                    <code>{link.clone()}</code>
                </p>
                <p>{i18n.t("testimony-posted-once")}</p>
            </section>
        }
    });
    let note = testimony.moderator_note.clone().map(|text| {
        view! {
            <div class="notice">
                <p>{i18n.t("testimony-note-from-team")}</p>
                <p lang="fr">{text}</p>
            </div>
        }
    });
    let edit = (testimony.review == Review::ChangesAsked).then(|| {
        // The current text, unless a refused edit gave back what was typed.
        let mut echo = flash.clone();
        if echo.refusal("author").is_none() {
            echo.refused = Some(crate::api::FormEcho::new(
                "author",
                None,
                "",
                &[
                    ("happened", &testimony.story.happened),
                    ("helped", &testimony.story.helped),
                    ("change", &testimony.story.change),
                ],
            ));
        }
        view! {
            <section class="card" aria-labelledby="edit-title">
                <h2 id="edit-title">{i18n.t("testimony-edit-title")}</h2>
                <form method="post" action=action class="stacked-form">
                    {hidden()}
                    <input type="hidden" name="action" value="edit"/>
                    {story_fields(&echo, "author", "edit")}
                    <button type="submit" class="button">{i18n.t("testimony-edit-send")}</button>
                </form>
            </section>
        }
    });
    view! {
        <Title text=i18n.text("testimony-link-title")/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}")>
                <span lang="fr">{council_name}</span>
            </A>
        </p>
        {distress.then(|| help_panel(i18n, true, &local_help))}
        <h1>{i18n.t("testimony-link-title")}</h1>
        {(!just_posted).then(|| notice(i18n, &flash))}
        {form_refusal(i18n, &flash, "author")}
        {keep}
        <p class="tag">{i18n.t(review_label(testimony.review))}</p>
        {note}
        {testimony.audio.is_some().then(|| view! { <p class="notice">{i18n.t("testimony-audio-received")}</p> })}
        {story_view(i18n, &testimony.story)}
        {edit}
        <section class="card" aria-labelledby="consent-title">
            <h2 id="consent-title">{i18n.t("testimony-consent-title")}</h2>
            <form method="post" action=action class="stacked-form">
                {hidden()}
                <input type="hidden" name="action" value="consent"/>
                {consent_boxes(i18n, testimony.consent)}
                <button type="submit" class="button button-quiet">
                    {i18n.t("testimony-consent-save")}
                </button>
            </form>
        </section>
        <section class="card" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{i18n.t("testimony-withdraw-title")}</h2>
            <p>{i18n.t("testimony-withdraw-how")}</p>
            <form method="post" action=action class="stacked-form">
                {hidden()}
                <input type="hidden" name="action" value="withdraw"/>
                <button type="submit" class="button button-danger">
                    {i18n.t("testimony-withdraw")}
                </button>
            </form>
        </section>
        {(!distress).then(|| help_panel(i18n, false, &local_help))}
    }
}

/// For a facilitator: the testimonies whose authors accept the projector, each with a
/// button to show it (the one on screen marked), and one to empty the screen. From an
/// assembly's console (`assembly`), that assembly's testimonies come first and each
/// decision leads back to the console.
pub(super) fn screen_chooser(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    colleges: &[(String, Option<String>)],
    allowed: &[Testimony],
    current: Option<i64>,
    assembly: Option<i64>,
) -> impl IntoView + use<> {
    let show = |id: Option<i64>, label: String, quiet: bool| {
        view! {
            <form method="post" action=ShowTestimony::url() class="inline-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="id" value=id.map(|id| id.to_string()).unwrap_or_default()/>
                <input type="hidden" name="from" value=assembly.map(|id| id.to_string()).unwrap_or_default()/>
                <button type="submit" class=if quiet { "button button-quiet" } else { "button" }>
                    {label}
                </button>
            </form>
        }
    };
    let mut ordered: Vec<&Testimony> = allowed.iter().collect();
    if let Some(assembly) = assembly {
        ordered.sort_by_key(|t| t.assembly_id != Some(assembly));
    }
    let items = ordered
        .into_iter()
        .map(|t| {
            let on = current == Some(t.id);
            let about_here = assembly.is_some() && t.assembly_id == assembly;
            let first = t
                .story
                .parts()
                .into_iter()
                .map(|(_, text)| text)
                .find(|text| !text.is_empty())
                .unwrap_or_default()
                .chars()
                .take(120)
                .collect::<String>();
            view! {
                <li class="card">
                    <p>
                        <strong>{byline(i18n, t, colleges)}</strong>
                        {about_here.then(|| view! { " " <span class="tag">{i18n.t("testimony-about-assembly")}</span> })}
                        {on.then(|| view! { " " <span class="tag">{i18n.t("testimony-on-screen")}</span> })}
                    </p>
                    <p lang="fr">{first}"…"</p>
                    {(!on).then(|| show(Some(t.id), i18n.text("testimony-show"), false))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ecran-title">
            <h2 id="ecran-title" tabindex="-1">{i18n.t("testimony-screen-title")}</h2>
            {form_refusal(i18n, flash, "screen")}
            <p>
                {i18n.t("testimony-screen-how")} " "
                <A href=format!("/{slug}/temoignages/ecran")>{i18n.t("testimony-screen-open")}</A>
            </p>
            {if allowed.is_empty() {
                view! { <p>{i18n.t("testimony-screen-none")}</p> }.into_any()
            } else {
                view! { <ul class="survey-questions">{items}</ul> }.into_any()
            }}
            {current.map(|_| show(None, i18n.text("testimony-screen-clear"), true))}
        </section>
    }
}

/// `/{slug}/temoignages`: the wall, and for moderators the queue.
#[component]
pub fn TestimoniesRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimonies,
    );
    loaded(page, |page| view! { <TestimoniesView page/> }.into_any())
}

/// Who told it and when, as far as they said: pseudonym (or anonymous), college, month.
fn byline(i18n: I18n, testimony: &Testimony, colleges: &[(String, Option<String>)]) -> String {
    let who = testimony
        .pseudonym
        .clone()
        .unwrap_or_else(|| i18n.text("testimony-anonymous"));
    let college = testimony.college.as_ref().map(|key| {
        colleges
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, label)| label.clone())
            .unwrap_or_else(|| i18n.text(&format!("college-{key}")))
    });
    let (year, month) = testimony.posted;
    let when = format!("{} {year}", i18n.text(&format!("month-{month}")));
    [Some(who), college, Some(when)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One published testimony: a content warning keeps it folded until the reader opens it
/// (a `<details>`: no script); in easy-read, the moderator's summary comes first.
fn wall_item(
    i18n: I18n,
    testimony: &Testimony,
    colleges: &[(String, Option<String>)],
    easy: bool,
    // Its place on the wall, to name it to a screen reader (the id is random).
    position: usize,
) -> impl IntoView + use<> {
    // "Listen" reads what is shown: the easy summary, else the story, and a story behind a
    // content warning only once the reader has opened it.
    let anchor = format!("temoignage-{}", testimony.id);
    let about = i18n.with("testimony-numbered", &[("n", &position.to_string())]);
    let (story_id, summary_id) = (format!("{anchor}-texte"), format!("{anchor}-resume"));
    let story = view! {
        <div id=story_id.clone()>{story_view(i18n, &testimony.story)}</div>
    };
    let listen = |read: &str| view! { <ReadAloud read=read.to_owned() about=about.clone()/> };
    let summary = testimony.easy_summary.clone().filter(|_| easy).map(|text| {
        view! {
            <p class="lead" lang="fr" id=summary_id.clone()>{text}</p>
            {listen(&summary_id)}
        }
    });
    let body = match (&testimony.content_warning, summary.is_some()) {
        (Some(warning), _) => view! {
            <details>
                <summary>
                    {i18n.t("testimony-warning")} " " <span lang="fr">{warning.clone()}</span>
                    " — " {i18n.t("testimony-open")}
                </summary>
                {listen(&story_id)}
                {story}
            </details>
        }
        .into_any(),
        (None, true) => view! {
            <details>
                <summary>{i18n.t("testimony-read-all")}</summary>
                {story}
            </details>
        }
        .into_any(),
        (None, false) => view! {
            {listen(&story_id)}
            {story}
        }
        .into_any(),
    };
    view! {
        <article class="card testimony" id=anchor>
            <p class="byline">{byline(i18n, testimony, colleges)}</p>
            {summary}
            {body}
        </article>
    }
}

/// A testimony waiting for a moderator, with the decisions.
fn queue_item(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    testimony: &Testimony,
    distress: bool,
    colleges: &[(String, Option<String>)],
) -> impl IntoView + use<> {
    let id = testimony.id;
    let form = format!("moderate-{id}");
    // What a refusal or a redaction gave back, else the testimony as it is.
    let mut echo = flash.clone();
    if echo.refusal(&form).is_none() {
        echo.refused = Some(crate::api::FormEcho::new(
            &form,
            None,
            "",
            &[
                ("happened", &testimony.story.happened),
                ("helped", &testimony.story.helped),
                ("change", &testimony.story.change),
            ],
        ));
    }
    let redacted = flash.error(&form, crate::api::REDACTED_FIELD).is_some();
    // The easy summary's readability, once one is written and given back (by "redact");
    // without one, a flag: once approved, the testimony can no longer be given one.
    let summary = echo.value(&form, "summary", "");
    let easy_missing = summary
        .trim()
        .is_empty()
        .then(|| view! { <p class="tag easy-missing">{i18n.t("easy-missing")}</p> });
    let field = |name: &'static str, label: &'static str, kind: FieldKind, max: usize| {
        view! {
            <FormField
                id=format!("m{id}-{name}")
                name=name
                label=label
                kind=kind
                value=echo.value(&form, name, "")
                max_length=max
                error=echo.error(&form, name)
                measured=name == "summary"
            />
        }
    };
    view! {
        <article class="card" id=format!("temoignage-{id}") tabindex="-1">
            <h3>{byline(i18n, testimony, colleges)}</h3>
            <p class="tag">{i18n.t(review_label(testimony.review))}</p>
            {distress.then(|| view! { <p class="notice">{i18n.t("testimony-distress-flag")}</p> })}
            {redacted.then(|| view! { <p class="notice" role="status" tabindex="-1" autofocus>{i18n.t("testimony-redacted")}</p> })}
            {testimony.audio.map(|_| {
                let source = format!("{}?slug={slug}&id={id}", TestimonyAudio::url());
                view! {
                    <div class="audio-message">
                        <p>
                            <Picto name="speak"/>
                            {i18n.t("testimony-audio-listen")}
                        </p>
                        <audio controls preload="none" src=source.clone()></audio>
                        <p class="hint">{i18n.t("testimony-audio-transcribe")}</p>
                        <p>
                            <a href=source download="">{i18n.t("testimony-audio-download")}</a>
                        </p>
                    </div>
                }
            })}
            <form method="post" action=ModerateTestimony::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="id" value=id.to_string()/>
                {field("happened", "testimony-happened", FieldKind::Text, PART_MAX)}
                {field("helped", "testimony-helped", FieldKind::Text, PART_MAX)}
                {field("change", "testimony-change", FieldKind::Text, PART_MAX)}
                <FormField
                    id=format!("m{id}-names")
                    name="names"
                    label="testimony-names"
                    hint="testimony-names-hint"
                    kind=FieldKind::Line
                    value=echo.value(&form, "names", "")
                    error=None
                />
                <button type="submit" name="decision" value="redact" class="button button-quiet">
                    {i18n.t("testimony-redact")}
                </button>
                {field("warning", "testimony-warning-field", FieldKind::Line, NOTE_MAX)}
                {field("summary", "testimony-summary-field", FieldKind::Text, NOTE_MAX)}
                {easy_missing}
                <div class="actions">
                    <button type="submit" name="decision" value="approve" class="button">
                        {i18n.t("testimony-approve")}
                    </button>
                </div>
                {field("note", "testimony-note-field", FieldKind::Text, NOTE_MAX)}
                <div class="actions">
                    <button type="submit" name="decision" value="ask" class="button button-quiet">
                        {i18n.t("testimony-ask")}
                    </button>
                    <button type="submit" name="decision" value="reject" class="button button-quiet">
                        {i18n.t("testimony-reject")}
                    </button>
                </div>
            </form>
        </article>
    }
}

/// A testimony already decided, for a moderator: who, its review, and a form to delete it
/// for good (a box to tick first: the browser and the server both ask for it).
fn decided_item(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    testimony: &Testimony,
    colleges: &[(String, Option<String>)],
) -> impl IntoView + use<> {
    let id = testimony.id;
    let form = format!("delete-{id}");
    let error = flash.error(&form, "confirm");
    let (box_id, error_id) = (format!("supprimer-{id}"), format!("supprimer-{id}-erreur"));
    let described = error.is_some().then(|| error_id.clone());
    view! {
        <li class="card decided">
            <p class="byline">{byline(i18n, testimony, colleges)}</p>
            <p class="tag">{i18n.t(review_label(testimony.review))}</p>
            <form method="post" action=DeleteTestimony::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="id" value=id.to_string()/>
                <p class="choice" class:field-invalid=error.is_some()>
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        name="confirm"
                        value="on"
                        required
                        aria-describedby=described
                        aria-invalid=error.is_some().then_some("true")
                        autofocus=error.is_some()
                    />
                    <label for=box_id>{i18n.t("testimony-delete-confirm")}</label>
                </p>
                {error.map(|message| view! {
                    <p class="field-error" id=error_id>{i18n.text(&message)}</p>
                })}
                <button type="submit" class="button button-danger">
                    {i18n.t("testimony-delete")}
                </button>
            </form>
        </li>
    }
}

#[component]
fn TestimoniesView(page: TestimoniesPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let TestimoniesPage {
        council_slug,
        council_name,
        colleges,
        wall,
        queue,
        can_export,
        screen,
        decided,
        flash,
    } = page;
    let screen_view = screen.map(|(allowed, current)| {
        screen_chooser(
            i18n,
            &flash,
            &council_slug,
            &colleges,
            &allowed,
            current,
            None,
        )
    });
    let export = can_export.then(|| {
        view! {
            <p>
                <a href=format!("/api/testimonies_report_csv?slug={council_slug}") download>
                    {i18n.t("testimony-report-download")}
                </a>
            </p>
        }
    });
    let wall_view = if wall.is_empty() {
        view! { <p>{i18n.t("testimony-wall-empty")}</p> }.into_any()
    } else {
        wall.iter()
            .enumerate()
            .map(|(n, t)| wall_item(i18n, t, &colleges, easy, n + 1))
            .collect_view()
            .into_any()
    };
    let queue_view = queue.map(|queue| {
        let items = if queue.is_empty() {
            view! { <p>{i18n.t("testimony-queue-empty")}</p> }.into_any()
        } else {
            queue
                .iter()
                .map(|(t, distress)| {
                    queue_item(i18n, &flash, &council_slug, t, *distress, &colleges)
                })
                .collect_view()
                .into_any()
        };
        view! {
            <section aria-labelledby="queue-title">
                <h2 id="queue-title">{i18n.t("testimony-queue-title")}</h2>
                <p>{i18n.t("testimony-queue-how")}</p>
                {items}
            </section>
        }
    });
    let decided_view = decided.map(|decided| {
        let items = if decided.is_empty() {
            view! { <p>{i18n.t("testimony-decided-empty")}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {decided
                        .iter()
                        .map(|t| decided_item(i18n, &flash, &council_slug, t, &colleges))
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <section aria-labelledby="decides-title">
                <h2 id="decides-title">{i18n.t("testimony-decided-title")}</h2>
                <p>{i18n.t("testimony-decided-how")}</p>
                {items}
            </section>
        }
    });
    view! {
        <Title text=i18n.text("testimony-wall-title")/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}")>
                <span lang="fr">{council_name}</span>
            </A>
        </p>
        <h1>
            <Picto name="review"/>
            {i18n.t("testimony-wall-title")}
        </h1>
        {notice(i18n, &flash)}
        <p>
            <A href=format!("/{council_slug}/temoignages/nouveau") attr:class="button">
                {i18n.t("testimony-new-title")}
            </A>
        </p>
        {queue_view}
        {screen_view}
        {export}
        <section aria-labelledby="wall-title">
            <h2 id="wall-title">{i18n.t("testimony-wall-published")}</h2>
            {wall_view}
        </section>
        {decided_view}
    }
}

/// `/{slug}/temoignages/ecran`: the testimony a facilitator chose, in large text, for the
/// projector of a plenary; it reloads itself every 10 seconds (`ScreenRefresh`), so a new
/// choice, a consent taken back or a withdrawal shows without anyone touching it.
#[component]
pub fn TestimonyScreenRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_testimony_screen,
    );
    loaded(page, |page| {
        view! { <TestimonyScreenView page/> }.into_any()
    })
}

#[component]
fn TestimonyScreenView(page: TestimonyScreenPage) -> impl IntoView {
    let i18n = use_i18n();
    let TestimonyScreenPage {
        council_name,
        colleges,
        testimony,
    } = page;
    let body = match testimony {
        Some(t) => view! {
            <article class="testimony">
                <p class="byline">{byline(i18n, &t, &colleges)}</p>
                {t.content_warning.clone().map(|warning| view! {
                    <p class="notice">{i18n.t("testimony-warning")} " " <span lang="fr">{warning}</span></p>
                })}
                {story_view(i18n, &t.story)}
            </article>
        }
        .into_any(),
        None => view! { <p class="lead">{i18n.t("testimony-screen-empty")}</p> }.into_any(),
    };
    view! {
        <Title text=i18n.text("testimony-screen-title")/>
        <ScreenRefresh seconds=10/>
        <div class="projector">
            <h1>
                {i18n.t("testimony-wall-title")} " — " <span lang="fr">{council_name}</span>
            </h1>
            {body}
        </div>
    }
}
