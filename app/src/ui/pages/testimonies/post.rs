//! Posting a testimony: the story in three parts, consent for each place it may be shown,
//! an optional recording, and where to find help first.

use super::*;

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
pub(super) fn story_fields(flash: &PageFlash, form: &str, prefix: &str) -> impl IntoView + use<> {
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
pub(super) fn consent_boxes(i18n: I18n, consent: Consent) -> impl IntoView + use<> {
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
pub(super) fn TestimonyFormView(page: TestimonyFormPage) -> impl IntoView {
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
        .map(|college| {
            let key = college.key.as_str().to_owned();
            let name = crate::ui::components::college_name(i18n, college);
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
        <PageHeader
            tab=i18n.text("testimony-new-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="review"
            heading=Label::Interface(i18n.text("testimony-new-title"))
        />
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
pub(super) fn linked_select(
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
pub(super) fn page_assembly() -> String {
    leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("assemblee")
        .unwrap_or_default()
}

/// A recorded message instead of writing: a file field (phones offer their recorder), and
/// the recorder's buttons, hidden until `recorder.js` finds a microphone API to drive
/// them. Its words travel in `data-` attributes, translated here.
pub(super) fn audio_fields(i18n: I18n, flash: &PageFlash) -> impl IntoView + use<> {
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
