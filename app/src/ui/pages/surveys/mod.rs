//! `/{slug}/questionnaires/{id}`: a survey answered on one page, as a plain form (it works
//! the same without JavaScript). The browser checks required answers and lengths before
//! sending (HTML attributes); the server checks everything again and sends a refusal back
//! beside its question with what was typed.

mod results;
pub use results::*;

use super::loaded;
use crate::api::{
    PageFlash, SubmitSurvey, SurveyPage, SurveyResultsPage, load_survey, load_survey_results,
};
use crate::domain::survey::{
    Group, Highlight, QuestionKind, QuestionResult, SCALE_POINTS, SurveyQuestion, SurveyState,
    SurveyView, answer_key,
};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::components::{Picto, ReadAloud};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const SCALE_PICTOS: [&str; 5] = ["scale-1", "scale-2", "scale-3", "scale-4", "scale-5"];

#[component]
pub fn SurveyRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| load_survey(slug, id));
    loaded(page, |page| view! { <SurveyView page/> }.into_any())
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
        <PageHeader
            tab=title.clone()
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="findings"
            heading=Label::Council(title)
        />
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
    question: &SurveyQuestion,
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
