//! `/{slug}/bilan/{year}/modifier`: the coordinator completes the year's report — the
//! comments (partnerships, difficulties, plans; each with its easy-read version) and the
//! indicators chosen for the year (a count Agora computes, or a value with its source).

use super::*;
use crate::api::{AddIndicator, RemoveIndicator, SaveReportTexts, load_report_editor};
use crate::domain::report::{SOURCE_MAX, VALUE_MAX};
use crate::domain::{LONG_TEXT_MAX, TITLE_MAX};
use crate::ui::components::{FieldKind, FormField, SelectField, form_refusal};

#[component]
pub fn ReportEditRoute() -> impl IntoView {
    let page = Resource::new(slug_and_year(), |(slug, year)| {
        load_report_editor(slug, year)
    });
    loaded(page, |page| view! { <ReportEditView page/> }.into_any())
}

#[component]
fn ReportEditView(page: ReportPage) -> impl IntoView {
    let i18n = use_i18n();
    let slug = page.council_slug.clone();
    let year = page.year.to_string();
    let flash = page.flash.clone();
    let texts = &page.texts;
    let text_value = |name: &str, current: &str| flash.value("texts", name, current);
    let text_error = |name: &str| flash.error("texts", name);
    let pair = |id: &'static str, label: &'static str, plain: &crate::domain::Wording| {
        let easy_name: &'static str = match id {
            "partnerships" => "partnerships_easy",
            "difficulties" => "difficulties_easy",
            _ => "plans_easy",
        };
        view! {
            <fieldset class="report-text">
                <legend>{i18n.t(label)}</legend>
                <FormField
                    id=format!("report-{id}")
                    name=id
                    label="report-plain-version"
                    kind=FieldKind::Text
                    value=text_value(id, &plain.plain)
                    max_length=LONG_TEXT_MAX
                    error=text_error(id)
                />
                <FormField
                    id=format!("report-{id}-easy")
                    name=easy_name
                    label="report-easy-version"
                    kind=FieldKind::Text
                    value=text_value(easy_name, &plain.easy)
                    max_length=LONG_TEXT_MAX
                    error=text_error(easy_name)
                    measured=true
                />
            </fieldset>
        }
    };
    let indicator_value = |name: &str| flash.value("indicator", name, "");
    let indicator_error = |name: &str| flash.error("indicator", name);
    let mut metrics = vec![(String::new(), i18n.text("indicator-metric-none"))];
    metrics.extend(
        Metric::ALL
            .into_iter()
            .map(|metric| (metric.key().to_owned(), i18n.text(&metric_message(metric)))),
    );
    let held = page
        .indicators
        .iter()
        .map(|line| {
            let fields = &line.indicator.fields;
            let label = fields.label.plain.clone();
            let named = i18n.with("indicator-remove-named", &[("label", &label)]);
            view! {
                <li class="indicator-held">
                    <span lang="fr">{label}</span>
                    " : "
                    <strong>{line.value.clone()}</strong>
                    <form method="post" action=RemoveIndicator::url() class="inline-form">
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="year" value=year.clone()/>
                        <input type="hidden" name="indicator" value=line.indicator.id.to_string()/>
                        <button type="submit" class="button button-quiet" aria-label=named>
                            {i18n.t("indicator-remove")}
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let heading = i18n.with("report-edit-title", &[("year", &year)]);
    let report_href = format!("/{slug}/bilan/{year}");
    view! {
        <PageHeader
            tab=heading.clone()
            crumbs=vec![
                Crumb::council(&page.council_slug, page.council_name.clone()),
                Crumb::new(
                    report_href.clone(),
                    Label::Interface(i18n.with("report-title", &[("year", &year)])),
                ),
            ]
            picto="results"
            heading=Label::Interface(heading)
            about=page.council_name.clone()
            flash=flash.clone()
        />
        <p class="lead">{i18n.t("report-edit-intro")}</p>
        <p><a href=report_href>{i18n.t("report-back")}</a></p>
        <section aria-labelledby="texts-title" id="texts">
            <h2 id="texts-title">{i18n.t("report-texts-title")}</h2>
            <p>{i18n.t("report-texts-hint")}</p>
            {form_refusal(i18n, &flash, "texts")}
            <form method="post" action=SaveReportTexts::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.clone()/>
                <input type="hidden" name="year" value=year.clone()/>
                {pair("partnerships", "report-partnerships", &texts.partnerships)}
                {pair("difficulties", "report-difficulties", &texts.difficulties)}
                {pair("plans", "report-plans", &texts.plans)}
                <p>
                    <button type="submit" class="button">{i18n.t("report-texts-submit")}</button>
                </p>
            </form>
        </section>
        <section aria-labelledby="indicators-title" id="indicators">
            <h2 id="indicators-title">{i18n.t("report-indicators")}</h2>
            <ul class="report-list">{held}</ul>
            <h3>{i18n.t("indicator-add-title")}</h3>
            {form_refusal(i18n, &flash, "indicator")}
            <form method="post" action=AddIndicator::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.clone()/>
                <input type="hidden" name="year" value=year.clone()/>
                <FormField
                    id="indicator-label".to_owned()
                    name="label"
                    label="indicator-label"
                    kind=FieldKind::Line
                    value=indicator_value("label")
                    required=true
                    max_length=TITLE_MAX
                    error=indicator_error("label")
                />
                <FormField
                    id="indicator-label-easy".to_owned()
                    name="label_easy"
                    label="indicator-label-easy"
                    kind=FieldKind::Line
                    value=indicator_value("label_easy")
                    max_length=TITLE_MAX
                    error=indicator_error("label_easy")
                />
                <SelectField
                    id="indicator-metric".to_owned()
                    name="metric"
                    label="indicator-metric"
                    options=metrics
                    value=indicator_value("metric")
                    error=indicator_error("metric")
                />
                <FormField
                    id="indicator-value".to_owned()
                    name="value"
                    label="indicator-value"
                    hint="indicator-value-hint"
                    kind=FieldKind::Line
                    value=indicator_value("value")
                    max_length=VALUE_MAX
                    error=indicator_error("value")
                />
                <FormField
                    id="indicator-source".to_owned()
                    name="source"
                    label="indicator-source"
                    kind=FieldKind::Line
                    value=indicator_value("source")
                    max_length=SOURCE_MAX
                    error=indicator_error("source")
                />
                <FormField
                    id="indicator-target".to_owned()
                    name="target"
                    label="indicator-target"
                    kind=FieldKind::Line
                    value=indicator_value("target")
                    max_length=VALUE_MAX
                    error=indicator_error("target")
                />
                <p>
                    <button type="submit" class="button">{i18n.t("indicator-add")}</button>
                </p>
            </form>
        </section>
    }
}
