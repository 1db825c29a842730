//! The objectives section of the diagnosis editor: a preset to start from, then each
//! objective renamed (with its easy-read name), given a pictogram, moved or removed.

use crate::api::{AddObjective, ApplyObjectivePreset, ChangeObjective, PageFlash};
use crate::domain::{CouncilObjective, OBJECTIVE_LABEL_MAX, ObjectivePreset};
use crate::ui::components::{FieldKind, FormField, objective_name};
use crate::ui::i18n::I18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub(super) fn objectives_section(
    i18n: I18n,
    slug: &str,
    objectives: Vec<CouncilObjective>,
    in_use: &[String],
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let count = objectives.len();
    let presets = ObjectivePreset::ALL
        .into_iter()
        .map(|preset| {
            view! {
                <option value=preset.key()>{i18n.t(preset_message(preset))}</option>
            }
        })
        .collect_view();
    let items = objectives
        .into_iter()
        .enumerate()
        .map(|(n, objective)| {
            let key = objective.key.as_str().to_owned();
            let form = format!("objective-{key}");
            let heading = format!("{form}-name");
            let name = objective_name(i18n, &objective, false);
            let used = in_use.contains(&key);
            let button = |action: &'static str, text: &'static str| {
                view! {
                    <button
                        type="submit"
                        name="action"
                        value=action
                        class="button button-quiet"
                        aria-label=format!("{} : {}", i18n.text(text), name)
                    >
                        {i18n.t(text)}
                    </button>
                }
            };
            let up = (n > 0).then(|| button("up", "agenda-move-up"));
            let down = (n + 1 < count).then(|| button("down", "agenda-move-down"));
            let remove = (!used).then(|| button("remove", "diagnosis-objective-remove"));
            let remove_error = flash.error(&form, "remove").map(|message| {
                view! { <p class="field-error" tabindex="-1" autofocus>{i18n.text(&message)}</p> }
            });
            let picto_now = flash.value(&form, "picto", &objective.picto);
            let pictos = crate::ui::components::picto_options(i18n, &picto_now, false);
            let preset = objective.key.is_preset();
            view! {
                <li id=form.clone() tabindex="-1">
                    <h3 id=heading.clone()>
                        {crate::ui::components::chosen_picto(&objective.picto)}
                        {name.clone()}
                        " "
                        <code>{key.clone()}</code>
                    </h3>
                    {remove_error}
                    <form
                        method="post"
                        action=ChangeObjective::url()
                        class="stacked-form"
                        aria-labelledby=heading
                    >
                        <input type="hidden" name="slug" value=slug.to_owned()/>
                        <input type="hidden" name="objective" value=key.clone()/>
                        <FormField
                            id=format!("{form}-label")
                            name="label"
                            label="diagnosis-objective-label"
                            hint=if preset { "diagnosis-objective-label-preset" } else { "diagnosis-objective-label-hint" }
                            kind=FieldKind::Line
                            value=flash.value(&form, "label", objective.label.as_deref().unwrap_or_default())
                            max_length=OBJECTIVE_LABEL_MAX
                            error=flash.error(&form, "label")
                        />
                        <FormField
                            id=format!("{form}-label-easy")
                            name="label_easy"
                            label="diagnosis-objective-label-easy"
                            hint="diagnosis-objective-label-easy-hint"
                            kind=FieldKind::Line
                            value=flash.value(&form, "label_easy", objective.label_easy.as_deref().unwrap_or_default())
                            max_length=OBJECTIVE_LABEL_MAX
                            error=flash.error(&form, "label_easy")
                        />
                        <p class="field">
                            <label for=format!("{form}-picto")>{i18n.t("diagnosis-objective-picto")}</label>
                            <select id=format!("{form}-picto") name="picto">{pictos}</select>
                        </p>
                        <div class="actions">
                            <button type="submit" name="action" value="save" class="button">
                                {i18n.t("diagnosis-objective-save")}
                            </button>
                            {up}
                            {down}
                            {remove}
                        </div>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="objectives-title">
            <h2 id="objectives-title" tabindex="-1">{i18n.t("diagnosis-objectives-title")}</h2>
            <p>{i18n.t("diagnosis-objectives-why")}</p>
            <form method="post" action=ApplyObjectivePreset::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <p class="field">
                    <label for="objective-preset">{i18n.t("diagnosis-objective-preset")}</label>
                    <span class="hint" id="objective-preset-hint">
                        {i18n.t("diagnosis-objective-preset-hint")}
                    </span>
                    <select id="objective-preset" name="preset" aria-describedby="objective-preset-hint">
                        {presets}
                    </select>
                </p>
                <button type="submit" class="button button-quiet">
                    {i18n.t("diagnosis-objective-preset-apply")}
                </button>
            </form>
            <ol class="settings-colleges">{items}</ol>
            <form method="post" action=AddObjective::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <FormField
                    id="new-objective-label".to_owned()
                    name="label"
                    label="diagnosis-objective-add-label"
                    hint="diagnosis-objective-label-hint"
                    kind=FieldKind::Line
                    value=flash.value("new-objective", "label", "")
                    required=true
                    max_length=OBJECTIVE_LABEL_MAX
                    error=flash.error("new-objective", "label")
                />
                <button type="submit" class="button">{i18n.t("diagnosis-objective-add")}</button>
            </form>
        </section>
    }
}

fn preset_message(preset: ObjectivePreset) -> &'static str {
    match preset {
        ObjectivePreset::National => "objective-preset-national",
        ObjectivePreset::ArsOccitanie => "objective-preset-ars-occitanie",
    }
}
