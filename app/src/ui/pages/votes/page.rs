//! A vote's page: what it is about, when it runs, the ballot or how to take part, and the
//! coordinators' buttons that open and close it.

use super::*;

#[component]
pub(super) fn VoteView(page: VotePage) -> impl IntoView {
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
        refused_writes,
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
    // Once it has ended: what the council decided after it.
    let outcome_link = vote.ended.then(|| {
        let href = format!("/{council_slug}/votes/{}/suites", vote.id);
        view! {
            <p>
                <A href=href>{i18n.t("outcome-link")}</A>
            </p>
        }
    });
    let staff = can_run.then(|| {
        view! {
            <RunVotePanel
                council_slug=council_slug.clone()
                vote=vote.clone()
                flash=flash.clone()
                refused_writes=refused_writes.unwrap_or(0)
            />
        }
    });
    let how = format!("{}-how", method_name(vote.method));
    // What "one ballot per browser" protects against, said where people vote.
    let open_note = (vote.integrity == Integrity::Open && vote.accepting)
        .then(|| view! { <p class="hint">{i18n.t("vote-open-honest")}</p> });
    view! {
        <PageHeader
            tab=vote.title.clone()
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(
                    format!("/{council_slug}/votes"),
                    Label::Interface(i18n.text("votes-title")),
                ),
            ]
            picto="vote"
            heading=Label::Council(vote.title.clone())
        />
        <p class="tag">{i18n.text(state_label(&vote))}</p>
        <p>{period(i18n, &vote)}</p>
        <p>
            <strong>{i18n.text(&method_name(vote.method))}</strong>
            " — "
            {i18n.text(&how)}
        </p>
        {open_note}
        {receipt}
        {other_notice}
        {refused}
        {body}
        {results_link}
        {outcome_link}
        {staff}
    }
}

/// A one-button form for the staff's vote actions.
pub(super) fn run_button(
    i18n: I18n,
    slug: &str,
    vote: i64,
    action: &'static str,
) -> impl IntoView + use<> {
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
pub(super) fn RunVotePanel(
    council_slug: String,
    vote: VoteInfo,
    flash: PageFlash,
    /// Writes to this vote the rate limits refused since the server started.
    refused_writes: u64,
) -> impl IntoView {
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
            <p class="hint">{i18n.count("refused-writes", refused_writes)}</p>
        </section>
    }
}
