//! `/{slug}/questionnaires`: the council's surveys, and for coordinators the form to start
//! one; `/{slug}/questionnaires/{id}/modifier`: writing a draft survey question by question
//! (plain form posts), with a readability hint for each question, a preview, and opening /
//! closing it.

use super::loaded;
use crate::api::{
    AddSurveyQuestion, CreateSurvey, IssueSurveyCodes, PageFlash, ReviewSurveyText, RunSurvey,
    SurveyCodeSheet, SurveyEditorPage, SurveysPage, load_survey_code_sheet, load_survey_editor,
    load_surveys,
};
use crate::domain::survey::{Profile, QuestionKind, SurveyState};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::components::{FieldKind, FormField, Picto, SubmitOrCheck};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

fn state_label(state: SurveyState) -> &'static str {
    match state {
        SurveyState::Draft => "survey-state-draft",
        SurveyState::Open => "survey-state-open",
        SurveyState::Closed => "survey-state-closed",
    }
}

#[component]
pub fn SurveysRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_surveys,
    );
    loaded(page, |page| view! { <SurveysView page/> }.into_any())
}

#[component]
fn SurveysView(page: SurveysPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let SurveysPage {
        council_slug,
        council_name,
        surveys,
        can_prepare,
        flash,
    } = page;
    let list = if surveys.is_empty() {
        view! { <p>{i18n.t("surveys-none")}</p> }.into_any()
    } else {
        let items = surveys
            .into_iter()
            .map(|(id, title, state)| {
                let href = match state {
                    SurveyState::Draft => format!("/{council_slug}/questionnaires/{id}/modifier"),
                    SurveyState::Open => format!("/{council_slug}/questionnaires/{id}"),
                    SurveyState::Closed => format!("/{council_slug}/questionnaires/{id}/resultats"),
                };
                view! {
                    <li>
                        <A href=href>
                            <span lang="fr">{title.pick(easy).to_owned()}</span>
                        </A>
                        " — "
                        {i18n.t(state_label(state))}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="roles">{items}</ul> }.into_any()
    };
    let form = can_prepare.then(|| {
        view! {
            <section aria-labelledby="new-survey-title" class="card">
                <h2 id="new-survey-title">{i18n.t("survey-new-title")}</h2>
                {form_refusal(i18n, &flash, "survey")}
                <form method="post" action=CreateSurvey::url() class="stacked-form">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <FormField
                        id="survey-title".to_owned()
                        name="title"
                        label="survey-field-title"
                        kind=FieldKind::Line
                        value=flash.value("survey", "title", "")
                        required=true
                        max_length=200
                        error=flash.error("survey", "title")
                    />
                    <FormField
                        id="survey-title-easy".to_owned()
                        name="title_easy"
                        label="survey-field-title-easy"
                        hint="survey-field-easy-hint"
                        kind=FieldKind::Line
                        value=flash.value("survey", "title_easy", "")
                        max_length=200
                        error=flash.error("survey", "title_easy")
                    />
                    <FormField
                        id="survey-intro".to_owned()
                        name="intro"
                        label="survey-field-intro"
                        kind=FieldKind::Text
                        value=flash.value("survey", "intro", "")
                        max_length=2000
                        error=flash.error("survey", "intro")
                    />
                    <FormField
                        id="survey-intro-easy".to_owned()
                        name="intro_easy"
                        label="survey-field-intro-easy"
                        kind=FieldKind::Text
                        value=flash.value("survey", "intro_easy", "")
                        max_length=2000
                        error=flash.error("survey", "intro_easy")
                    />
                    <p class="choice">
                        <input type="checkbox" id="survey-one-per-person" name="one_per_person" value="on"/>
                        <label for="survey-one-per-person">{i18n.t("survey-field-one-per-person")}</label>
                    </p>
                    <button type="submit" class="button">{i18n.t("survey-create")}</button>
                </form>
            </section>
        }
    });
    view! {
        <PageHeader
            tab=i18n.text("surveys-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="findings"
            heading=Label::Interface(i18n.text("surveys-title"))
            flash=flash
        />
        {list}
        {form}
    }
}

#[component]
pub fn SurveyEditorRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        load_survey_editor(slug, id)
    });
    loaded(page, |page| view! { <SurveyEditorView page/> }.into_any())
}

fn run_button(
    i18n: I18n,
    slug: &str,
    survey: i64,
    action: &'static str,
    question: Option<i64>,
) -> impl IntoView + use<> {
    view! {
        <form method="post" action=RunSurvey::url() class="inline-form">
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="survey" value=survey.to_string()/>
            <input type="hidden" name="action" value=action/>
            {question.map(|q| view! { <input type="hidden" name="question" value=q.to_string()/> })}
            <button type="submit" class="button button-quiet">
                {i18n.text(&format!("survey-action-{action}"))}
            </button>
        </form>
    }
}

#[component]
fn SurveyEditorView(page: SurveyEditorPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let SurveyEditorPage {
        council_slug,
        council_name,
        survey,
        readability,
        pending,
        share,
        refused_writes,
        flash,
    } = page;
    let draft = survey.state == SurveyState::Draft;
    let moderation = (!pending.is_empty()).then(|| {
        let items = pending
            .into_iter()
            .enumerate()
            .map(|(n, (answer, question, text))| {
                let prompt = survey
                    .questions()
                    .find(|q| q.id == question)
                    .map(|q| q.prompt.plain.clone())
                    .unwrap_or_default();
                let field = format!("written-{n}");
                view! {
                    <li class="card">
                        <form method="post" action=ReviewSurveyText::url() class="stacked-form">
                            <input type="hidden" name="slug" value=council_slug.clone()/>
                            <input type="hidden" name="survey" value=survey.id.to_string()/>
                            <input type="hidden" name="answer" value=answer/>
                            <p>
                                <label for=field.clone()>
                                    <span lang="fr">{prompt}</span>
                                </label>
                            </p>
                            <textarea id=field name="text" rows="4" maxlength="2000" lang="fr">
                                {text}
                            </textarea>
                            <div class="actions">
                                <button type="submit" name="decision" value="publish" class="button">
                                    {i18n.t("survey-text-publish")}
                                </button>
                                <button type="submit" name="decision" value="withhold" class="button button-quiet">
                                    {i18n.t("survey-text-withhold")}
                                </button>
                            </div>
                        </form>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="moderation-title">
                <h2 id="moderation-title">{i18n.t("survey-moderation-title")}</h2>
                <p>{i18n.t("survey-moderation-how")}</p>
                <ol class="survey-questions">{items}</ol>
            </section>
        }
    });
    let title = survey.title.pick(easy).to_owned();
    let preview = format!("/{council_slug}/questionnaires/{}", survey.id);
    let results = format!("/{council_slug}/questionnaires/{}/resultats", survey.id);
    let mut hints = readability.into_iter();
    let questions = survey
        .sections
        .iter()
        .map(|section| {
            let items = section
                .questions
                .iter()
                .map(|q| {
                    let (score, lacks_easy) = hints.next().unwrap_or((None, false));
                    let score = score.map(|r| {
                        i18n.with(
                            "readability-score",
                            &[
                                ("verdict", &i18n.text(r.verdict().message_id())),
                                ("km", &format!("{:.0}", r.kandel_moles)),
                                ("lix", &format!("{:.0}", r.lix)),
                            ],
                        )
                    });
                    let options = (!q.options.is_empty()).then(|| {
                        let list = q
                            .options
                            .iter()
                            .map(|(_, w)| view! { <li lang="fr">{w.plain.clone()}</li> })
                            .collect_view();
                        view! { <ul>{list}</ul> }
                    });
                    view! {
                        <li class="card">
                            <p>
                                <strong lang="fr">{q.prompt.plain.clone()}</strong>
                                " — "
                                {i18n.text(&format!("survey-kind-{}", q.kind.key()))}
                                {q.required.then(|| view! { " " {i18n.t("survey-required")} })}
                            </p>
                            {options}
                            <p class="hint">{score}</p>
                            {lacks_easy.then(|| view! { <p class="notice">{i18n.t("survey-lacks-easy")}</p> })}
                            {draft.then(|| run_button(i18n, &council_slug, survey.id, "remove", Some(q.id)))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3 lang="fr">{section.title.plain.clone()}</h3>
                <ol class="survey-questions">{items}</ol>
            }
        })
        .collect_view();
    let add = draft.then(|| add_question_form(i18n, &flash, &council_slug, survey.id));
    // One-per-person surveys: codes to print or send, until the survey is closed.
    let codes = (survey.one_per_person && survey.state != SurveyState::Closed).then(|| {
        view! {
            <section aria-labelledby="codes-title" class="card">
                <h2 id="codes-title">
                    <Picto name="code"/>
                    {i18n.t("survey-codes-title")}
                </h2>
                {form_refusal(i18n, &flash, "codes")}
                <form method="post" action=IssueSurveyCodes::url() class="stacked-form">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="survey" value=survey.id.to_string()/>
                    <FormField
                        id="codes-count".to_owned()
                        name="count"
                        label="vote-codes-count"
                        hint="survey-codes-hint"
                        kind=FieldKind::Line
                        value=flash.value("codes", "count", "50")
                        required=true
                        error=flash.error("codes", "count")
                    />
                    <button type="submit" class="button button-quiet">
                        {i18n.t("survey-codes-issue")}
                    </button>
                </form>
            </section>
        }
    });
    let share = share.map(|(link, qr_svg)| {
        view! {
            <section aria-labelledby="share-title" class="card join">
                <h2 id="share-title">{i18n.t("survey-share-title")}</h2>
                <p>{i18n.t("survey-share-how")}</p>
                <figure class="qr">
                    <div inner_html=qr_svg></div>
                    <figcaption>
                        {i18n.t("survey-share-qr")} " " <a href=link.clone()>{link.clone()}</a>
                    </figcaption>
                </figure>
            </section>
        }
    });
    let action = match survey.state {
        SurveyState::Draft => Some("open"),
        SurveyState::Open => Some("close"),
        SurveyState::Closed => None,
    };
    let run = action.map(|action| run_button(i18n, &council_slug, survey.id, action, None));
    view! {
        <PageHeader
            tab=title.clone()
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(
                    format!("/{council_slug}/questionnaires"),
                    Label::Interface(i18n.text("surveys-title")),
                ),
            ]
            heading=Label::Council(title)
        />
        <p class="tag">{i18n.t(state_label(survey.state))}</p>
        {notice(i18n, &flash)}
        {form_refusal(i18n, &flash, "run")}
        <p>
            <A href=preview>{i18n.t("survey-preview-link")}</A>
            " · "
            <A href=results>{i18n.t("survey-results-link")}</A>
        </p>
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{i18n.t("survey-questions-title")}</h2>
            {if survey.sections.is_empty() {
                view! { <p>{i18n.t("survey-no-questions")}</p> }.into_any()
            } else {
                questions.into_any()
            }}
        </section>
        {add}
        {share}
        {codes}
        {moderation}
        {run.map(|run| view! { <div class="actions">{run}</div> })}
        {(survey.state != SurveyState::Draft)
            .then(|| view! { <p class="hint">{i18n.count("refused-writes", refused_writes)}</p> })}
    }
}

fn add_question_form(
    i18n: I18n,
    flash: &PageFlash,
    slug: &str,
    survey: i64,
) -> impl IntoView + use<> {
    let kind = flash.value("question", "kind", "single");
    let kinds = QuestionKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.key() selected=kind == k.key()>
                    {i18n.text(&format!("survey-kind-{}", k.key()))}
                </option>
            }
        })
        .collect_view();
    let profile = flash.value("question", "profile", "");
    let profiles = Profile::ALL
        .into_iter()
        .map(|p| {
            view! {
                <option value=p.key() selected=profile == p.key()>
                    {i18n.text(&format!("survey-profile-{}", p.key()))}
                </option>
            }
        })
        .collect_view();
    // After "check readability", where the address's fragment lands: nothing was stored;
    // each wording's measure is under its field (`measured`), as it is while typing.
    let checked = flash
        .error("question", crate::api::READABILITY_FIELD)
        .map(|_| {
            view! {
                <div class="notice" id=crate::api::READABILITY_FIELD tabindex="-1" role="status" autofocus>
                    <p>{i18n.t("survey-readability-checked")}</p>
                </div>
            }
        });
    let error = |field: &str| {
        flash.error("question", field).map(|message| {
            view! {
                <p class="field-error" id=format!("question-{field}-error") tabindex="-1" autofocus>
                    {i18n.text(&message)}
                </p>
            }
        })
    };
    view! {
        <section aria-labelledby="add-question-title" class="card">
            <h2 id="add-question-title">{i18n.t("survey-add-question")}</h2>
            <form method="post" action=AddSurveyQuestion::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="survey" value=survey.to_string()/>
                <FormField
                    id="question-section".to_owned()
                    name="section"
                    label="survey-field-section"
                    hint="survey-field-section-hint"
                    kind=FieldKind::Line
                    value=flash.value("question", "section", "")
                    required=true
                    max_length=200
                    error=flash.error("question", "section")
                />
                <p>
                    <label for="question-kind">{i18n.t("survey-field-kind")}</label>
                </p>
                {error("kind")}
                <select id="question-kind" name="kind">{kinds}</select>
                <FormField
                    id="question-prompt".to_owned()
                    name="prompt"
                    label="survey-field-prompt"
                    kind=FieldKind::Text
                    value=flash.value("question", "prompt", "")
                    required=true
                    max_length=500
                    error=flash.error("question", "prompt")
                    measured=true
                />
                <FormField
                    id="question-prompt-easy".to_owned()
                    name="prompt_easy"
                    label="survey-field-prompt-easy"
                    hint="survey-field-easy-hint"
                    kind=FieldKind::Text
                    value=flash.value("question", "prompt_easy", "")
                    max_length=500
                    error=flash.error("question", "prompt_easy")
                    measured=true
                />
                <FormField
                    id="question-options".to_owned()
                    name="options"
                    label="survey-field-options"
                    hint="survey-field-options-hint"
                    kind=FieldKind::Text
                    value=flash.value("question", "options", "")
                    error=flash.error("question", "options")
                />
                <p class="choice">
                    <input
                        type="checkbox"
                        id="question-required"
                        name="required"
                        value="on"
                        checked=!flash.value("question", "required", "").is_empty()
                    />
                    <label for="question-required">{i18n.t("survey-field-required")}</label>
                </p>
                <p>
                    <label for="question-profile">{i18n.t("survey-field-profile")}</label>
                </p>
                <select id="question-profile" name="profile">
                    <option value="" selected=profile.is_empty()>{i18n.text("survey-profile-none")}</option>
                    {profiles}
                </select>
                {checked}
                // The add button first: it is the one Enter presses.
                <SubmitOrCheck action="survey-add"/>
            </form>
        </section>
    }
}

/// `/{slug}/questionnaires/{id}/codes`: the codes just drawn, once.
#[component]
pub fn SurveyCodeSheetRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        load_survey_code_sheet(slug, id)
    });
    loaded(page, |page: SurveyCodeSheet| {
        super::votes::code_sheet(
            use_i18n(),
            super::votes::CodeSheetTexts {
                title: "survey-codes-sheet-title",
                once: "vote-codes-once",
                gone: "survey-codes-gone",
            },
            page.title,
            format!(
                "/{}/questionnaires/{}/modifier",
                page.council_slug, page.survey_id
            ),
            page.codes,
            page.link,
        )
    })
}
