//! The annual report (`/{slug}/bilan/{year}`): public, computed from what happened in the
//! year (`store::report`), completed by the coordinator (texts, indicators) at
//! `/{slug}/bilan/{year}/modifier`; its figures as CSV for a spreadsheet.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use crate::api::sheet::{Csv, CsvFile};
use crate::domain::College;
use crate::domain::Wording;
use crate::domain::action::ActionStatus;
use crate::domain::report::{Activity, Indicator, ParticipationRow, ReportTexts};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An action as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAction {
    pub id: i64,
    pub title: Wording,
    pub status: ActionStatus,
}

/// An indicator with its value for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorLine {
    pub indicator: Indicator,
    /// The computed count, or the value typed.
    pub value: String,
}

/// `/{slug}/bilan/{year}` and its editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPage {
    pub council_slug: String,
    pub council_name: String,
    pub year: i32,
    /// The years a report can be read for: the council's first to this one.
    pub years: Vec<i32>,
    pub activity: Activity,
    pub participation: Vec<ParticipationRow>,
    pub colleges: Vec<College>,
    pub min_group: usize,
    /// Priorities decided in the year: (vote, priority).
    pub priorities: Vec<(String, Wording)>,
    pub actions: Vec<ReportAction>,
    pub texts: ReportTexts,
    pub indicators: Vec<IndicatorLine>,
    /// A coordinator: the page offers to complete the report.
    pub can_edit: bool,
    pub flash: PageFlash,
}

#[server(endpoint = "annual_report")]
pub async fn load_report(slug: String, year: String) -> Result<ReportPage, AppError> {
    let db = super::request::db()?;
    server::page(&db, &slug, &year, false).await
}

/// The same page for the coordinator's forms: texts and indicators.
#[server(endpoint = "annual_report_editor")]
pub async fn load_report_editor(slug: String, year: String) -> Result<ReportPage, AppError> {
    let db = super::request::db()?;
    server::page(&db, &slug, &year, true).await
}

/// The report's figures as CSV: activity, participation per college (as the page shows it),
/// indicators.
#[server(endpoint = "annual_report_csv", input = leptos::server_fn::codec::GetUrl, output = Csv)]
pub async fn annual_report_csv(slug: String, year: String) -> Result<CsvFile, AppError> {
    let db = super::request::db()?;
    let page = server::page(&db, &slug, &year, false).await?;
    let lang = crate::i18n::request_preferences().lang;
    let file =
        server::figures_csv(&page, lang).map_err(|e| AppError::internal("writing CSV", e))?;
    super::request::offer_download(&format!("bilan-{}-{}.csv", page.council_slug, page.year))?;
    Ok(file)
}

/// The coordinator's texts for the year, written whole; a field at fault comes back
/// beside it, nothing stored.
#[server(endpoint = "save_report_texts")]
pub async fn save_report_texts(
    slug: String,
    year: String,
    #[server(default)] partnerships: String,
    #[server(default)] partnerships_easy: String,
    #[server(default)] difficulties: String,
    #[server(default)] difficulties_easy: String,
    #[server(default)] plans: String,
    #[server(default)] plans_easy: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::report::TextsForm;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let year = server::year(&year)?;
    let back = format!("/{slug}/bilan/{year}/modifier");
    let values = [
        ("partnerships", partnerships.as_str()),
        ("partnerships_easy", partnerships_easy.as_str()),
        ("difficulties", difficulties.as_str()),
        ("difficulties_easy", difficulties_easy.as_str()),
        ("plans", plans.as_str()),
        ("plans_easy", plans_easy.as_str()),
    ];
    let checked = ReportTexts::check(&TextsForm {
        partnerships: &partnerships,
        partnerships_easy: &partnerships_easy,
        difficulties: &difficulties,
        difficulties_easy: &difficulties_easy,
        plans: &plans,
        plans_easy: &plans_easy,
    });
    let Some(texts) = super::forms::checked("texts", &values, &back, checked)? else {
        return Ok(());
    };
    crate::store::report::save_texts(&db, call.council.id, year, &texts, Some(call.account_id))
        .await?;
    super::forms::done("saved-report-texts", &back)
}

/// Adds an indicator to the year: a count Agora computes, or a value with its source.
#[server(endpoint = "add_indicator")]
pub async fn add_indicator(
    slug: String,
    year: String,
    #[server(default)] label: String,
    #[server(default)] label_easy: String,
    #[server(default)] metric: String,
    #[server(default)] value: String,
    #[server(default)] source: String,
    #[server(default)] target: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::report::{IndicatorDraft, IndicatorForm};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let year = server::year(&year)?;
    let back = format!("/{slug}/bilan/{year}/modifier#indicators");
    let values = [
        ("label", label.as_str()),
        ("label_easy", label_easy.as_str()),
        ("metric", metric.as_str()),
        ("value", value.as_str()),
        ("source", source.as_str()),
        ("target", target.as_str()),
    ];
    let checked = IndicatorDraft::check(&IndicatorForm {
        label: &label,
        label_easy: &label_easy,
        metric: &metric,
        value: &value,
        source: &source,
        target: &target,
    });
    let Some(draft) = super::forms::checked("indicator", &values, &back, checked)? else {
        return Ok(());
    };
    match crate::store::report::add_indicator(
        &db,
        call.council.id,
        year,
        &draft,
        Some(call.account_id),
    )
    .await
    {
        Ok(_) => super::forms::done("saved-indicator", &back),
        Err(error) => server::refused(error, "indicator", &values, &back),
    }
}

/// Removes one of the year's indicators.
#[server(endpoint = "remove_indicator")]
pub async fn remove_indicator(
    slug: String,
    year: String,
    indicator: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let year = server::year(&year)?;
    let back = format!("/{slug}/bilan/{year}/modifier#indicators");
    let id = super::edge::id(&indicator)?;
    match crate::store::report::remove_indicator(
        &db,
        call.council.id,
        year,
        id,
        Some(call.account_id),
    )
    .await
    {
        Ok(()) => super::forms::done("saved-indicator-removed", &back),
        Err(error) => server::refused(error, "indicator", &[], &back),
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{IndicatorLine, ReportAction, ReportPage};
    use crate::api::AppError;
    use crate::api::sheet::{CsvFile, Sheet};
    use crate::domain::Lang;
    use crate::domain::report::{IndicatorValue, NOT_SAID, parse_year};
    use crate::store::report::ReportError;
    use sea_orm::DatabaseConnection;

    pub fn year(raw: &str) -> Result<i32, AppError> {
        parse_year(raw).ok_or_else(|| AppError::NotFound.with_status())
    }

    pub async fn page(
        db: &DatabaseConnection,
        slug: &str,
        year: &str,
        editor: bool,
    ) -> Result<ReportPage, AppError> {
        use crate::domain::Permission;
        let (council, can_edit) = if editor {
            let call = crate::api::edge::require(db, slug, Permission::RecordDecisions).await?;
            (call.council, true)
        } else {
            let council = crate::api::edge::council(db, slug).await?;
            let can_edit =
                crate::api::edge::caller_allowed(db, council.id, Permission::RecordDecisions)
                    .await?
                    .is_some();
            (council, can_edit)
        };
        let this_year = chrono::Datelike::year(&crate::api::edge::today(db, council.id).await?);
        // `/{slug}/bilan` is this year's report.
        let year = match year.trim() {
            "" => this_year,
            raw => self::year(raw)?,
        };
        let first = crate::store::council_first_year(db, council.id)
            .await?
            .min(this_year);
        let order: Vec<String> = council
            .colleges
            .iter()
            .map(|c| c.key.as_str().to_owned())
            .collect();
        let mut figures =
            crate::store::report::figures(db, council.id, year, council.min_group, &order).await?;
        // An ended assembly's declarations still waiting are counted first, as its page does.
        let mut settled = false;
        for assembly in &figures.closed_assemblies {
            settled |= crate::store::room::attendance::waiting_count(db, *assembly).await? > 0;
            crate::api::attendance::server::settle(db, *assembly).await?;
        }
        if settled {
            figures =
                crate::store::report::figures(db, council.id, year, council.min_group, &order)
                    .await?;
        }
        let indicators = crate::store::report::indicators(db, council.id, year)
            .await?
            .into_iter()
            .map(|indicator| {
                let value = match &indicator.fields.value {
                    IndicatorValue::Computed(metric) => metric
                        .value(&figures.activity, &figures.participation)
                        .to_string(),
                    IndicatorValue::Typed { value, .. } => value.clone(),
                };
                IndicatorLine { indicator, value }
            })
            .collect();
        Ok(ReportPage {
            council_slug: slug.to_owned(),
            council_name: council.name,
            year,
            years: (first..=this_year.max(year)).rev().collect(),
            activity: figures.activity,
            participation: figures.participation,
            colleges: council.colleges,
            min_group: council.min_group,
            priorities: figures.priorities,
            actions: figures
                .actions
                .into_iter()
                .map(|action| ReportAction {
                    id: action.id,
                    title: action.fields.title,
                    status: action.status,
                })
                .collect(),
            texts: crate::store::report::texts(db, council.id, year).await?,
            indicators,
            can_edit,
            flash: crate::api::forms::take_page_flash()?,
        })
    }

    pub fn refused(
        error: ReportError,
        form: &str,
        values: &[(&str, &str)],
        back: &str,
    ) -> Result<(), AppError> {
        match error {
            ReportError::NotFound => Err(AppError::NotFound.with_status()),
            ReportError::Refused(message) => crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(form, None, message, values),
                back,
            ),
            ReportError::Db(error) => Err(error.into()),
        }
    }

    /// Three blocks, one header line each: activity (what, how many), participation (what,
    /// college, how many — only what the page shows), indicators (label, value, target,
    /// source).
    pub fn figures_csv(page: &ReportPage, lang: Lang) -> Result<CsvFile, csv::Error> {
        let text = |id: &str| crate::i18n::message(lang, false, id, None);
        let mut out = Sheet::new(lang);
        let a = &page.activity;
        out.row([text("report-csv-what"), text("report-csv-count")])?;
        for (id, n) in [
            ("report-assemblies", a.assemblies),
            ("report-votes", a.votes),
            ("report-surveys", a.surveys),
            ("report-testimonies", a.testimonies),
            ("report-priorities", a.priorities),
            ("report-actions-planned", a.actions_planned),
            ("report-actions-under-way", a.actions_under_way),
            ("report-actions-done", a.actions_done),
            ("report-actions-dropped", a.actions_dropped),
            ("report-action-updates", a.action_updates),
        ] {
            out.row([text(id), n.to_string()])?;
        }
        out.row([""])?;
        out.row([
            text("report-csv-participation"),
            text("report-csv-college"),
            text("report-csv-count"),
        ])?;
        let college = |key: &str| {
            if key == NOT_SAID {
                text("report-not-said")
            } else {
                crate::api::sheet::college_name(&page.colleges, key, lang)
            }
        };
        for row in &page.participation {
            let kind = text(&format!("report-took-{}", row.kind.key()));
            for (key, n) in &row.colleges {
                out.row([kind.clone(), college(key), n.to_string()])?;
            }
            if row.others > 0 {
                out.row([kind.clone(), text("report-others"), row.others.to_string()])?;
            }
            out.row([kind, text("report-total"), row.total.to_string()])?;
        }
        out.row([""])?;
        out.row([
            text("report-csv-indicator"),
            text("report-csv-value"),
            text("report-csv-target"),
            text("report-csv-source"),
        ])?;
        for line in &page.indicators {
            let fields = &line.indicator.fields;
            let source = match &fields.value {
                IndicatorValue::Computed(_) => text("report-source-agora"),
                IndicatorValue::Typed { source, .. } => source.clone(),
            };
            out.row([
                fields.label.plain.clone(),
                line.value.clone(),
                fields.target.clone().unwrap_or_default(),
                source,
            ])?;
        }
        out.finish()
    }
}
