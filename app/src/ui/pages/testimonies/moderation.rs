//! The staff's testimony page: the queue to moderate, the decided ones, and the choice of
//! the one shown on the room's screen.

use super::*;

/// A testimony waiting for a moderator, with the decisions.
pub(super) fn queue_item(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    testimony: &Testimony,
    distress: bool,
    colleges: &[crate::domain::College],
    page: u64,
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
                <input type="hidden" name="page" value=page.to_string()/>
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
pub(super) fn decided_item(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    testimony: &Testimony,
    colleges: &[crate::domain::College],
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

/// For a facilitator: the testimonies whose authors accept the projector, each with a
/// button to show it (the one on screen marked), and one to empty the screen. From an
/// assembly's console (`assembly`), that assembly's testimonies come first and each
/// decision leads back to the console.
pub(crate) fn screen_chooser(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    colleges: &[crate::domain::College],
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
    // From a plenary's console: the same testimony on the room's own screen.
    let room_show = |assembly: i64, id: i64| {
        view! {
            <form method="post" action=crate::api::ConsoleAction::url() class="inline-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <input type="hidden" name="action" value="show"/>
                <input type="hidden" name="what" value="testimony"/>
                <input type="hidden" name="target" value=id.to_string()/>
                <button type="submit" class="button button-quiet">
                    {i18n.t("console-show-testimony")}
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
                    {assembly.map(|assembly| room_show(assembly, t.id))}
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
