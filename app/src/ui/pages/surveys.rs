//! `/{slug}/questionnaires/{id}`: a survey answered on one page, as a plain form (it works
//! the same without JavaScript). The browser checks required answers and lengths before
//! sending (HTML attributes); the server checks everything again and sends a refusal back
//! beside its question with what was typed.

use super::loaded;
use crate::api::{
    PageFlash, SubmitSurvey, SurveyPage, SurveyResultsPage, load_survey, load_survey_results,
};
use crate::domain::survey::{
    Group, Highlight, QuestionKind, QuestionResult, QuestionView, SCALE_POINTS, SurveyState,
    SurveyView, answer_key,
};
use crate::ui::components::{Picto, ReadAloud};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const SCALE_PICTOS: [&str; 5] = ["scale-1", "scale-2", "scale-3", "scale-4", "scale-5"];

#[component]
pub fn SurveyRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| load_survey(slug, id));
    loaded(page, |page| view! { <SurveyView page/> }.into_any())
}

/// `/{slug}/questionnaires/{id}/resultats`
#[component]
pub fn SurveyResultsRoute() -> impl IntoView {
    let key = super::slug_and_id();
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
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        load_survey_results(slug, id, "none".to_owned())
    });
    loaded(page, |page| view! { <SurveySummaryView page/> }.into_any())
}

#[component]
fn SurveySummaryView(page: SurveyResultsPage) -> impl IntoView {
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
                    Some(summary_item(i18n, question, result, published))
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
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=full.clone()>{i18n.t("survey-summary-full")}</A>
        </p>
        <h1>
            <Picto name="results"/>
            {i18n.t("survey-summary-title")}
            " : "
            <span lang="fr">{title}</span>
        </h1>
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
fn summary_item(
    i18n: I18n,
    question: &QuestionView,
    result: &QuestionResult,
    published: bool,
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
            <h2 lang="fr">{question.prompt.pick(true).to_owned()}</h2>
            {sentence}
        </li>
    }
}

#[component]
fn SurveyResultsView(page: SurveyResultsPage) -> impl IntoView {
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
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}")>
                <span lang="fr">{council_name}</span>
            </A>
        </p>
        <h1>
            <Picto name="results"/>
            {i18n.t("survey-results-title")}
            " : "
            <span lang="fr">{title}</span>
        </h1>
        {body}
    }
}

/// The reader picks the profile question the breakdowns follow: a form that reloads the
/// page (`?par=<question>`, or `none`), so it works without JavaScript.
fn breakdown_chooser(
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
fn percent(count: usize, of: usize) -> usize {
    (count * 100 + of / 2).checked_div(of).unwrap_or(0)
}

/// One question's results: a table with the figures in words, bars drawn beside them (hidden
/// from screen readers: the table says it all), and its breakdown when there is one.
fn question_result(
    i18n: I18n,
    profile: Option<&QuestionView>,
    question: &QuestionView,
    result: &QuestionResult,
    written: &[String],
    easy: bool,
) -> AnyView {
    let prompt = question.prompt.pick(easy).to_owned();
    let answered = i18n.count("survey-results-answered", result.answered as u64);
    if question.kind.is_text() {
        return view! {
            <section class="card question-result">
                <h2 lang="fr">{prompt}</h2>
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
                        <svg
                            class="bar"
                            viewBox="0 0 100 8"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                            focusable="false"
                        >
                            <rect x="0" y="0" height="8" width=share.max(1).to_string()></rect>
                        </svg>
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
            <h2 lang="fr">{prompt.clone()}</h2>
            <p>{answered}</p>
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
            {breakdown}
        </section>
    }
    .into_any()
}

#[component]
fn SurveyView(page: SurveyPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let SurveyPage {
        council_slug,
        council_name,
        survey,
        flash,
    } = page;
    let title = survey.title.pick(easy).to_owned();
    let sent = flash.notice.as_deref() == Some("saved-survey-sent");
    let total = survey.questions().count();
    let body = if sent {
        view! {
            // Read first: it is what the page was loaded to say (see `Notice`).
            <div class="receipt" role="status" tabindex="-1" autofocus>
                <h2>
                    <Picto name="done"/>
                    {i18n.t("survey-thanks-title")}
                </h2>
                <p>{i18n.t("survey-thanks-anonymous")}</p>
                <p>
                    <A href=format!("/{council_slug}")>{i18n.t("survey-thanks-back")}</A>
                </p>
            </div>
        }
        .into_any()
    } else if survey.state == SurveyState::Closed {
        view! { <p class="lead">{i18n.t("survey-closed")}</p> }.into_any()
    } else {
        let preview = survey.state == SurveyState::Draft;
        // The steps of "one question at a time", in order: each question, then the code
        // when one is asked for; the review comes after the last.
        let mut steps: Vec<String> = survey.questions().map(|q| format!("q-{}", q.id)).collect();
        if survey.one_per_person {
            steps.push("q-code".to_owned());
        }
        let nav = |number: usize| {
            let previous = number.checked_sub(2).and_then(|i| steps.get(i)).cloned();
            step_nav(i18n, previous, steps.get(number).cloned())
        };
        let mut number = 0;
        let sections = survey
            .sections
            .iter()
            .map(|section| {
                let questions = section
                    .questions
                    .iter()
                    .map(|question| {
                        number += 1;
                        question_block(i18n, &flash, question, number, total, easy, nav(number))
                    })
                    .collect_view();
                view! {
                    <section class="survey-section">
                        <h2 lang="fr">{section.title.pick(easy).to_owned()}</h2>
                        {questions}
                    </section>
                }
            })
            .collect_view();
        let code_nav = nav(steps.len());
        let code = survey.one_per_person.then(|| {
            let error = flash.error("survey", "code");
            let described = if error.is_some() {
                "survey-code-hint survey-code-error"
            } else {
                "survey-code-hint"
            };
            view! {
                <section class="survey-section survey-step" id="q-code" tabindex="-1">
                    <h2>
                        <Picto name="code"/>
                        {i18n.t("survey-code-title")}
                    </h2>
                    <p>
                        <label for="survey-code">{i18n.t("survey-code")}</label>
                    </p>
                    <p class="hint" id="survey-code-hint">{i18n.t("survey-code-hint")}</p>
                    {error.map(|message| view! {
                        <p class="field-error" id="survey-code-error">{i18n.text(&message)}</p>
                    })}
                    <input
                        type="text"
                        id="survey-code"
                        name="code"
                        autocomplete="off"
                        autocapitalize="characters"
                        required
                        aria-describedby=described
                        aria-invalid=flash.error("survey", "code").map(|_| "true")
                        autofocus=flash.error("survey", "code").is_some()
                        value=flash.value("survey", "code", "")
                    />
                    {code_nav}
                </section>
            }
        });
        let first = steps
            .first()
            .map(|step| format!("#{step}"))
            .unwrap_or_default();
        view! {
            <div class="survey-answer">
                <p lang="fr">{survey.intro.pick(easy).to_owned()}</p>
                <p>
                    {i18n.count("survey-count", total as u64)} " " {i18n.t("survey-required-note")}
                </p>
                // Outside the form: the choice of layout is never sent. Styles alone apply
                // it (no script), where the browser has `:has()`; elsewhere the box stays
                // hidden and the survey is one page.
                <div class="survey-mode">
                    <p class="choice">
                        <input type="checkbox" id="survey-one-by-one" aria-describedby="survey-one-by-one-hint"/>
                        <label for="survey-one-by-one">{i18n.t("survey-one-by-one")}</label>
                    </p>
                    <p class="hint" id="survey-one-by-one-hint">{i18n.t("survey-one-by-one-hint")}</p>
                </div>
                {form_refusal(i18n, &flash, "survey")}
                <form method="post" action=SubmitSurvey::url() class="stacked-form survey">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="survey" value=survey.id.to_string()/>
                    <section class="survey-review" id="relire" tabindex="-1" aria-labelledby="relire-title">
                        <h2 id="relire-title">{i18n.t("survey-review-title")}</h2>
                        <p>{i18n.t("survey-review-how")}</p>
                        <p>
                            <a href=first>{i18n.t("survey-review-first")}</a>
                        </p>
                    </section>
                    {sections}
                    {code}
                    <div class="survey-submit">
                        {if preview {
                            view! { <p class="notice">{i18n.t("survey-preview")}</p> }.into_any()
                        } else {
                            view! {
                                <p class="hint">{i18n.t("survey-send-hint")}</p>
                                <button type="submit" class="button">
                                    <Picto name="done"/>
                                    {i18n.t("survey-send")}
                                </button>
                            }
                                .into_any()
                        }}
                    </div>
                </form>
            </div>
        }
        .into_any()
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}")>
                <span lang="fr">{council_name}</span>
            </A>
        </p>
        <h1>
            <Picto name="findings"/>
            <span lang="fr">{title}</span>
        </h1>
        {(!sent).then(|| notice(i18n, &flash))}
        {body}
        <p>
            <A href=format!("/{council_slug}/questionnaires/{}/resultats", survey.id)>
                <Picto name="results"/>
                {i18n.t("survey-results-link")}
            </A>
        </p>
    }
}

/// The links between steps when one question at a time is shown: back to the previous
/// one, on to the next, or from the last to the review (`#relire`). Hidden when the survey
/// is one page.
fn step_nav(i18n: I18n, previous: Option<String>, next: Option<String>) -> AnyView {
    let previous = previous.map(|step| {
        view! {
            <a href=format!("#{step}") class="button button-quiet">
                {i18n.t("survey-step-previous")}
            </a>
        }
    });
    let (href, label) = match next {
        Some(step) => (format!("#{step}"), "survey-step-next"),
        None => ("#relire".to_owned(), "survey-step-review"),
    };
    view! {
        <p class="survey-step-nav">
            {previous}
            <a href=href class="button">{i18n.t(label)}</a>
        </p>
    }
    .into_any()
}

/// One question: a fieldset for the kinds with choices, a labelled field for text; its
/// number, whether it is required, and the refusal beside it if there is one.
fn question_block(
    i18n: I18n,
    flash: &PageFlash,
    question: &QuestionView,
    number: usize,
    total: usize,
    easy: bool,
    nav: AnyView,
) -> AnyView {
    let id = format!("q-{}", question.id);
    // The first question is the step shown first when one question at a time is chosen.
    let step = if number == 1 {
        "survey-step survey-first"
    } else {
        "survey-step"
    };
    let error = flash.error("survey", &id);
    let error_id = format!("{id}-error");
    let echo = |name: &str| flash.value("survey", &format!("q-{name}"), "");
    let progress = i18n.with(
        "survey-question-number",
        &[("n", &number.to_string()), ("total", &total.to_string())],
    );
    let required = question.required;
    let prompt = question.prompt.pick(easy).to_owned();
    let prompt_id = format!("{id}-texte");
    // Named after the question's number ("Écouter : Question 3 sur 8").
    let about = progress.trim_end_matches([':', ' ', '\u{a0}']).to_owned();
    let listen = view! { <ReadAloud read=prompt_id.clone() about/> };
    let heading = view! {
        <span class="progress">{progress}</span>
        " "
        <span lang="fr" id=prompt_id>{prompt}</span>
        {required.then(|| view! { " " <span class="required">{i18n.t("survey-required")}</span> })}
    };
    let error_view = error.clone().map(|message| {
        view! { <p class="field-error" id=error_id.clone()>{i18n.text(&message)}</p> }
    });
    let described = error.is_some().then(|| error_id.clone());
    let invalid = error.is_some().then_some("true");
    let q = question.id;
    match question.kind {
        QuestionKind::ShortText | QuestionKind::LongText => {
            let field = format!("{id}-text");
            let max = question.kind.text_max().to_string();
            let name = format!("q[{}]", answer_key(q, None));
            let value = echo(&answer_key(q, None));
            let control = if question.kind == QuestionKind::ShortText {
                view! {
                    <input
                        type="text"
                        id=field.clone()
                        name=name
                        maxlength=max
                        required=required
                        aria-describedby=described
                        aria-invalid=invalid
                        autofocus=invalid.is_some()
                        value=value
                    />
                }
                .into_any()
            } else {
                view! {
                    <textarea
                        id=field.clone()
                        name=name
                        rows="5"
                        maxlength=max
                        required=required
                        aria-describedby=described
                        aria-invalid=invalid
                        autofocus=invalid.is_some()
                    >
                        {value}
                    </textarea>
                }
                .into_any()
            };
            view! {
                <div class=format!("question {step}") id=id tabindex="-1">
                    <p>
                        <label for=field>{heading}</label>
                    </p>
                    {listen}
                    {error_view}
                    {control}
                    {nav}
                </div>
            }
            .into_any()
        }
        kind => {
            let hint = match kind {
                QuestionKind::Multiple => Some("survey-multiple-hint"),
                QuestionKind::Ranking => Some("survey-ranking-hint"),
                _ => None,
            };
            let controls = match kind {
                QuestionKind::Scale => (1..=SCALE_POINTS)
                    .map(|point| {
                        let choice = format!("{id}-{point}");
                        view! {
                            <span class="choice scale">
                                <input
                                    type="radio"
                                    id=choice.clone()
                                    name=format!("q[{}]", answer_key(q, None))
                                    value=point.to_string()
                                    required=required
                                    checked=echo(&answer_key(q, None)) == point.to_string()
                                />
                                <label for=choice>
                                    <Picto name=SCALE_PICTOS[usize::from(point) - 1]/>
                                    {i18n.text(&format!("survey-scale-{point}"))}
                                </label>
                            </span>
                        }
                    })
                    .collect_view()
                    .into_any(),
                QuestionKind::Ranking => {
                    let count = question.options.len();
                    question
                        .options
                        .iter()
                        .map(|(option, label)| {
                            let field = format!("{id}-{option}");
                            let chosen = echo(&answer_key(q, Some(*option)));
                            let ranks = (1..=count)
                                .map(|rank| {
                                    let rank = rank.to_string();
                                    view! {
                                        <option value=rank.clone() selected=chosen == rank>
                                            {rank.clone()}
                                        </option>
                                    }
                                })
                                .collect_view();
                            view! {
                                <p class="rank-choice">
                                    <label for=field.clone() lang="fr">
                                        {label.pick(easy).to_owned()}
                                    </label>
                                    <select id=field name=format!("q[{}]", answer_key(q, Some(*option)))>
                                        <option value="" selected=chosen.is_empty()>
                                            {i18n.text("survey-rank-none")}
                                        </option>
                                        {ranks}
                                    </select>
                                </p>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
                QuestionKind::Multiple => question
                    .options
                    .iter()
                    .map(|(option, label)| {
                        let field = format!("{id}-{option}");
                        view! {
                            <p class="choice">
                                <input
                                    type="checkbox"
                                    id=field.clone()
                                    name=format!("q[{}]", answer_key(q, Some(*option)))
                                    value="on"
                                    checked=!echo(&answer_key(q, Some(*option))).is_empty()
                                />
                                <label for=field lang="fr">{label.pick(easy).to_owned()}</label>
                            </p>
                        }
                    })
                    .collect_view()
                    .into_any(),
                _ => question
                    .options
                    .iter()
                    .map(|(option, label)| {
                        let field = format!("{id}-{option}");
                        view! {
                            <p class="choice">
                                <input
                                    type="radio"
                                    id=field.clone()
                                    name=format!("q[{}]", answer_key(q, None))
                                    value=option.to_string()
                                    required=required
                                    checked=echo(&answer_key(q, None)) == option.to_string()
                                />
                                <label for=field lang="fr">{label.pick(easy).to_owned()}</label>
                            </p>
                        }
                    })
                    .collect_view()
                    .into_any(),
            };
            let class = if kind == QuestionKind::Scale {
                format!("question scale-question {step}")
            } else {
                format!("question {step}")
            };
            view! {
                <fieldset
                    class=class
                    id=id
                    tabindex="-1"
                    aria-describedby=described
                    autofocus=invalid.is_some()
                >
                    <legend>{heading}</legend>
                    {listen}
                    {hint.map(|hint| view! { <p class="hint">{i18n.t(hint)}</p> })}
                    {error_view}
                    {controls}
                    {nav}
                </fieldset>
            }
            .into_any()
        }
    }
}
