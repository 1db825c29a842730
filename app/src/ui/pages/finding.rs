//! One finding of a council's diagnosis.

use super::loaded;
use crate::api::{FindingPage, load_finding_page};
use crate::ui::components::{Paragraphs, Picto, ReadAloud, objective_name};
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FindingDetail() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("id").unwrap_or_default(),
        )
    };
    let page = Resource::new(key, |(slug, id)| load_finding_page(slug, id));
    loaded(page, |page| view! { <FindingView page/> }.into_any())
}

#[component]
fn FindingView(page: FindingPage) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences();
    let FindingPage {
        council,
        finding,
        objective,
        testimonies,
        testimony_count,
        colleges,
        evidence,
        min_group,
    } = page;
    let slug = council.slug.to_string();
    let figures = evidence_section(i18n, &slug, evidence, min_group);
    let spoken = (!testimonies.is_empty()).then(|| {
        let easy = prefs.get_untracked().easy_read;
        let items = testimonies
            .iter()
            .enumerate()
            .map(|(n, t)| super::testimonies::wall_item(i18n, t, &colleges, easy, n + 1))
            .collect_view();
        view! {
            <section aria-labelledby="finding-testimonies" lang=move || prefs.get().lang.code()>
                <h2 id="finding-testimonies">
                    <Picto name="speak"/>
                    {i18n.t("finding-testimonies")}
                </h2>
                <p>{i18n.count("finding-testimonies-count", testimony_count as u64)}</p>
                {items}
                <p>
                    <A href=format!("/{slug}/temoignages")>{i18n.t("council-testimonies-read")}</A>
                </p>
            </section>
        }
    });
    let council_href = format!("/{}", council.slug);
    let title = finding.title.clone();
    let title_text = Signal::derive(move || title.pick(prefs.get().easy_read).to_owned());
    let summary = finding.summary.clone();
    let detail = finding.detail.clone();
    let picto = crate::domain::pictogram(&objective.picto);
    // The kind of data and its year, after the document: "· quantitative · 2024".
    let kind = (finding.source_kind != crate::domain::SourceKind::Unsaid)
        .then(|| format!("finding-source-{}", finding.source_kind.key()));
    let year = finding.source_year;
    let source_facts = move || {
        let mut facts = Vec::new();
        if let Some(kind) = &kind {
            facts.push(i18n.text(kind));
        }
        if let Some(year) = year {
            facts.push(year.to_string());
        }
        facts
            .into_iter()
            .map(|fact| format!(" · {fact}"))
            .collect::<String>()
    };
    view! {
        <Title text=finding.title.pick(prefs.get_untracked().easy_read).to_owned()/>
        <nav class="breadcrumb" aria-label=i18n.t("breadcrumb-label")>
            <ol>
                <li>
                    <A href="/">{i18n.t("breadcrumb-home")}</A>
                </li>
                <li lang="fr">
                    <A href=council_href.clone() exact=true>
                        {council.name}
                    </A>
                </li>
                <li lang="fr" aria-current="page">
                    {title_text}
                </li>
            </ol>
        </nav>
        <article class="finding-detail" lang="fr">
            <h1 id="constat-titre">{title_text}</h1>
            <ReadAloud read="constat-titre constat-texte".to_owned() about=title_text.get_untracked()/>
            <p class="objective-tag" lang=move || prefs.get().lang.code()>
                <Picto name=picto/>
                <span>
                    <strong>{i18n.t("finding-objective")}</strong>
                    " : "
                    {move || objective_name(i18n, &objective, prefs.get().easy_read)}
                </span>
            </p>
            <div id="constat-texte">
                <div class="lead">
                    {move || view! { <Paragraphs text=summary.pick(prefs.get().easy_read).to_owned()/> }}
                </div>
                <div class="detail">
                    {move || view! { <Paragraphs text=detail.pick(prefs.get().easy_read).to_owned()/> }}
                </div>
            </div>
            <p class="source">
                <Picto name="source"/>
                // One run of text beside the pictogram, so that it wraps as a sentence.
                <span>
                    <strong lang=move || prefs.get().lang.code()>{i18n.t("finding-source")}</strong>
                    " : "
                    {finding.source}
                    {source_facts}
                </span>
            </p>
        </article>
        {figures}
        {spoken}
        <p>
            <A href=council_href attr:class="back-link">
                <Picto name="back"/>
                {i18n.t("finding-back")}
            </A>
        </p>
    }
}

/// "What the surveys say": the results of the council's closed surveys the finding rests on,
/// by survey, each question's figures (a sentence in easy-read), or why they are not shown.
fn evidence_section(
    i18n: crate::ui::i18n::I18n,
    slug: &str,
    evidence: Vec<crate::api::SupportingResult>,
    min_group: usize,
) -> Option<impl IntoView + use<>> {
    if evidence.is_empty() {
        return None;
    }
    let easy = use_preferences().get_untracked().easy_read;
    let mut surveys: Vec<(
        i64,
        crate::domain::Wording,
        Vec<crate::api::SupportingResult>,
    )> = Vec::new();
    for item in evidence {
        match surveys.iter_mut().find(|(id, _, _)| *id == item.survey_id) {
            Some((_, _, items)) => items.push(item),
            None => surveys.push((item.survey_id, item.survey_title.clone(), vec![item])),
        }
    }
    let groups = surveys
        .into_iter()
        .map(|(id, title, items)| {
            let results = items
                .into_iter()
                .map(|item| match item.result {
                    Some(result) if easy => view! {
                        <ul class="summary">
                            {super::surveys::summary_item(i18n, &item.question, &result, false, true)}
                        </ul>
                    }
                    .into_any(),
                    Some(result) => super::surveys::question_result(
                        i18n,
                        None,
                        &item.question,
                        &result,
                        &[],
                        false,
                        true,
                    ),
                    None => view! {
                        <section class="card question-result">
                            <h3 lang="fr">{item.question.prompt.pick(easy).to_owned()}</h3>
                            <p>{i18n.with("finding-evidence-too-few", &[("min", &min_group.to_string())])}</p>
                        </section>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <div class="finding-evidence-survey">
                    <p>
                        {i18n.t("finding-evidence-from")}
                        " "
                        <A href=format!("/{slug}/questionnaires/{id}/resultats")>
                            <span lang="fr">{title.pick(easy).to_owned()}</span>
                        </A>
                    </p>
                    {results}
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="finding-evidence">
            <h2 id="finding-evidence">
                <Picto name="results"/>
                {i18n.t("finding-evidence")}
            </h2>
            {groups}
        </section>
    })
}
