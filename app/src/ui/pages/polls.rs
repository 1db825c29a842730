//! Quick polls as pages show them: the answer form of the live page, the results (on the
//! live page, the room's screen and the assembly's record), and the console's section where
//! the facilitator writes, opens, closes and moderates them. Drawn by the server only: the
//! live page's island puts the markup in place (`/api/room_votes`), so polls weigh nothing
//! on the browser's code.

use crate::api::{AnswerPoll, CreatePoll, PageFlash, PollAction, PollView};
use crate::domain::ScreenKind;
use crate::domain::poll::{
    POLL_OPTION_MAX, POLL_QUESTION_MAX, POLL_WORD_MAX, PollKind, PollResults, PollState,
    WordReview, cloud_step, percent,
};
use crate::ui::i18n::I18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A poll's results: how many answered so far while fewer than the minimum group size did,
/// else the share of each option or rating (with the mean), or the cloud of approved words.
pub(crate) fn results_view(i18n: I18n, results: &PollResults, caption: String) -> AnyView {
    match results {
        PollResults::TooFew { answers, min_group } => view! {
            <p class="poll-too-few">
                {i18n.with(
                    "poll-too-few",
                    &[("count", &answers.to_string()), ("min", &min_group.to_string())],
                )}
            </p>
        }
        .into_any(),
        PollResults::Choice { answers, counts } => {
            share_table(i18n, counts.clone(), *answers, caption, None)
        }
        PollResults::Rating {
            answers,
            counts,
            mean_tenths,
        } => {
            let rows = counts
                .iter()
                .zip(1..)
                .map(|(count, value): (&u64, u64)| (value.to_string(), *count))
                .collect();
            let mean = format_tenths(i18n, *mean_tenths);
            share_table(i18n, rows, *answers, caption, Some(mean))
        }
        PollResults::Words {
            answers,
            words,
            pending,
        } => {
            let most = words.first().map_or(0, |(_, count)| *count);
            let cloud = if words.is_empty() {
                view! { <p>{i18n.t("poll-cloud-empty")}</p> }.into_any()
            } else {
                let items = words
                    .iter()
                    .map(|(word, count)| {
                        let class = format!("cloud-{}", cloud_step(*count, most));
                        view! {
                            <li class=class lang="fr">
                                {word.clone()}
                                <span class="visually-hidden">
                                    {format!(" ({})", i18n.count("poll-answers", *count))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="poll-cloud" aria-label=caption>{items}</ul> }.into_any()
            };
            view! {
                {cloud}
                <p class="poll-total">{i18n.count("poll-answers", *answers)}</p>
                {(*pending > 0).then(|| view! {
                    <p class="hint">{i18n.count("poll-words-pending", *pending)}</p>
                })}
            }
            .into_any()
        }
    }
}

/// "3,6" in French, "3.6" in English.
fn format_tenths(i18n: I18n, tenths: u64) -> String {
    let separator = match i18n.reading().0 {
        crate::domain::Lang::Fr => ",",
        crate::domain::Lang::En => ".",
    };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

/// Each option (or rating) with its share in words and a bar beside it, in its own
/// scrolling frame as every results table.
fn share_table(
    i18n: I18n,
    rows: Vec<(String, u64)>,
    answers: u64,
    caption: String,
    mean: Option<String>,
) -> AnyView {
    let lines = rows
        .into_iter()
        .map(|(label, count)| {
            let share = percent(count, answers);
            let figure = i18n.with(
                "poll-share",
                &[
                    ("percent", &share.to_string()),
                    ("count", &count.to_string()),
                ],
            );
            view! {
                <tr>
                    <th scope="row" lang="fr">{label}</th>
                    <td class="figure">
                        <span>{figure}</span>
                        {crate::ui::components::share_bar(share)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="standing poll-standing">
                <caption>{caption}</caption>
                <tbody>{lines}</tbody>
            </table>
        </div>
        <p class="poll-total">
            {i18n.count("poll-answers", answers)}
            {mean.map(|mean| format!(" — {}", i18n.with("poll-mean", &[("mean", &mean)])))}
        </p>
    }
    .into_any()
}

/// The assembly's polls on the live page: an open one not yet answered as a form (plain
/// post, no script needed), else its results; polls not yet put to the room are not shown.
pub(crate) fn live_polls(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    polls: Vec<PollView>,
    flash: &PageFlash,
) -> Option<AnyView> {
    // A refusal whose poll shows no form now (not open, answered already) is said at the
    // top of the section: the form it belongs to is not there to carry it.
    let with_form: Vec<String> = polls
        .iter()
        .filter(|view| view.poll.state == PollState::Open && !view.answered)
        .map(|view| format!("poll-{}", view.poll.id))
        .collect();
    let orphan = flash
        .refused
        .as_ref()
        .filter(|echo| echo.form.starts_with("poll-") && !with_form.contains(&echo.form))
        .map(|echo| {
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{i18n.text(&echo.message)}</p>
                </div>
            }
        });
    if polls.is_empty() && orphan.is_none() {
        return None;
    }
    let easy = i18n.reading().1;
    let items = polls
        .into_iter()
        .map(|view| {
            let id = view.poll.id;
            let question = view.poll.question(easy).to_owned();
            let heading_id = format!("sondage-{id}-titre");
            let body = if view.poll.state == PollState::Open && !view.answered {
                answer_form(i18n, slug, assembly, &view, flash, &heading_id).into_any()
            } else {
                let note = if view.answered {
                    "poll-answered"
                } else {
                    "poll-closed"
                };
                view! {
                    <p class="tag">{i18n.t(note)}</p>
                    {results_view(i18n, &view.results, question.clone())}
                }
                .into_any()
            };
            view! {
                <li class="card poll" id=format!("sondage-{id}")>
                    <h3 id=heading_id lang="fr">{question}</h3>
                    {body}
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <section aria-labelledby="assembly-polls-title">
                <h2 id="assembly-polls-title">{i18n.t("poll-section")}</h2>
                {orphan}
                <ul class="cards">{items}</ul>
            </section>
        }
        .into_any(),
    )
}

fn answer_form(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    view: &PollView,
    flash: &PageFlash,
    heading_id: &str,
) -> impl IntoView + use<> {
    let id = view.poll.id;
    let form = format!("poll-{id}");
    let error = flash.refusal(&form).map(|echo| i18n.text(&echo.message));
    let error_id = format!("poll-{id}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    // A field's hint, then the refusal when there is one.
    let described_by = |hint: &str| match &described {
        Some(error) => format!("{hint} {error}"),
        None => hint.to_owned(),
    };
    let field = match view.poll.kind {
        PollKind::Choice => {
            let options = view
                .poll
                .options
                .iter()
                .enumerate()
                .map(|(n, option)| {
                    let input = format!("poll-{id}-{n}");
                    view! {
                        <p class="choice">
                            <input type="radio" id=input.clone() name="answer" value=n.to_string() required/>
                            <label for=input lang="fr">{option.clone()}</label>
                        </p>
                    }
                })
                .collect_view();
            view! {
                <fieldset aria-describedby=described.clone()>
                    <legend class="visually-hidden">{i18n.t("poll-choose")}</legend>
                    {options}
                </fieldset>
            }
            .into_any()
        }
        PollKind::Rating => {
            let options = (1..=5)
                .map(|n| {
                    let input = format!("poll-{id}-{n}");
                    view! {
                        <span class="rating-choice">
                            <input type="radio" id=input.clone() name="answer" value=n.to_string() required/>
                            <label for=input>{n}</label>
                        </span>
                    }
                })
                .collect_view();
            let hint_id = format!("poll-{id}-hint");
            let describe = described_by(&hint_id);
            view! {
                <fieldset aria-describedby=describe>
                    <legend class="visually-hidden">{i18n.t("poll-rate")}</legend>
                    <p class="hint" id=hint_id>{i18n.t("poll-rating-hint")}</p>
                    <div class="rating-row">{options}</div>
                </fieldset>
            }
            .into_any()
        }
        PollKind::Words => {
            let input = format!("poll-{id}-word");
            let value = flash.value(&form, "answer", "");
            let hint_id = format!("poll-{id}-hint");
            let describe = described_by(&hint_id);
            view! {
                <p class="field" class:field-invalid=error.is_some()>
                    <label for=input.clone()>{i18n.t("poll-word-label")}</label>
                    <span class="hint" id=hint_id.clone()>{i18n.t("poll-word-hint")}</span>
                    <input
                        type="text"
                        id=input
                        name="answer"
                        required
                        maxlength=POLL_WORD_MAX.to_string()
                        autocomplete="off"
                        value=value
                        aria-invalid=error.as_ref().map(|_| "true")
                        aria-describedby=describe
                    />
                </p>
            }
            .into_any()
        }
    };
    view! {
        <form method="post" action=AnswerPoll::url() class="stacked-form poll-form" aria-labelledby=heading_id.to_owned()>
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="assembly" value=assembly.to_string()/>
            <input type="hidden" name="poll" value=id.to_string()/>
            {error.map(|message| view! {
                <p class="field-error" id=error_id.clone() role="alert">{message}</p>
            })}
            {field}
            <button type="submit" class="button">{i18n.t("poll-submit")}</button>
        </form>
    }
}

/// The poll on the room's screen: its question, then how to answer while too few did, or
/// its results.
pub(crate) fn poll_slide(i18n: I18n, view: &PollView) -> AnyView {
    let easy = i18n.reading().1;
    let question = view.poll.question(easy).to_owned();
    let how = (view.poll.state == PollState::Open).then(|| {
        view! { <p>{i18n.t("room-poll-how")}</p> }
    });
    view! {
        <section class="slide slide-poll" aria-labelledby="slide-title">
            <h2 id="slide-title" lang="fr">{question.clone()}</h2>
            {results_view(i18n, &view.results, question)}
            {how}
        </section>
    }
    .into_any()
}

/// The console's polls: a form to write one, and each poll with its state, its results and
/// its actions (open, close, on screen, the words of a cloud to moderate).
pub(crate) fn console_polls(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    polls: Vec<PollView>,
    flash: &PageFlash,
    on_screen: Option<i64>,
) -> impl IntoView + use<> {
    let easy = i18n.reading().1;
    let action = |poll: i64, name: &'static str, label: &'static str, word: Option<String>| {
        view! {
            <form method="post" action=PollAction::url() class="inline-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <input type="hidden" name="poll" value=poll.to_string()/>
                <input type="hidden" name="action" value=name/>
                {word.map(|word| view! { <input type="hidden" name="word" value=word/> })}
                <button type="submit" class="button button-secondary">{i18n.t(label)}</button>
            </form>
        }
    };
    let show = |poll: i64| {
        view! {
            <form method="post" action=crate::api::ConsoleAction::url() class="inline-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <input type="hidden" name="action" value="show"/>
                <input type="hidden" name="what" value=ScreenKind::Poll.key()/>
                <input type="hidden" name="target" value=poll.to_string()/>
                <button type="submit" class="button button-secondary">{i18n.t("console-show")}</button>
            </form>
        }
    };
    let items = polls
        .into_iter()
        .map(|view| {
            let id = view.poll.id;
            let question = view.poll.question(easy).to_owned();
            let state = match view.poll.state {
                PollState::Ready => "poll-state-ready",
                PollState::Open => "poll-state-open",
                PollState::Closed => "poll-state-closed",
            };
            let toggle = match view.poll.state {
                PollState::Ready => action(id, "open", "poll-open", None),
                PollState::Open => action(id, "close", "poll-close", None),
                PollState::Closed => action(id, "open", "poll-reopen", None),
            };
            let shown = on_screen == Some(id);
            let review = (!view.words_to_review.is_empty()).then(|| {
                let words = view
                    .words_to_review
                    .iter()
                    .map(|(word, count, review)| {
                        let rejected = *review == WordReview::Rejected;
                        view! {
                            <li>
                                <span lang="fr">{word.clone()}</span>
                                {format!(" ({})", i18n.count("poll-answers", *count))}
                                {rejected.then(|| view! { <span class="tag">{i18n.t("poll-word-rejected")}</span> })}
                                {action(id, "approve-word", "poll-approve-word", Some(word.clone()))}
                                {(!rejected).then(|| action(id, "reject-word", "poll-reject-word", Some(word.clone())))}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h4>{i18n.t("poll-words-review")}</h4>
                    <ul class="word-review">{words}</ul>
                }
            });
            view! {
                <li class="card poll" id=format!("sondage-{id}")>
                    <h3 lang="fr">{question.clone()}</h3>
                    <p>
                        <span class="tag">{i18n.t(state)}</span>
                        {shown.then(|| view! { " " <span class="tag">{i18n.t("console-on-screen")}</span> })}
                    </p>
                    {results_view(i18n, &view.results, question)}
                    {review}
                    <div class="actions">{toggle} {(!shown).then(|| show(id))}</div>
                </li>
            }
        })
        .collect_view();
    let form = new_poll_form(i18n, slug, assembly, flash);
    view! {
        <section id="sondages" aria-labelledby="console-polls-title">
            <h2 id="console-polls-title">{i18n.t("poll-section")}</h2>
            <ul class="cards">{items}</ul>
            {form}
        </section>
    }
}

fn new_poll_form(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let form = "poll-new";
    let error = |field: &str| flash.error(form, field);
    let kind = flash.value(form, "kind", "choice");
    let kinds = PollKind::ALL
        .into_iter()
        .map(|k| {
            let selected = k.key() == kind;
            view! { <option value=k.key() selected=selected>{i18n.t(kind_label(k))}</option> }
        })
        .collect_view();
    let field_error = move |field: &str, id: &str| {
        error(field).map(|message| {
            view! { <span class="field-error" id=format!("{id}-error")>{i18n.text(&message)}</span> }
        })
    };
    let invalid = |field: &str| error(field).map(|_| "true");
    view! {
        <details class="poll-new" open=flash.refusal(form).is_some()>
            <summary>{i18n.t("poll-new")}</summary>
            <form method="post" action=CreatePoll::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <p class="field">
                    <label for="poll-kind">{i18n.t("poll-field-kind")}</label>
                    {field_error("kind", "poll-kind")}
                    <select id="poll-kind" name="kind" aria-invalid=invalid("kind")>{kinds}</select>
                </p>
                <p class="field" class:field-invalid=error("question").is_some()>
                    <label for="poll-question">{i18n.t("poll-field-question")}</label>
                    {field_error("question", "poll-question")}
                    <input
                        type="text"
                        id="poll-question"
                        name="question"
                        required
                        maxlength=POLL_QUESTION_MAX.to_string()
                        value=flash.value(form, "question", "")
                        aria-invalid=invalid("question")
                    />
                </p>
                <p class="field">
                    <label for="poll-question-easy">{i18n.t("poll-field-question-easy")}</label>
                    <input
                        type="text"
                        id="poll-question-easy"
                        name="question_easy"
                        maxlength=POLL_QUESTION_MAX.to_string()
                        value=flash.value(form, "question_easy", "")
                    />
                </p>
                <p class="field" class:field-invalid=error("options").is_some()>
                    <label for="poll-options">{i18n.t("poll-field-options")}</label>
                    <span class="hint" id="poll-options-hint">
                        {i18n.with("poll-options-hint", &[("max", &POLL_OPTION_MAX.to_string())])}
                    </span>
                    {field_error("options", "poll-options")}
                    <textarea
                        id="poll-options"
                        name="options"
                        rows="4"
                        aria-describedby="poll-options-hint"
                        aria-invalid=invalid("options")
                    >
                        {flash.value(form, "options", "")}
                    </textarea>
                </p>
                <button type="submit" class="button">{i18n.t("poll-create")}</button>
            </form>
        </details>
    }
}

fn kind_label(kind: PollKind) -> &'static str {
    match kind {
        PollKind::Choice => "poll-kind-choice",
        PollKind::Rating => "poll-kind-rating",
        PollKind::Words => "poll-kind-words",
    }
}

/// The assembly's closed polls and their results, as the assembly's page keeps them.
pub(crate) fn record_polls(i18n: I18n, polls: Vec<PollView>) -> Option<AnyView> {
    let easy = i18n.reading().1;
    let items: Vec<_> = polls
        .into_iter()
        .filter(|view| view.poll.state == PollState::Closed)
        .map(|view| {
            let question = view.poll.question(easy).to_owned();
            view! {
                <li class="card poll">
                    <h3 lang="fr">{question.clone()}</h3>
                    {results_view(i18n, &view.results, question)}
                </li>
            }
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="record-polls-title">
                <h2 id="record-polls-title">{i18n.t("poll-record")}</h2>
                <ul class="cards">{items}</ul>
            </section>
        }
        .into_any()
    })
}
