//! "What your vote became" (`/{slug}/votes/{id}/suites`): the vote's first places beside the
//! priorities the council adopted after it, with the findings each rests on, why, when and
//! by whom. A coordinator records, orders and removes them on the same page once the vote
//! has ended: plain forms, nothing here needs JavaScript.

use super::*;
use crate::api::{AdoptPriority, OutcomePage, PriorityAction};
use crate::domain::priority::{DECIDED_BY_MAX, Priority};
use crate::ui::components::Paragraphs;

/// How many places the outcome page shows of the vote's standing.
const OUTCOME_PLACES: usize = 5;

#[component]
pub(super) fn OutcomeView(page: OutcomePage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let OutcomePage {
        council_slug,
        council_name,
        vote,
        standing,
        ballots,
        priorities,
        can_record,
        today,
        flash,
    } = page;
    let result = match standing {
        Some(rows) => {
            let top: Vec<StandingRow> = rows
                .into_iter()
                .filter(|row| row.place <= OUTCOME_PLACES)
                .collect();
            let link = format!("/{council_slug}/votes/{}/resultats", vote.id);
            view! {
                <p>{i18n.count("results-ballots", ballots as u64)}</p>
                {standing_table(i18n, &vote, &top, i18n.text("outcome-standing-caption"), easy)}
                <p><A href=link>{i18n.t("outcome-all-results")}</A></p>
            }
            .into_any()
        }
        None => view! {
            <p class="lead">
                {i18n.with("results-hidden", &[("closes", &i18n.moment(&vote.closes))])}
            </p>
        }
        .into_any(),
    };
    let adopted = if priorities.is_empty() {
        let key = if vote.ended {
            "outcome-none-yet"
        } else {
            "outcome-vote-running"
        };
        view! { <p class="lead">{i18n.t(key)}</p> }.into_any()
    } else {
        let count = priorities.len();
        let items = priorities
            .iter()
            .map(|p| {
                let refused = form_refusal(i18n, &flash, &format!("priority-{}", p.id))
                    .map(|refused| refused.into_any());
                priority_card(
                    i18n,
                    &council_slug,
                    &vote,
                    p,
                    count,
                    can_record,
                    easy,
                    refused,
                )
            })
            .collect_view();
        view! { <ol class="priorities">{items}</ol> }.into_any()
    };
    let form = can_record.then(|| adopt_form(i18n, &council_slug, &vote, &today, &flash));
    let heading = i18n.text("outcome-title");
    let back = format!("/{council_slug}/votes/{}", vote.id);
    view! {
        <PageHeader
            tab=format!("{heading} — {}", vote.title)
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(back, Label::Council(vote.title.clone())),
            ]
            picto="results"
            heading=Label::Interface(heading)
        />
        {notice(i18n, &flash)}
        <p class="lead">{i18n.with("outcome-intro", &[("vote", &vote.title)])}</p>
        <div class="outcome">
            // What was decided first: it is what this page is for; the result beside it.
            <section aria-labelledby="outcome-priorities-title">
                <h2 id="outcome-priorities-title">{i18n.t("outcome-priorities")}</h2>
                {adopted}
                <p>
                    <A href=format!("/{council_slug}/feuille-de-route")>{i18n.t("roadmap-link")}</A>
                </p>
            </section>
            <section aria-labelledby="outcome-result-title">
                <h2 id="outcome-result-title">{i18n.t("outcome-result")}</h2>
                {result}
            </section>
        </div>
        {form}
    }
}

/// One adopted priority: its rank and title, the findings it rests on, why, who decided
/// and when; for a coordinator, the buttons that move or remove it (and why a move was
/// refused).
#[allow(clippy::too_many_arguments)]
fn priority_card(
    i18n: I18n,
    slug: &str,
    vote: &VoteInfo,
    priority: &Priority,
    count: usize,
    can_record: bool,
    easy: bool,
    refused: Option<AnyView>,
) -> impl IntoView + use<> {
    let findings = priority
        .findings
        .iter()
        .filter_map(|id| vote.candidates.iter().find(|c| c.finding_id == *id))
        .map(|c| (c.finding_id, c.title.pick(easy).to_owned()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(finding, title)| {
            let href = format!("/{slug}/constats/{finding}");
            view! {
                <li>
                    <A href=href>
                        <span lang="fr">{title}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    let decided = i18n.with(
        "outcome-decided",
        &[
            ("by", &priority.decided_by),
            ("date", &i18n.date(priority.decided_on)),
        ],
    );
    let anchor = format!("priorite-{}", priority.id);
    let title_id = format!("{anchor}-title");
    let controls = can_record.then(|| {
        let rank = priority.rank as usize;
        let button = |action: &'static str, label: &'static str, quiet: bool| {
            let label = i18n.with(label, &[("title", &priority.title.plain)]);
            view! {
                <form method="post" action=PriorityAction::url() class="inline-form">
                    <input type="hidden" name="slug" value=slug.to_owned()/>
                    <input type="hidden" name="vote" value=vote.id.to_string()/>
                    <input type="hidden" name="priority" value=priority.id.to_string()/>
                    <input type="hidden" name="action" value=action/>
                    <button
                        type="submit"
                        class=if quiet { "button button-quiet" } else { "button button-secondary" }
                    >
                        {label}
                    </button>
                </form>
            }
        };
        view! {
            <div class="actions">
                {(rank > 1).then(|| button("up", "outcome-move-up", false))}
                {(rank < count).then(|| button("down", "outcome-move-down", false))}
                {button("remove", "outcome-remove", true)}
            </div>
        }
    });
    view! {
        <li class="card priority" id=anchor>
            <h3 id=title_id lang="fr">{priority.title.pick(easy).to_owned()}</h3>
            <div lang="fr">
                <Paragraphs text=priority.reason.pick(easy).to_owned()/>
            </div>
            <p class="hint">{i18n.t("outcome-rests-on")}</p>
            <ul>{findings}</ul>
            <p class="hint">{decided}</p>
            {refused}
            {controls}
        </li>
    }
}

/// A coordinator's form: a new priority after the last one.
fn adopt_form(
    i18n: I18n,
    slug: &str,
    vote: &VoteInfo,
    today: &str,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let form = "priority-new";
    let chosen: Option<Vec<String>> = flash
        .refusal(form)
        .and_then(|echo| echo.values.get("findings"))
        .map(|list| list.split(',').map(str::to_owned).collect());
    let boxes = vote
        .candidates
        .iter()
        .map(|c| {
            let value = c.finding_id.to_string();
            let id = format!("priority-finding-{value}");
            let checked = chosen.as_ref().is_some_and(|list| list.contains(&value));
            view! {
                <p class="choice">
                    <input type="checkbox" id=id.clone() name=format!("findings[{value}]") value="on" checked=checked/>
                    <label for=id lang="fr">{c.title.plain.clone()}</label>
                </p>
            }
        })
        .collect_view();
    let findings_error = flash.error(form, "findings");
    let invalid = findings_error.as_ref().map(|_| "true");
    let described = findings_error.as_ref().map(|_| "priority-findings-error");
    let findings_error = findings_error.map(|message| {
        view! { <span class="field-error" id="priority-findings-error">{i18n.text(&message)}</span> }
    });
    // Every field of the form but the findings' boxes and the date: its id from its name,
    // what was typed given back, its refusal beside it; long texts show their readability.
    let field = |name: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 kind: FieldKind,
                 required: bool| {
        let long = kind == FieldKind::Text;
        let max = match (long, name) {
            (true, _) => crate::domain::LONG_TEXT_MAX,
            (false, "decided_by") => DECIDED_BY_MAX,
            (false, _) => TITLE_MAX,
        };
        view! {
            <FormField
                id=format!("priority-{}", name.replace('_', "-"))
                name
                label
                hint
                kind
                value=flash.value(form, name, "")
                required
                max_length=max
                error=flash.error(form, name)
                measured=long
            />
        }
    };
    view! {
        <section aria-labelledby="priority-new-title">
            <h2 id="priority-new-title">{i18n.t("outcome-adopt")}</h2>
            <p>{i18n.t("outcome-adopt-intro")}</p>
            {form_refusal(i18n, flash, form)}
            <form method="post" action=AdoptPriority::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="vote" value=vote.id.to_string()/>
                {field("title", "outcome-field-title", "outcome-field-title-hint", FieldKind::Line, true)}
                {field("title_easy", "outcome-field-title-easy", "outcome-field-easy-hint", FieldKind::Line, false)}
                {field("reason", "outcome-field-reason", "outcome-field-reason-hint", FieldKind::Text, true)}
                {field("reason_easy", "outcome-field-reason-easy", "outcome-field-easy-hint", FieldKind::Text, false)}
                <fieldset aria-describedby=described aria-invalid=invalid>
                    <legend>{i18n.t("outcome-field-findings")}</legend>
                    {findings_error}
                    {boxes}
                </fieldset>
                <FormField
                    id="priority-decided-on".to_owned()
                    name="decided_on"
                    label="outcome-field-decided-on"
                    kind=FieldKind::Date
                    value=flash.value(form, "decided_on", today)
                    required=true
                    error=flash.error(form, "decided_on")
                />
                {field("decided_by", "outcome-field-decided-by", "outcome-field-decided-by-hint", FieldKind::Line, true)}
                <p>
                    <button type="submit" class="button">{i18n.t("outcome-adopt-submit")}</button>
                </p>
            </form>
        </section>
    }
}
