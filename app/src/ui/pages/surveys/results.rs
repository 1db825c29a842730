//! A survey's results: per question, broken down by a profile where the small-group rule
//! allows, and the easy-read summary.

use super::*;

/// `/{slug}/questionnaires/{id}/resultats`
#[component]
pub fn SurveyResultsRoute() -> impl IntoView {
    let key = crate::ui::pages::slug_and_id();
    let query = use_query_map();
    let page = Resource::new(
        move || (key(), query.read().get("par").unwrap_or_default()),
        |((slug, id), by)| load_survey_results(slug, id, by),
    );
    loaded(page, |page| view! { <SurveyResultsView page/> }.into_any())
}

/// `/{slug}/questionnaires/{id}/resultats/facile`: the results in easy-read, one sentence
/// per question, always in easy-read wording whatever the reader's setting.
#[component]
pub fn SurveySummaryRoute() -> impl IntoView {
    let page = Resource::new(crate::ui::pages::slug_and_id(), |(slug, id)| {
        load_survey_results(slug, id, "none".to_owned())
    });
    loaded(page, |page| view! { <SurveySummaryView page/> }.into_any())
}

#[component]
pub(super) fn SurveySummaryView(page: SurveyResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let SurveyResultsPage {
        council_slug,
        survey,
        results,
        texts,
        ..
    } = page;
    let title = survey.title.pick(true).to_owned();
    let full = format!("/{council_slug}/questionnaires/{}/resultats", survey.id);
    let body = match results {
        None => view! { <p class="lead">{i18n.t("survey-results-hidden")}</p> }.into_any(),
        Some(results) => {
            let provisional = (survey.state != SurveyState::Closed)
                .then(|| view! { <p class="notice">{i18n.t("survey-results-provisional")}</p> });
            let items = results
                .questions
                .iter()
                .filter_map(|result| {
                    let question = survey.questions().find(|q| q.id == result.id)?;
                    let published = texts.get(&result.id).is_some_and(|t| !t.is_empty());
                    Some(summary_item(i18n, question, result, published, false))
                })
                .collect_view();
            view! {
                {provisional}
                <p class="lead">{i18n.count("survey-results-respondents", results.respondents as u64)}</p>
                <ol class="summary">{items}</ol>
            }
            .into_any()
        }
    };
    view! {
        <PageHeader
            tab=title.clone()
            crumbs=vec![
                Crumb::new(full.clone(), Label::Interface(i18n.text("survey-summary-full"))),
            ]
            picto="results"
            heading=Label::Interface(i18n.text("survey-summary-title"))
            about=title
        />
        {body}
        <p>
            <A href=full>
                <Picto name="results"/>
                {i18n.t("survey-summary-full")}
            </A>
        </p>
    }
}

/// One question of the easy-read summary: its easy wording and one sentence.
/// `nested`: under a page's own section heading (an h3, not an h2).
pub(crate) fn summary_item(
    i18n: I18n,
    question: &SurveyQuestion,
    result: &QuestionResult,
    published: bool,
    nested: bool,
) -> impl IntoView + use<> {
    let label = |row: usize| -> AnyView {
        if question.kind == QuestionKind::Scale {
            let point = row + 1;
            view! {
                <Picto name=SCALE_PICTOS.get(row).copied().unwrap_or("scale-3")/>
                {i18n.text(&format!("survey-scale-{point}"))}
            }
            .into_any()
        } else {
            let text = question
                .options
                .get(row)
                .map(|(_, w)| w.pick(true).to_owned())
                .unwrap_or_default();
            view! { <span lang="fr">{text}</span> }.into_any()
        }
    };
    let chosen = |rows: &[usize]| {
        rows.iter()
            .map(|row| view! { <li>{label(*row)}</li> })
            .collect_view()
    };
    let numbers = |id: &str, count: usize, answered: usize, tied: bool| {
        i18n.with(
            id,
            &[
                ("count", &count.to_string()),
                ("answered", &answered.to_string()),
                ("tied", if tied { "yes" } else { "no" }),
            ],
        )
    };
    let sentence = match Highlight::of(question.kind, result) {
        Highlight::Nobody => view! { <p>{i18n.t("survey-summary-nobody")}</p> }.into_any(),
        Highlight::Written { answered } => view! {
            <p>{i18n.count("survey-summary-written", answered as u64)}</p>
            {published.then(|| view! { <p>{i18n.t("survey-summary-written-read")}</p> })}
        }
        .into_any(),
        Highlight::Most {
            rows,
            count,
            answered,
        } => {
            let tied = rows.len() > 1;
            view! {
                <p>{i18n.text(if tied { "survey-summary-most-tied" } else { "survey-summary-most" })}</p>
                <ul class="summary-answers">{chosen(&rows)}</ul>
                <p>{numbers("survey-summary-most-count", count, answered, tied)}</p>
            }
            .into_any()
        }
        Highlight::FirstRanked {
            rows,
            count,
            answered,
        } => {
            let tied = rows.len() > 1;
            view! {
                <p>{i18n.text(if tied { "survey-summary-first-tied" } else { "survey-summary-first" })}</p>
                <ul class="summary-answers">{chosen(&rows)}</ul>
                <p>{numbers("survey-summary-first-count", count, answered, tied)}</p>
            }
            .into_any()
        }
    };
    view! {
        <li class="card">
            {prompt_heading(question.prompt.pick(true).to_owned(), nested)}
            {sentence}
        </li>
    }
}

/// A question's wording as the heading of its results.
fn prompt_heading(prompt: String, nested: bool) -> AnyView {
    if nested {
        view! { <h3 lang="fr">{prompt}</h3> }.into_any()
    } else {
        view! { <h2 lang="fr">{prompt}</h2> }.into_any()
    }
}

#[component]
pub(super) fn SurveyResultsView(page: SurveyResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let SurveyResultsPage {
        council_slug,
        council_name,
        survey,
        results,
        min_group,
        texts,
        chosen,
        waiting,
    } = page;
    let title = survey.title.pick(easy).to_owned();
    let body = match results {
        None => view! { <p class="lead">{i18n.t("survey-results-hidden")}</p> }.into_any(),
        Some(results) => {
            let provisional = (survey.state != SurveyState::Closed).then(|| {
                // The counts move by whole groups while responses come in (docs/privacy.md).
                let (min, waiting) = (min_group.to_string(), waiting.to_string());
                view! {
                    <p class="notice">{i18n.t("survey-results-provisional")}</p>
                    <p class="notice">
                        {i18n.with("survey-results-mixed", &[("min", &min), ("waiting", &waiting)])}
                    </p>
                }
            });
            let by = results
                .breakdown_by
                .and_then(|id| survey.questions().find(|q| q.id == id))
                .map(|q| q.prompt.pick(easy).to_owned());
            let breakdown_note = match (by, chosen) {
                (Some(by), _) => i18n.with(
                    "survey-results-breakdown",
                    &[("by", &by), ("min", &min_group.to_string())],
                ),
                (None, None) => i18n.text("survey-results-none-chosen"),
                (None, Some(_)) => i18n.with(
                    "survey-results-no-breakdown",
                    &[("min", &min_group.to_string())],
                ),
            };
            let profile = results
                .breakdown_by
                .and_then(|id| survey.questions().find(|q| q.id == id))
                .cloned();
            let questions = results
                .questions
                .iter()
                .filter_map(|result| {
                    let question = survey.questions().find(|q| q.id == result.id)?;
                    let written = texts.get(&result.id).cloned().unwrap_or_default();
                    Some(question_result(
                        i18n,
                        profile.as_ref(),
                        question,
                        result,
                        &written,
                        easy,
                        false,
                    ))
                })
                .collect_view();
            let chooser = breakdown_chooser(i18n, &survey, chosen, easy);
            let by = chosen.map_or_else(|| "none".to_owned(), |id| id.to_string());
            let download = format!(
                "/api/survey_results_csv?slug={council_slug}&id={}&by={by}",
                survey.id
            );
            view! {
                {provisional}
                <p class="lead">{i18n.count("survey-results-respondents", results.respondents as u64)}</p>
                {chooser}
                <p>{breakdown_note}</p>
                <p>
                    <a href=download download>
                        {i18n.t("survey-results-download")}
                    </a>
                </p>
                <p>
                    <A href=format!("/{council_slug}/questionnaires/{}/resultats/facile", survey.id)>
                        <Picto name="easy-read"/>
                        {i18n.t("survey-summary-link")}
                    </A>
                </p>
                {questions}
            }
            .into_any()
        }
    };
    view! {
        <PageHeader
            tab=title.clone()
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="results"
            heading=Label::Interface(i18n.text("survey-results-title"))
            about=title
        />
        {body}
    }
}

/// The reader picks the profile question the breakdowns follow: a form that reloads the
/// page (`?par=<question>`, or `none`), so it works without JavaScript.
pub(super) fn breakdown_chooser(
    i18n: I18n,
    survey: &SurveyView,
    chosen: Option<i64>,
    easy: bool,
) -> Option<impl IntoView + use<>> {
    let profiles: Vec<(i64, String)> = survey
        .questions()
        .filter(|q| q.profile.is_some())
        .map(|q| (q.id, q.prompt.pick(easy).to_owned()))
        .collect();
    if profiles.is_empty() {
        return None;
    }
    let options = profiles
        .into_iter()
        .map(|(id, prompt)| {
            view! {
                <option value=id.to_string() selected=chosen == Some(id) lang="fr">{prompt}</option>
            }
        })
        .collect_view();
    Some(view! {
        <form method="get" class="inline-form breakdown-chooser">
            <label for="par">{i18n.t("survey-results-by-label")}</label>
            <select id="par" name="par">
                {options}
                <option value="none" selected=chosen.is_none()>{i18n.t("survey-results-by-none")}</option>
            </select>
            <button type="submit" class="button button-quiet">
                {i18n.t("survey-results-by-show")}
            </button>
        </form>
    })
}

/// Percent of `count` in `of`, rounded.
/// A share in whole percent, rounded half up as every other share (`domain::poll::percent`).
pub(super) fn percent(count: usize, of: usize) -> u64 {
    crate::domain::poll::percent(count as u64, of as u64)
}

/// One question's results: a table with the figures in words, bars drawn beside them (hidden
/// from screen readers: the table says it all), and its breakdown when there is one.
/// `nested`: under a page's own section heading (an h3, not an h2).
pub(crate) fn question_result(
    i18n: I18n,
    profile: Option<&SurveyQuestion>,
    question: &SurveyQuestion,
    result: &QuestionResult,
    written: &[String],
    easy: bool,
    nested: bool,
) -> AnyView {
    let prompt = question.prompt.pick(easy).to_owned();
    let answered = i18n.count("survey-results-answered", result.answered as u64);
    if question.kind.is_text() {
        return view! {
            <section class="card question-result">
                {prompt_heading(prompt, nested)}
                <p>{answered}</p>
                <p>{i18n.t("survey-results-text-held")}</p>
                {(!written.is_empty()).then(|| {
                    let quotes = written
                        .iter()
                        .map(|text| view! { <li><blockquote lang="fr">{text.clone()}</blockquote></li> })
                        .collect_view();
                    view! { <ul class="written-answers">{quotes}</ul> }
                })}
            </section>
        }
        .into_any();
    }
    let labels: Vec<String> = match question.kind {
        QuestionKind::Scale => (1..=SCALE_POINTS)
            .map(|p| i18n.text(&format!("survey-scale-{p}")))
            .collect(),
        _ => question
            .options
            .iter()
            .map(|(_, w)| w.pick(easy).to_owned())
            .collect(),
    };
    let count_header = if question.kind == QuestionKind::Ranking {
        "survey-results-first"
    } else {
        "survey-results-count"
    };
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let count = result.counts.get(i).copied().unwrap_or(0);
            let share = percent(count, result.answered);
            let mean = result.mean_ranks.get(i).copied().flatten().map(|m| {
                i18n.with(
                    "survey-results-mean-rank",
                    &[("rank", &format!("{},{:02}", m / 100, m % 100))],
                )
            });
            view! {
                <tr>
                    <th scope="row" lang="fr">{label.clone()}</th>
                    <td class="figure">
                        <span>{i18n.with("survey-results-people", &[("count", &count.to_string()), ("percent", &share.to_string())])}</span>
                        {mean.map(|m| view! { <span>{m}</span> })}
                        {crate::ui::components::share_bar(share)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let breakdown = (!result.breakdown.is_empty()).then(|| {
        let group_name = |group: &Group| match group {
            Group::Option(id) => profile
                .and_then(|p| p.options.iter().find(|(o, _)| o == id))
                .map(|(_, w)| w.pick(easy).to_owned())
                .unwrap_or_default(),
            Group::Others => i18n.text("survey-results-others"),
            Group::NotSaid => i18n.text("survey-results-not-said"),
        };
        let heads = result
            .breakdown
            .iter()
            .map(|(group, n, _)| {
                view! {
                    <th scope="col">
                        <span lang="fr">{group_name(group)}</span>
                        " "
                        {i18n.with("survey-results-group-size", &[("count", &n.to_string())])}
                    </th>
                }
            })
            .collect_view();
        let body = labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let cells = result
                    .breakdown
                    .iter()
                    .map(|(_, n, counts)| {
                        let count = counts.get(i).copied().unwrap_or(0);
                        view! {
                            <td>
                                {i18n.with("survey-results-people", &[("count", &count.to_string()), ("percent", &percent(count, *n).to_string())])}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" lang="fr">{label.clone()}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.text("survey-results-by-group")>
                <table class="breakdown">
                    <caption>{i18n.t("survey-results-by-group")}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section class="card question-result">
            {prompt_heading(prompt, nested)}
            <p>{answered}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.text("survey-results-caption")>
            <table class="standing">
                <caption>{i18n.t("survey-results-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("survey-results-answer")}</th>
                        <th scope="col">{i18n.t(count_header)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            {breakdown}
        </section>
    }
    .into_any()
}
