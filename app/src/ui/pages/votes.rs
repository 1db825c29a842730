//! Priority votes: the council's votes and the set-up form, the ballot (fill in, review,
//! cast, receipt), the results (raw beside equal colleges, per college, participation), the
//! projector's chart and the printed code sheet. Every step is a plain form post: all of it
//! works without JavaScript, and nothing here is an island.

use super::assemblies::{form_refusal, notice};
use super::council::college_name;
use super::loaded;
use crate::api::{
    BallotProgress, BallotStep, CastBallot, CodeSheet, CreateVote, ExportVote, IssueBallotCodes,
    PageFlash, ResultsPage, RunVote, VotePage, VotesPage, load_code_sheet, load_vote,
    load_vote_results, load_votes,
};
use crate::domain::tally::{Integrity, MAJORITY_GRADES, Method, method_key};
use crate::domain::vote::{BallotDraft, Figure, StandingRow, VoteInfo, VoteResults, VoteState};
use crate::domain::{College, TITLE_MAX};
use crate::ui::components::{FieldKind, FormField, Notice, Picto, ScreenRefresh};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The route's council slug and id, as a resource's key (votes, surveys).
pub(super) fn key() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("id").unwrap_or_default(),
        )
    }
}

/// `/{slug}/votes`
#[component]
pub fn VotesRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_votes,
    );
    loaded(page, |page| view! { <VotesView page/> }.into_any())
}

/// `/{slug}/votes/{id}`
#[component]
pub fn VoteRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_vote(slug, id));
    loaded(page, |page| view! { <VoteView page/> }.into_any())
}

/// `/{slug}/votes/{id}/resultats`
#[component]
pub fn VoteResultsRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_vote_results(slug, id));
    loaded(page, |page| view! { <ResultsView page/> }.into_any())
}

/// `/{slug}/votes/{id}/projection`
#[component]
pub fn VoteProjectorRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_vote_results(slug, id));
    loaded(page, |page| view! { <ProjectorView page/> }.into_any())
}

/// `/{slug}/votes/{id}/codes`
#[component]
pub fn CodeSheetRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_code_sheet(slug, id));
    loaded(page, |page| view! { <CodeSheetView page/> }.into_any())
}

fn state_label(vote: &VoteInfo) -> &'static str {
    match vote.state {
        VoteState::Draft => "vote-state-draft",
        VoteState::Open if vote.accepting => "vote-state-open",
        VoteState::Open if vote.ended => "vote-state-ended",
        VoteState::Open => "vote-state-waiting",
        VoteState::Closed => "vote-state-closed",
    }
}

fn method_name(method: Method) -> String {
    format!("vote-method-{}", method_key(method))
}

/// "du lundi 1 mars 2027 à 18 h 00 au …"
fn period(i18n: I18n, vote: &VoteInfo) -> String {
    i18n.with(
        "vote-period",
        &[
            ("opens", &i18n.moment(&vote.opens)),
            ("closes", &i18n.moment(&vote.closes)),
        ],
    )
}

#[component]
fn VotesView(page: VotesPage) -> impl IntoView {
    let i18n = use_i18n();
    let VotesPage {
        council_slug,
        council_name,
        votes,
        can_prepare,
        findings,
        colleges,
        assemblies,
        flash,
    } = page;
    let empty = votes.is_empty();
    let list = votes
        .into_iter()
        .map(|vote| {
            let href = format!("/{council_slug}/votes/{}", vote.id);
            let results = vote.results_public().then(|| {
                let href = format!("/{council_slug}/votes/{}/resultats", vote.id);
                view! {
                    <p>
                        <A href=href>{i18n.t("vote-see-results")}</A>
                    </p>
                }
            });
            let (state, when) = (i18n.text(state_label(&vote)), period(i18n, &vote));
            let method = i18n.text(&method_name(vote.method));
            view! {
                <li class="card">
                    <h2>
                        <A href=href>
                            <span lang="fr">{vote.title}</span>
                        </A>
                    </h2>
                    <p class="tag">{state}</p>
                    <p>{when}</p>
                    <p>{method}</p>
                    {results}
                </li>
            }
        })
        .collect_view();
    let create = can_prepare.then(|| {
        view! {
            <CreateVoteForm
                council_slug=council_slug.clone()
                findings
                colleges
                assemblies
                flash=flash.clone()
            />
        }
    });
    view! {
        <Title text=i18n.text("votes-title")/>
        <h1>
            <Picto name="vote"/>
            {i18n.t("votes-title")}
            " — "
            <span lang="fr">{council_name}</span>
        </h1>
        {notice(i18n, &flash)}
        <p>{i18n.t("votes-intro")}</p>
        {if empty {
            view! { <p>{i18n.t("votes-none")}</p> }.into_any()
        } else {
            view! { <ul class="cards">{list}</ul> }.into_any()
        }}
        {create}
    }
}

#[component]
fn CreateVoteForm(
    council_slug: String,
    findings: Vec<crate::domain::Finding>,
    colleges: Vec<College>,
    assemblies: Vec<crate::domain::Assembly>,
    flash: PageFlash,
) -> impl IntoView {
    let i18n = use_i18n();
    let refused = flash.refusal("vote").is_some();
    let chosen = |name: &str| -> Option<Vec<String>> {
        refused.then(|| {
            flash
                .value("vote", name, "")
                .split(',')
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect()
        })
    };
    let chosen_findings = chosen("findings");
    let chosen_colleges = chosen("colleges");
    let method = flash.value("vote", "method", "schulze");
    let integrity = flash.value("vote", "integrity", "open");
    let assembly = flash.value("vote", "assembly", "");
    let error = |field: &str| {
        flash.error("vote", field).map(|message| {
            let id = format!("vote-{field}-error");
            view! {
                // Focused when the form comes back, for its reason to be read first.
                <p class="field-error" id=id tabindex="-1" autofocus>
                    {i18n.text(&message)}
                </p>
            }
        })
    };
    let invalid = |field: &str| flash.error("vote", field).is_some().then_some("true");
    let described = |field: &str| {
        flash
            .error("vote", field)
            .is_some()
            .then(|| format!("vote-{field}-error"))
    };
    let methods = [
        Method::Schulze,
        Method::MajorityJudgment,
        Method::Approval,
        Method::Dots,
        Method::Borda,
    ]
    .into_iter()
    .map(|m| {
        let value = method_key(m);
        let id = format!("vote-method-{value}-choice");
        let checked = method == value;
        view! {
            <p class="choice">
                <input type="radio" id=id.clone() name="method" value=value checked=checked/>
                <label for=id>
                    <strong>{i18n.text(&method_name(m))}</strong>
                    " — "
                    {i18n.text(&format!("{}-how", method_name(m)))}
                </label>
            </p>
        }
    })
    .collect_view();
    let finding_boxes = findings
        .into_iter()
        .map(|finding| {
            let id = format!("vote-finding-{}", finding.id);
            let value = finding.id.to_string();
            let checked = chosen_findings
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&value));
            view! {
                <p class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("findings[{value}]")
                        value="on"
                        checked=checked
                    />
                    <label for=id lang="fr">
                        {finding.title.plain.clone()}
                    </label>
                </p>
            }
        })
        .collect_view();
    let college_boxes = colleges
        .into_iter()
        .map(|college| {
            let key = college.key.as_str().to_owned();
            let id = format!("vote-college-{key}");
            let checked = chosen_colleges
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&key));
            view! {
                <p class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("colleges[{key}]")
                        value="on"
                        checked=checked
                    />
                    <label for=id>{college_name(i18n, college)}</label>
                </p>
            }
        })
        .collect_view();
    let integrity_choices = [Integrity::Open, Integrity::Strict]
        .into_iter()
        .map(|mode| {
            let value = mode.key();
            let id = format!("vote-integrity-{value}");
            view! {
                <p class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="integrity"
                        value=value
                        checked=integrity == value
                    />
                    <label for=id>
                        <strong>{i18n.text(&format!("vote-integrity-{value}"))}</strong>
                        " — "
                        {i18n.text(&format!("vote-integrity-{value}-how"))}
                    </label>
                </p>
            }
        })
        .collect_view();
    let assembly_options = assemblies
        .into_iter()
        .map(|a| {
            let value = a.id.to_string();
            let selected = assembly == value;
            view! {
                <option value=value selected=selected>
                    {a.title}
                </option>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="new-vote-title">
            <h2 id="new-vote-title">{i18n.t("vote-new")}</h2>
            {form_refusal(i18n, &flash, "vote")}
            <form method="post" action=CreateVote::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug/>
                <FormField
                    id="vote-title".to_owned()
                    name="title"
                    label="vote-field-title"
                    kind=FieldKind::Line
                    value=flash.value("vote", "title", "")
                    required=true
                    max_length=TITLE_MAX
                    error=flash.error("vote", "title")
                />
                <fieldset aria-describedby=described("findings") aria-invalid=invalid("findings")>
                    <legend>{i18n.t("vote-field-findings")}</legend>
                    {error("findings")}
                    {finding_boxes}
                </fieldset>
                <fieldset aria-describedby=described("method") aria-invalid=invalid("method")>
                    <legend>{i18n.t("vote-field-method")}</legend>
                    {error("method")}
                    {methods}
                </fieldset>
                <FormField
                    id="vote-max-points".to_owned()
                    name="max_points"
                    label="vote-field-max-points"
                    hint="vote-field-dots-hint"
                    kind=FieldKind::Line
                    value=flash.value("vote", "max_points", "5")
                    error=flash.error("vote", "max_points")
                />
                <FormField
                    id="vote-max-points-each".to_owned()
                    name="max_points_per_candidate"
                    label="vote-field-max-points-each"
                    hint="vote-field-dots-hint"
                    kind=FieldKind::Line
                    value=flash.value("vote", "max_points_per_candidate", "3")
                    error=flash.error("vote", "max_points_per_candidate")
                />
                <fieldset aria-describedby=described("colleges") aria-invalid=invalid("colleges")>
                    <legend>{i18n.t("vote-field-colleges")}</legend>
                    {error("colleges")}
                    {college_boxes}
                </fieldset>
                <FormField
                    id="vote-opens-at".to_owned()
                    name="opens_at"
                    label="vote-field-opens-at"
                    hint="assembly-field-starts-at-hint"
                    kind=FieldKind::DateTime
                    value=flash.value("vote", "opens_at", "")
                    required=true
                    error=flash.error("vote", "opens_at")
                />
                <FormField
                    id="vote-closes-at".to_owned()
                    name="closes_at"
                    label="vote-field-closes-at"
                    hint="assembly-field-starts-at-hint"
                    kind=FieldKind::DateTime
                    value=flash.value("vote", "closes_at", "")
                    required=true
                    error=flash.error("vote", "closes_at")
                />
                <fieldset aria-describedby=described("integrity") aria-invalid=invalid("integrity")>
                    <legend>{i18n.t("vote-field-integrity")}</legend>
                    {error("integrity")}
                    {integrity_choices}
                </fieldset>
                <p class="field">
                    <label for="vote-assembly">{i18n.t("vote-field-assembly")}</label>
                    {error("assembly")}
                    <select id="vote-assembly" name="assembly">
                        <option value="" selected=assembly.is_empty()>
                            {i18n.t("vote-field-assembly-none")}
                        </option>
                        {assembly_options}
                    </select>
                </p>
                <button type="submit" class="button">{i18n.t("vote-create")}</button>
            </form>
        </section>
    }
}

/// The fields that carry a ballot from one step to the next.
fn carried_fields(draft: &BallotDraft) -> impl IntoView + use<> {
    let mut fields: Vec<(String, String)> = vec![
        ("college".into(), draft.college.clone()),
        ("code".into(), draft.code.clone()),
        (
            "order".into(),
            draft
                .order
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(","),
        ),
    ];
    fields.extend(
        draft
            .approved
            .iter()
            .map(|c| (format!("approved[{c}]"), "on".into())),
    );
    fields.extend(
        draft
            .points
            .iter()
            .map(|(c, p)| (format!("points[{c}]"), p.to_string())),
    );
    fields.extend(
        draft
            .grades
            .iter()
            .map(|(c, g)| (format!("grade[{c}]"), g.to_string())),
    );
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}

#[component]
fn VoteView(page: VotePage) -> impl IntoView {
    let i18n = use_i18n();
    let VotePage {
        council_slug,
        council_name,
        vote,
        colleges,
        voted,
        step,
        can_run,
        can_read_results,
        flash,
    } = page;
    let results_href = format!("/{council_slug}/votes/{}/resultats", vote.id);
    let cast = flash.notice.as_deref() == Some("saved-ballot-cast");
    let receipt = cast.then(|| {
        view! {
            <section
                class="notice receipt"
                role="status"
                aria-labelledby="receipt-title"
                tabindex="-1"
                autofocus
            >
                <h2 id="receipt-title">
                    <Picto name="done"/>
                    {i18n.t("ballot-receipt-title")}
                </h2>
                <p>{i18n.t("ballot-receipt-secret")}</p>
                <p>
                    {i18n.with("ballot-receipt-results", &[("closes", &i18n.moment(&vote.closes))])}
                </p>
            </section>
        }
    });
    let other_notice = (!cast).then(|| notice(i18n, &flash));
    let form_shown =
        vote.accepting && !(vote.integrity == Integrity::Open && voted) && !step.reviewing;
    // A refused ballot whose form is not shown again (the vote closed meanwhile, or this
    // browser has voted): the reason still shows.
    let refused = (!form_shown)
        .then(|| form_refusal(i18n, &flash, "ballot"))
        .flatten();
    let body = if !vote.accepting {
        let reason = if vote.ended {
            "vote-ended"
        } else if vote.state == VoteState::Draft {
            "vote-draft-note"
        } else {
            "vote-not-yet"
        };
        view! { <p class="lead">{i18n.t(reason)}</p> }.into_any()
    } else if vote.integrity == Integrity::Open && voted {
        if cast {
            ().into_any()
        } else {
            view! { <p class="lead">{i18n.t("ballot-already")}</p> }.into_any()
        }
    } else if step.reviewing {
        view! { <BallotReview council_slug=council_slug.clone() vote=vote.clone() colleges=colleges.clone() draft=step.draft.clone()/> }
            .into_any()
    } else {
        view! {
            <BallotForm
                council_slug=council_slug.clone()
                vote=vote.clone()
                colleges=colleges.clone()
                step=step.clone()
                flash=flash.clone()
            />
        }
        .into_any()
    };
    let results_link = (vote.results_public() || can_read_results).then(|| {
        view! {
            <p>
                <A href=results_href.clone()>{i18n.t("vote-see-results")}</A>
            </p>
        }
    });
    let staff = can_run.then(|| {
        view! { <RunVotePanel council_slug=council_slug.clone() vote=vote.clone() flash=flash.clone()/> }
    });
    let how = format!("{}-how", method_name(vote.method));
    view! {
        <Title text=vote.title.clone()/>
        <p class="breadcrumb">
            <A href=format!("/{council_slug}/votes")>{i18n.t("votes-title")}</A>
            " — "
            <span lang="fr">{council_name}</span>
        </p>
        <h1>
            <Picto name="vote"/>
            <span lang="fr">{vote.title.clone()}</span>
        </h1>
        <p class="tag">{i18n.text(state_label(&vote))}</p>
        <p>{period(i18n, &vote)}</p>
        <p>
            <strong>{i18n.text(&method_name(vote.method))}</strong>
            " — "
            {i18n.text(&how)}
        </p>
        {receipt}
        {other_notice}
        {refused}
        {body}
        {results_link}
        {staff}
    }
}

/// The name of college `key` as the council calls it; "" is "did not say".
fn college_label(i18n: I18n, colleges: &[College], key: &str) -> String {
    if key.is_empty() {
        return i18n.text("ballot-college-unsaid");
    }
    colleges
        .iter()
        .find(|c| c.key.as_str() == key)
        .map(|c| college_name(i18n, c.clone())())
        .unwrap_or_else(|| key.to_owned())
}

fn grade_name(i18n: I18n, grade: usize) -> String {
    i18n.text(&format!("grade-{grade}"))
}

#[component]
fn BallotForm(
    council_slug: String,
    vote: VoteInfo,
    colleges: Vec<College>,
    step: BallotProgress,
    flash: PageFlash,
) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let draft = step.draft;
    let refusal = flash.refusal("ballot").cloned();
    let field_error = move |field: &str| -> Option<String> {
        refusal
            .as_ref()
            .filter(|echo| echo.field.as_deref() == Some(field))
            .map(|echo| echo.message.clone())
    };
    // A refusal is announced and takes the focus, so that nobody misses it.
    let summary = flash.refusal("ballot").map(|echo| {
        let message = i18n.text(&echo.message);
        let target = echo.field.clone().map(|field| format!("#ballot-{field}"));
        view! {
            <Notice error=true>
                <p>
                    {message}
                    {target
                        .map(|href| {
                            view! {
                                " "
                                <a href=href>{i18n.t("ballot-error-go")}</a>
                            }
                        })}
                </p>
            </Notice>
        }
    });
    let college_options = vote
        .colleges
        .iter()
        .map(|key| {
            let selected = draft.college == *key;
            let label = college_label(i18n, &colleges, key);
            view! {
                <option value=key.clone() selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view();
    let college_error = field_error("college");
    let college_invalid = college_error.is_some();
    let code_field = (vote.integrity == Integrity::Strict).then(|| {
        view! {
            <FormField
                id="ballot-code".to_owned()
                name="code"
                label="ballot-code"
                hint="ballot-code-hint"
                kind=FieldKind::Line
                value=draft.code.clone()
                required=true
                max_length=20
                error=field_error("code")
            />
        }
    });
    let title = |c: usize| -> String {
        vote.candidates
            .get(c)
            .map(|candidate| candidate.title.pick(easy).to_owned())
            .unwrap_or_default()
    };
    let summary_of = |c: usize| -> String {
        vote.candidates
            .get(c)
            .map(|candidate| candidate.summary.pick(easy).to_owned())
            .unwrap_or_default()
    };
    let n = vote.candidates.len();
    let choices = match vote.method {
        Method::Schulze | Method::Borda => {
            let last = draft.order.len().saturating_sub(1);
            let moved = step.moved.clone();
            let items = draft
                .order
                .iter()
                .enumerate()
                .map(|(at, &c)| {
                    let name = title(c);
                    let up = format!("up-{c}");
                    let down = format!("down-{c}");
                    // The focus stays on the button pressed, or on its neighbour when the
                    // finding reached the top or the bottom.
                    let focus_up = moved.as_deref() == Some(up.as_str()) && at > 0
                        || moved.as_deref() == Some(down.as_str()) && at == last;
                    let focus_down = moved.as_deref() == Some(down.as_str()) && at < last
                        || moved.as_deref() == Some(up.as_str()) && at == 0;
                    let up_label = i18n.with("ballot-move-up", &[("finding", &name)]);
                    let down_label = i18n.with("ballot-move-down", &[("finding", &name)]);
                    view! {
                        <li class="rank-item" id=format!("ballot-rank-{c}")>
                            <span class="rank-place" aria-hidden="true">
                                {at + 1}
                            </span>
                            <span class="rank-text">
                                <strong lang="fr">{name.clone()}</strong>
                                <span class="hint" lang="fr">
                                    {summary_of(c)}
                                </span>
                            </span>
                            <span class="rank-moves">
                                <button
                                    type="submit"
                                    name="step"
                                    value=up.clone()
                                    class="button button-quiet"
                                    id=format!("move-{up}")
                                    aria-label=up_label
                                    disabled=at == 0
                                    autofocus=focus_up
                                >
                                    <Picto name="up"/>
                                    {i18n.t("ballot-up")}
                                </button>
                                <button
                                    type="submit"
                                    name="step"
                                    value=down.clone()
                                    class="button button-quiet"
                                    id=format!("move-{down}")
                                    aria-label=down_label
                                    disabled=at == last
                                    autofocus=focus_down
                                >
                                    <Picto name="down"/>
                                    {i18n.t("ballot-down")}
                                </button>
                            </span>
                        </li>
                    }
                })
                .collect_view();
            let order = draft
                .order
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(",");
            view! {
                <fieldset>
                    <legend>{i18n.t("ballot-ranking-legend")}</legend>
                    <p class="hint">{i18n.t("ballot-ranking-hint")}</p>
                    <input type="hidden" name="order" value=order/>
                    <ol class="ranking">{items}</ol>
                </fieldset>
            }
            .into_any()
        }
        Method::Approval => {
            let items = (0..n)
                .map(|c| {
                    let id = format!("ballot-approved-{c}");
                    view! {
                        <p class="choice">
                            <input
                                type="checkbox"
                                id=id.clone()
                                name=format!("approved[{c}]")
                                value="on"
                                checked=draft.approved.contains(&c)
                            />
                            <label for=id lang="fr">
                                <strong>{title(c)}</strong>
                                <span class="hint">{summary_of(c)}</span>
                            </label>
                        </p>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{i18n.t("ballot-approval-legend")}</legend>
                    {items}
                </fieldset>
            }
            .into_any()
        }
        Method::Dots => {
            let total_error = field_error("points");
            let items = (0..n)
                .map(|c| {
                    let id = format!("ballot-points-{c}");
                    let error = field_error(&format!("points-{c}"));
                    let error_id = format!("{id}-error");
                    let described = error.is_some().then(|| error_id.clone());
                    let value = draft.points.get(&c).map(u32::to_string).unwrap_or_default();
                    let invalid = error.is_some();
                    view! {
                        <p class="field" class:field-invalid=invalid>
                            <label for=id.clone() lang="fr">
                                {title(c)}
                            </label>
                            {error
                                .map(|message| {
                                    view! {
                                        <span class="field-error" id=error_id>
                                            {i18n.text(&message)}
                                        </span>
                                    }
                                })}
                            <input
                                id=id
                                name=format!("points[{c}]")
                                type="number"
                                inputmode="numeric"
                                min="0"
                                max=vote.max_points_per_candidate.to_string()
                                value=value
                                aria-describedby=described
                                aria-invalid=field_error(&format!("points-{c}")).map(|_| "true")
                            />
                        </p>
                    }
                })
                .collect_view();
            view! {
                <fieldset id="ballot-points" tabindex="-1">
                    <legend>
                        {i18n.with(
                            "ballot-dots-legend",
                            &[
                                ("total", &vote.max_points.to_string()),
                                ("each", &vote.max_points_per_candidate.to_string()),
                            ],
                        )}
                    </legend>
                    {total_error
                        .map(|message| {
                            view! { <p class="field-error">{i18n.text(&message)}</p> }
                        })}
                    {items}
                </fieldset>
            }
            .into_any()
        }
        Method::MajorityJudgment => {
            let items = (0..n)
                .map(|c| {
                    let error = field_error(&format!("grade-{c}"));
                    let error_id = format!("ballot-grade-{c}-error");
                    let described = error.is_some().then(|| error_id.clone());
                    let grades = (0..MAJORITY_GRADES)
                        .map(|g| {
                            let id = format!("ballot-grade-{c}-{g}");
                            view! {
                                <span class="choice grade">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name=format!("grade[{c}]")
                                        value=g.to_string()
                                        checked=draft.grades.get(&c) == Some(&g)
                                    />
                                    <label for=id>
                                        <Picto name=grade_picto(g)/>
                                        {grade_name(i18n, g)}
                                    </label>
                                </span>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset
                            class="grades"
                            id=format!("ballot-grade-{c}")
                            tabindex="-1"
                            aria-describedby=described
                        >
                            <legend lang="fr">{title(c)}</legend>
                            {error
                                .map(|message| {
                                    view! {
                                        <p class="field-error" id=error_id>
                                            {i18n.text(&message)}
                                        </p>
                                    }
                                })}
                            {grades}
                        </fieldset>
                    }
                })
                .collect_view();
            view! {
                <div>
                    <p>{i18n.t("ballot-grades-intro")}</p>
                    {items}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="ballot-title">
            <h2 id="ballot-title">{i18n.t("ballot-title")}</h2>
            {summary}
            <form method="post" action=BallotStep::url() class="stacked-form ballot">
                <input type="hidden" name="slug" value=council_slug/>
                <input type="hidden" name="vote" value=vote.id.to_string()/>
                {code_field}
                <p class="field" class:field-invalid=college_invalid>
                    <label for="ballot-college">{i18n.t("ballot-college")}</label>
                    <span class="hint" id="ballot-college-hint">
                        {i18n.t("ballot-college-hint")}
                    </span>
                    {college_error
                        .map(|message| {
                            view! { <span class="field-error">{i18n.text(&message)}</span> }
                        })}
                    <select
                        id="ballot-college"
                        name="college"
                        aria-describedby="ballot-college-hint"
                    >
                        <option value="" selected=draft.college.is_empty()>
                            {i18n.t("ballot-college-unsaid")}
                        </option>
                        {college_options}
                    </select>
                </p>
                {choices}
                <p class="actions">
                    <button type="submit" name="step" value="review" class="button">
                        <Picto name="review"/>
                        {i18n.t("ballot-review")}
                    </button>
                </p>
            </form>
        </section>
    }
}

fn grade_picto(grade: usize) -> &'static str {
    match grade {
        0 => "grade-0",
        1 => "grade-1",
        2 => "grade-2",
        3 => "grade-3",
        _ => "grade-4",
    }
}

/// The ballot as it will be cast, to check before casting it.
#[component]
fn BallotReview(
    council_slug: String,
    vote: VoteInfo,
    colleges: Vec<College>,
    draft: BallotDraft,
) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let title = |c: usize| -> String {
        vote.candidates
            .get(c)
            .map(|candidate| candidate.title.pick(easy).to_owned())
            .unwrap_or_default()
    };
    let choices = match vote.method {
        Method::Schulze | Method::Borda => {
            let items = draft
                .order
                .iter()
                .map(|&c| view! { <li lang="fr">{title(c)}</li> })
                .collect_view();
            view! { <ol class="review-list">{items}</ol> }.into_any()
        }
        Method::Approval => {
            if draft.approved.is_empty() {
                view! { <p>{i18n.t("ballot-review-blank")}</p> }.into_any()
            } else {
                let mut approved = draft.approved.clone();
                approved.sort_unstable();
                let items = approved
                    .into_iter()
                    .map(|c| view! { <li lang="fr">{title(c)}</li> })
                    .collect_view();
                view! {
                    <p>{i18n.t("ballot-review-approved")}</p>
                    <ul class="review-list">{items}</ul>
                }
                .into_any()
            }
        }
        Method::Dots => {
            let given: Vec<(usize, u32)> = draft
                .points
                .iter()
                .filter(|(_, p)| **p > 0)
                .map(|(&c, &p)| (c, p))
                .collect();
            if given.is_empty() {
                view! { <p>{i18n.t("ballot-review-blank")}</p> }.into_any()
            } else {
                let items = given
                    .into_iter()
                    .map(|(c, p)| {
                        view! {
                            <li>
                                <span lang="fr">{title(c)}</span>
                                " : "
                                {i18n.count("ballot-points", u64::from(p))}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="review-list">{items}</ul> }.into_any()
            }
        }
        Method::MajorityJudgment => {
            let items = draft
                .grades
                .iter()
                .map(|(&c, &g)| {
                    view! {
                        <li>
                            <span lang="fr">{title(c)}</span>
                            " : "
                            <strong>{grade_name(i18n, g)}</strong>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="review-list">{items}</ul> }.into_any()
        }
    };
    let college = college_label(i18n, &colleges, &draft.college);
    let vote_id = vote.id.to_string();
    view! {
        <section aria-labelledby="review-title">
            <h2 id="review-title" tabindex="-1" autofocus>
                <Picto name="review"/>
                {i18n.t("ballot-review-title")}
            </h2>
            <p>{i18n.t("ballot-review-intro")}</p>
            {choices}
            <p>{i18n.with("ballot-review-college", &[("college", &college)])}</p>
            <div class="actions">
                <form method="post" action=CastBallot::url() class="inline-form">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="vote" value=vote_id.clone()/>
                    {carried_fields(&draft)}
                    <button type="submit" class="button">
                        <Picto name="vote"/>
                        {i18n.t("ballot-cast")}
                    </button>
                </form>
                <form method="post" action=BallotStep::url() class="inline-form">
                    <input type="hidden" name="slug" value=council_slug/>
                    <input type="hidden" name="vote" value=vote_id/>
                    <input type="hidden" name="step" value="edit"/>
                    {carried_fields(&draft)}
                    <button type="submit" class="button button-quiet">
                        {i18n.t("ballot-edit")}
                    </button>
                </form>
            </div>
        </section>
    }
}

/// A one-button form for the staff's vote actions.
fn run_button(i18n: I18n, slug: &str, vote: i64, action: &'static str) -> impl IntoView + use<> {
    view! {
        <form method="post" action=RunVote::url() class="inline-form">
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="vote" value=vote.to_string()/>
            <input type="hidden" name="action" value=action/>
            <button type="submit" class="button button-quiet">
                {i18n.text(&format!("vote-action-{action}"))}
            </button>
        </form>
    }
}

#[component]
fn RunVotePanel(council_slug: String, vote: VoteInfo, flash: PageFlash) -> impl IntoView {
    let i18n = use_i18n();
    let slug = council_slug.as_str();
    let mut actions = Vec::new();
    match vote.state {
        VoteState::Draft => actions.push(run_button(i18n, slug, vote.id, "open").into_any()),
        VoteState::Open => actions.push(run_button(i18n, slug, vote.id, "close").into_any()),
        VoteState::Closed => {}
    }
    if !vote.ended && vote.state != VoteState::Draft {
        let action = if vote.results_revealed {
            "hide"
        } else {
            "reveal"
        };
        actions.push(run_button(i18n, slug, vote.id, action).into_any());
    }
    let codes = (vote.integrity == Integrity::Strict && !vote.ended).then(|| {
        view! {
            <form method="post" action=IssueBallotCodes::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="vote" value=vote.id.to_string()/>
                <FormField
                    id="codes-count".to_owned()
                    name="count"
                    label="vote-codes-count"
                    hint="vote-codes-hint"
                    kind=FieldKind::Line
                    value=flash.value("codes", "count", "50")
                    required=true
                    error=flash.error("codes", "count")
                />
                <button type="submit" class="button button-quiet">
                    <Picto name="code"/>
                    {i18n.t("vote-codes-issue")}
                </button>
            </form>
        }
    });
    let projector = format!("/{council_slug}/votes/{}/projection", vote.id);
    view! {
        <section aria-labelledby="run-vote-title" class="card">
            <h2 id="run-vote-title">{i18n.t("vote-run-title")}</h2>
            {form_refusal(i18n, &flash, "run")}
            {form_refusal(i18n, &flash, "codes")}
            <div class="actions">{actions}</div>
            {codes}
            <p>
                <a href=projector>{i18n.t("vote-projector-link")}</a>
            </p>
        </section>
    }
}

/// A figure as words and digits (the decimal mark of the page's language).
fn figure_text(i18n: I18n, figure: &Figure) -> String {
    let number = |whole: &str, fraction: &str| {
        if fraction.is_empty() {
            whole.to_owned()
        } else {
            format!("{whole}{}{fraction}", i18n.text("decimal-mark"))
        }
    };
    match figure {
        Figure::Total { whole, fraction } => {
            i18n.with("results-points", &[("points", &number(whole, fraction))])
        }
        Figure::Schulze {
            wins,
            borda_whole,
            borda_fraction,
        } => i18n.with(
            "results-schulze",
            &[
                ("wins", &wins.to_string()),
                ("borda", &number(borda_whole, borda_fraction)),
            ],
        ),
        Figure::Grade { median } => grade_name(i18n, *median),
    }
}

/// A result as a table: place, finding, figure in words, and a bar drawn beside it (the
/// bar repeats the figure for the eye; the text carries it for everyone).
fn standing_table(
    i18n: I18n,
    vote: &VoteInfo,
    rows: &[StandingRow],
    caption: String,
    easy: bool,
) -> impl IntoView + use<> {
    let lines = rows
        .iter()
        .map(|row| {
            let title = vote
                .candidates
                .get(row.candidate)
                .map(|c| c.title.pick(easy).to_owned())
                .unwrap_or_default();
            let bar = row.bar.max(1).to_string();
            view! {
                <tr>
                    <td class="place">{row.place}</td>
                    <th scope="row" lang="fr">
                        {title}
                    </th>
                    <td class="figure">
                        <span>{figure_text(i18n, &row.figure)}</span>
                        <svg
                            class="bar"
                            viewBox="0 0 100 8"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                            focusable="false"
                        >
                            <rect x="0" y="0" height="8" width=bar></rect>
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="standing">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("results-place")}</th>
                    <th scope="col">{i18n.t("results-finding")}</th>
                    <th scope="col">{i18n.t("results-figure")}</th>
                </tr>
            </thead>
            <tbody>{lines}</tbody>
        </table>
    }
}

fn group_name(i18n: I18n, colleges: &[College], college: &Option<String>, min: usize) -> String {
    match college {
        Some(key) => college_label(i18n, colleges, key),
        None => i18n.with("results-other", &[("min", &min.to_string())]),
    }
}

#[component]
fn ResultsView(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let ResultsPage {
        council_slug,
        council_name,
        vote,
        colleges,
        results,
        min_group,
        can_export,
        waiting,
    } = page;
    let hidden_note = (!vote.results_public()).then(|| {
        view! { <p class="notice">{i18n.t("results-staff-only")}</p> }
    });
    // While ballots come in, the count moves by whole groups (docs/privacy.md): say so.
    let mixing_note = (results.is_some() && !vote.ended).then(|| {
        let (min, waiting) = (min_group.to_string(), waiting.to_string());
        view! {
            <p class="notice">
                {i18n.with("results-mixed", &[("min", &min), ("waiting", &waiting)])}
            </p>
        }
    });
    let body = match results {
        None => view! {
            <p class="lead">
                {i18n.with("results-hidden", &[("closes", &i18n.moment(&vote.closes))])}
            </p>
        }
        .into_any(),
        Some(results) => view! {
            <ResultsBody vote=vote.clone() colleges results min_group easy/>
        }
        .into_any(),
    };
    let export = can_export.then(|| {
        let href = format!("{}?slug={}&id={}", ExportVote::url(), council_slug, vote.id);
        // Ranked methods: the totals per pair recount the same without listing a ranking
        // someone could have dictated (docs/recount.md).
        let pairwise = matches!(vote.method, Method::Schulze | Method::Borda).then(|| {
            view! {
                <p>{i18n.t("results-export-pairwise-why")}</p>
                <p>
                    <a
                        href=format!("{href}&totals=pairwise")
                        download=format!("totaux-par-paire-vote-{}.json", vote.id)
                    >
                        {i18n.t("results-export-pairwise")}
                    </a>
                </p>
            }
        });
        view! {
            <section aria-labelledby="export-title">
                <h2 id="export-title">{i18n.t("results-export-title")}</h2>
                <p>{i18n.t("results-export-intro")}</p>
                {pairwise}
                <p>
                    <a href=href.clone() download=format!("bulletins-vote-{}.json", vote.id)>
                        {i18n.t("results-export")}
                    </a>
                </p>
            </section>
        }
    });
    let heading = i18n.with("results-title", &[("vote", &vote.title)]);
    let state = i18n.text(state_label(&vote));
    let back = format!("/{council_slug}/votes/{}", vote.id);
    view! {
        <Title text=heading.clone()/>
        <p class="breadcrumb">
            <A href=back>
                <span lang="fr">{vote.title}</span>
            </A>
            " — "
            <span lang="fr">{council_name}</span>
        </p>
        <h1>
            <Picto name="results"/>
            {heading}
        </h1>
        <p class="tag">{state}</p>
        {hidden_note}
        {mixing_note}
        {body}
        {export}
    }
}

#[component]
fn ResultsBody(
    vote: VoteInfo,
    colleges: Vec<College>,
    results: VoteResults,
    min_group: usize,
    easy: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let participation = results
        .groups
        .iter()
        .map(|group| {
            let name = group_name(i18n, &colleges, &group.group.college, min_group);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{group.group.ballots}</td>
                </tr>
            }
        })
        .collect_view();
    // Everyone in one group: a result per college would give the secret away.
    let no_breakdown = matches!(results.groups.as_slice(), [only] if only.group.college.is_none());
    let breakdown = results
        .groups
        .iter()
        .filter(|_| !no_breakdown)
        .map(|group| {
            let name = group_name(i18n, &colleges, &group.group.college, min_group);
            match &group.standing {
                Some(rows) => standing_table(
                    i18n,
                    &vote,
                    rows,
                    i18n.with(
                        "results-college-caption",
                        &[
                            ("college", &name),
                            ("ballots", &group.group.ballots.to_string()),
                        ],
                    ),
                    easy,
                )
                .into_any(),
                None => view! {
                    <p>
                        {i18n.with(
                            "results-group-too-small",
                            &[("college", &name), ("min", &min_group.to_string())],
                        )}
                    </p>
                }
                .into_any(),
            }
        })
        .collect_view();
    let firsts = |rows: &[StandingRow]| -> Vec<usize> {
        let mut firsts: Vec<usize> = rows
            .iter()
            .filter(|r| r.place == 1)
            .map(|r| r.candidate)
            .collect();
        firsts.sort_unstable();
        firsts
    };
    let same_winner = firsts(&results.raw) == firsts(&results.equal_colleges);
    view! {
        <p class="lead">{i18n.count("results-ballots", results.ballots as u64)}</p>
        <section aria-labelledby="overall-title">
            <h2 id="overall-title">{i18n.t("results-overall")}</h2>
            <p>{i18n.t("results-equal-explained")}</p>
            <p>
                {i18n.t(if same_winner { "results-same-first" } else { "results-other-first" })}
            </p>
            <div class="side-by-side">
                {standing_table(i18n, &vote, &results.raw, i18n.text("results-raw-caption"), easy)}
                {standing_table(
                    i18n,
                    &vote,
                    &results.equal_colleges,
                    i18n.text("results-equal-caption"),
                    easy,
                )}
            </div>
            <p class="hint">{i18n.text(&format!("results-how-{}", method_key(vote.method)))}</p>
        </section>
        <section aria-labelledby="participation-title">
            <h2 id="participation-title">{i18n.t("results-participation")}</h2>
            <table class="participation">
                <caption>
                    {i18n.with("results-participation-caption", &[("min", &min_group.to_string())])}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("results-college")}</th>
                        <th scope="col">{i18n.t("results-ballots-column")}</th>
                    </tr>
                </thead>
                <tbody>{participation}</tbody>
            </table>
        </section>
        <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{i18n.t("results-by-college")}</h2>
            {no_breakdown
                .then(|| {
                    view! {
                        <p>{i18n.with("results-no-breakdown", &[("min", &min_group.to_string())])}</p>
                    }
                })}
            {breakdown}
        </section>
    }
}

/// How often an open vote's projector page reloads itself.
const PROJECTOR_REFRESH_SECONDS: u32 = 10;

#[component]
fn ProjectorView(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let ResultsPage { vote, results, .. } = page;
    // The projector is public: it shows what everyone may see, staff or not.
    let shown = results.filter(|_| vote.results_public());
    let body = match shown {
        Some(results) => view! {
            <p>{i18n.count("results-ballots", results.ballots as u64)}</p>
            <div class="side-by-side">
                {standing_table(i18n, &vote, &results.raw, i18n.text("results-raw-caption"), easy)}
                {standing_table(
                    i18n,
                    &vote,
                    &results.equal_colleges,
                    i18n.text("results-equal-caption"),
                    easy,
                )}
            </div>
        }
        .into_any(),
        None => view! {
            <p class="lead">
                {i18n.with("results-hidden", &[("closes", &i18n.moment(&vote.closes))])}
            </p>
        }
        .into_any(),
    };
    // Nobody reloads a projector: until the vote is closed, the page fetches itself again
    // (new ballots counted, results revealed or published at the close). An island, not a
    // timed `<meta refresh>`, which WCAG 2.2.1 forbids on a page people read.
    let refresh = (vote.state != VoteState::Closed)
        .then(|| view! { <ScreenRefresh seconds=PROJECTOR_REFRESH_SECONDS/> });
    view! {
        <Title text=vote.title.clone()/>
        {refresh}
        <div class="projector">
            <h1>
                <span lang="fr">{vote.title.clone()}</span>
            </h1>
            {body}
        </div>
    }
}

#[component]
fn CodeSheetView(page: CodeSheet) -> impl IntoView {
    let i18n = use_i18n();
    let CodeSheet {
        council_slug,
        vote,
        codes,
        ballot_link,
        ..
    } = page;
    code_sheet(
        i18n,
        CodeSheetTexts {
            title: "vote-codes-title",
            once: "vote-codes-once",
            gone: "vote-codes-gone",
        },
        vote.title.clone(),
        format!("/{council_slug}/votes/{}", vote.id),
        codes,
        ballot_link,
    )
}

/// The Fluent ids of a code sheet's texts.
pub(super) struct CodeSheetTexts {
    pub title: &'static str,
    pub once: &'static str,
    pub gone: &'static str,
}

/// A printable sheet of one-time codes (votes, surveys): one card per code with what it
/// is for and where to use it; shown once (empty when the page is reloaded).
pub(super) fn code_sheet(
    i18n: I18n,
    texts: CodeSheetTexts,
    what: String,
    back: String,
    codes: Vec<String>,
    link: String,
) -> AnyView {
    let body = if codes.is_empty() {
        view! { <p class="lead">{i18n.t(texts.gone)}</p> }.into_any()
    } else {
        let cards = codes
            .into_iter()
            .map(|code| {
                view! {
                    <li class="code-card">
                        <span lang="fr">{what.clone()}</span>
                        <strong class="code">{code}</strong>
                        <span>{link.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="no-print">{i18n.t(texts.once)}</p>
            <ul class="code-sheet">{cards}</ul>
        }
        .into_any()
    };
    view! {
        <Title text=i18n.text(texts.title)/>
        <p class="breadcrumb no-print">
            <A href=back>
                <span lang="fr">{what.clone()}</span>
            </A>
        </p>
        <h1 class="no-print">{i18n.t(texts.title)}</h1>
        {body}
    }
    .into_any()
}
