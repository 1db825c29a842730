//! `/{slug}/feuille-de-route/action/{id}`: one action in full — what it is, what it rests
//! on, who leads it, when, its money — and its story in dated updates, newest first. A
//! coordinator changes it and tells its news from here.

use super::*;
use crate::api::{ActionPage, AddActionUpdate, load_action};
use crate::domain::LONG_TEXT_MAX;
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, PageHeader, Paragraphs, SelectField, form_refusal,
};
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::server_fn::ServerFn;

#[component]
pub fn ActionRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_action(slug, id));
    loaded(page, |page| view! { <ActionView page/> }.into_any())
}

#[component]
fn ActionView(page: ActionPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let ActionPage {
        council_slug,
        council_name,
        action,
        priority,
        objective,
        can_edit,
        today,
        flash,
    } = page;
    let fields = &action.fields;
    let roadmap = format!("/{council_slug}/feuille-de-route");
    let rests_on = priority.as_ref().map(|adopted| {
        let href = format!(
            "/{council_slug}/votes/{}/suites#priorite-{}",
            adopted.vote_id, adopted.priority.id
        );
        let title = priority_title(adopted, easy);
        let vote = adopted.vote_title.clone();
        view! {
            <p>
                <strong>{i18n.t("action-priority")}</strong>
                " : "
                <a href=href lang="fr">{title}</a>
                " "
                <span class="hint">{i18n.with("action-priority-of-vote", &[("vote", &vote)])}</span>
            </p>
        }
    });
    let objective = objective.map(|objective| objective_title(i18n, &objective, easy));
    let budget = fields.budget.map(|amount| euros(i18n, amount));
    let dropped = action.dropped_because().map(|why| {
        let text = why.pick(easy).to_owned();
        view! {
            <div class="notice">
                <p><strong>{i18n.t("action-dropped-because")}</strong></p>
                <div lang="fr"><Paragraphs text/></div>
            </div>
        }
    });
    let updates = if action.updates.is_empty() {
        view! { <p>{i18n.t("action-no-update")}</p> }.into_any()
    } else {
        let items = action
            .updates
            .iter()
            .map(|update| {
                let moved = update.status.map(|status| {
                    view! {
                        " "
                        {status_tag(i18n, status)}
                    }
                });
                let text = update.text.pick(easy).to_owned();
                view! {
                    <li class="card">
                        <h3>{i18n.date(update.on)} {moved}</h3>
                        <div lang="fr"><Paragraphs text/></div>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="action-updates">{items}</ol> }.into_any()
    };
    let edit = can_edit.then(|| {
        let href = format!("{roadmap}/action/{}/modifier", action.id);
        view! {
            <p class="no-print">
                <a class="button button-secondary" href=href>{i18n.t("action-edit")}</a>
            </p>
        }
    });
    let update_form = can_edit.then(|| update_form(i18n, &council_slug, &action, &today, &flash));
    let title = fields.title.pick(easy).to_owned();
    let summary = fields.summary.pick(easy).to_owned();
    view! {
        <PageHeader
            tab=format!("{title} — {}", i18n.text("roadmap-title"))
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(roadmap.clone(), Label::Interface(i18n.text("roadmap-title"))),
            ]
            picto="results"
            heading=Label::Council(title)
            flash=flash.clone()
        />
        <p>{status_tag(i18n, action.status)}</p>
        {dropped}
        <div lang="fr" class="lead">
            <Paragraphs text=summary/>
        </div>
        <section aria-labelledby="action-facts-title" class="card">
            <h2 id="action-facts-title">{i18n.t("action-facts")}</h2>
            {rests_on}
            {objective.map(|name| fact(i18n, "action-objective", name))}
            {fact(i18n, "action-lead", fields.lead.clone())}
            {fact(i18n, "action-partners", fields.partners.clone())}
            {fact(i18n, "action-public", fields.public.clone())}
            {said_fact(i18n, "action-when", period(i18n, &action))}
            {said_fact(i18n, "action-budget", budget.unwrap_or_default())}
            {fact(i18n, "action-funder", fields.funder.clone())}
        </section>
        {edit}
        <section aria-labelledby="suivi-title" id="suivi">
            <h2 id="suivi-title">{i18n.t("action-updates")}</h2>
            {updates}
        </section>
        {update_form}
        <p class="no-print">
            <a href=roadmap>{i18n.t("action-back")}</a>
        </p>
    }
}

/// A coordinator's form: what happened, when, and where the action stands now.
fn update_form(
    i18n: I18n,
    slug: &str,
    action: &Action,
    today: &str,
    flash: &crate::api::PageFlash,
) -> impl IntoView + use<> {
    let form = "update";
    let mut statuses = vec![(String::new(), i18n.text("action-status-unchanged"))];
    statuses.extend(
        ActionStatus::ALL
            .into_iter()
            .filter(|status| *status != action.status)
            .map(|status| (status.key().to_owned(), i18n.text(&status_message(status)))),
    );
    view! {
        <section aria-labelledby="update-new-title" class="no-print">
            <h2 id="update-new-title">{i18n.t("action-update-new")}</h2>
            <p>{i18n.t("action-update-intro")}</p>
            {form_refusal(i18n, flash, form)}
            <form method="post" action=AddActionUpdate::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="action" value=action.id.to_string()/>
                <FormField
                    id="update-on".to_owned()
                    name="on"
                    label="action-update-on"
                    kind=FieldKind::Date
                    value=flash.value(form, "on", today)
                    required=true
                    error=flash.error(form, "on")
                />
                <FormField
                    id="update-text".to_owned()
                    name="text"
                    label="action-update-text"
                    hint="action-update-text-hint"
                    kind=FieldKind::Text
                    value=flash.value(form, "text", "")
                    required=true
                    max_length=LONG_TEXT_MAX
                    error=flash.error(form, "text")
                    measured=true
                />
                <FormField
                    id="update-text-easy".to_owned()
                    name="text_easy"
                    label="action-update-text-easy"
                    hint="outcome-field-easy-hint"
                    kind=FieldKind::Text
                    value=flash.value(form, "text_easy", "")
                    max_length=LONG_TEXT_MAX
                    error=flash.error(form, "text_easy")
                    measured=true
                />
                <SelectField
                    id="update-status".to_owned()
                    name="status"
                    label="action-update-status"
                    hint="action-update-status-hint"
                    options=statuses
                    value=flash.value(form, "status", "")
                    error=flash.error(form, "status")
                />
                <p>
                    <button type="submit" class="button">{i18n.t("action-update-submit")}</button>
                </p>
            </form>
        </section>
    }
}
