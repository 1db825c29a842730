//! The ballot: filled in step by step with plain form posts (a page per step without
//! JavaScript), reviewed, then cast.

use super::*;

/// The fields that carry a ballot from one step to the next.
pub(super) fn carried_fields(draft: &BallotDraft) -> impl IntoView + use<> {
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

/// The name of college `key` as the council calls it; "" is "did not say".
pub(super) fn college_label(i18n: I18n, colleges: &[College], key: &str) -> String {
    if key.is_empty() {
        return i18n.text("ballot-college-unsaid");
    }
    crate::ui::components::college_named(i18n, colleges, key)
}

pub(super) fn grade_name(i18n: I18n, grade: usize) -> String {
    i18n.text(&format!("grade-{grade}"))
}

#[component]
pub(super) fn BallotForm(
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

pub(super) fn grade_picto(grade: usize) -> &'static str {
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
pub(super) fn BallotReview(
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
