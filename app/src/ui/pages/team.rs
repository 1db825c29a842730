//! A council's team page and audit log, for its coordinators.

use super::loaded;
use crate::api::{
    AuditLogPage, CancelInvitation, ChangeStaff, InviteStaff, PendingView, TeamMember, TeamOutcome,
    TeamPage, load_audit_log, load_team_page,
};
use crate::domain::{INVITATION_HOURS, Role};
use crate::ui::components::{Notice, StepUp};
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

fn slug_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("slug").unwrap_or_default()
}

/// `/{slug}/equipe`: the invitation form, members, pending invitations (plain forms
/// posts: they work the same with and without JavaScript).
#[component]
pub fn TeamPageRoute() -> impl IntoView {
    let team = Resource::new(slug_param(), load_team_page);
    loaded(team, |team| view! { <TeamView team/> }.into_any())
}

#[component]
fn TeamView(team: TeamPage) -> impl IntoView {
    let i18n = use_i18n();
    let TeamPage {
        council_slug,
        council_name,
        members,
        pending,
        verified_recently,
        flash,
        first_steps,
    } = team;
    let checklist = first_steps_card(i18n, &council_slug, first_steps);
    let step_up =
        (!verified_recently).then(|| view! { <StepUp back=format!("/{council_slug}/equipe")/> });
    let journal = format!("/{council_slug}/journal");
    let outcome = flash.map(|outcome| match outcome {
        TeamOutcome::Saved(id) => view! {
            <Notice>
                <p>{i18n.text(&id)}</p>
            </Notice>
        }
        .into_any(),
        TeamOutcome::Link(link) => view! {
            <Notice>
                <p>
                    <label for="invitation-link">{i18n.t("team-link-ready")}</label>
                </p>
                <input id="invitation-link" class="link-box" type="text" readonly value=link/>
                <p>{i18n.t("team-link-once")}</p>
            </Notice>
        }
        .into_any(),
        TeamOutcome::Refused(id) => view! {
            <Notice error=true>
                <p>{i18n.text(&id)}</p>
            </Notice>
        }
        .into_any(),
    });
    view! {
        <Title text=i18n.text("team-title")/>
        <h1>{i18n.t("team-title")} " — " <span lang="fr">{council_name}</span></h1>
        {outcome}
        {checklist}
        {step_up}
        <section aria-labelledby="invite-title">
            <h2 id="invite-title">{i18n.t("team-invite")}</h2>
            <form method="post" action=InviteStaff::url() class="invite-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <p class="field">
                    <label for="invite-role">{i18n.t("team-invite-role")}</label>
                    <select id="invite-role" name="role">
                        {Role::ALL
                            .into_iter()
                            .map(|role| {
                                view! {
                                    <option value=role.key() selected=role == Role::Facilitator>
                                        {i18n.t(role.message_id())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </p>
                <p class="field">
                    <label for="invite-hours">{i18n.t("team-invite-hours")}</label>
                    <input
                        id="invite-hours"
                        name="hours"
                        type="number"
                        min="1"
                        max="720"
                        required
                        value=INVITATION_HOURS.to_string()
                    />
                </p>
                <p class="choice">
                    <input
                        id="invite-testimony"
                        name="testimony"
                        type="checkbox"
                        value="yes"
                        aria-describedby="invite-testimony-hint"
                    />
                    <label for="invite-testimony">{i18n.t("team-testimony-grant")}</label>
                </p>
                <p id="invite-testimony-hint" class="hint">{i18n.t("team-testimony-hint")}</p>
                <button type="submit" class="button">{i18n.t("team-invite-submit")}</button>
            </form>
        </section>
        <section aria-labelledby="members-title">
            <h2 id="members-title">{i18n.t("team-members")}</h2>
            <p>{i18n.t("team-members-intro")}</p>
            <ul class="team-members">
                {members
                    .into_iter()
                    .map(|member| view! { <MemberItem member slug=council_slug.clone()/> })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="pending-title">
            <h2 id="pending-title">{i18n.t("team-pending")}</h2>
            {if pending.is_empty() {
                view! { <p>{i18n.t("team-pending-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="team-members">
                        {pending
                            .into_iter()
                            .map(|invitation| {
                                view! { <PendingItem invitation slug=council_slug.clone()/> }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <p>
            <A href=journal>{i18n.t("audit-title")}</A>
        </p>
    }
}

/// One member of the team, with the two things a coordinator may do: give another role,
/// or take them off the team (which signs them out everywhere at once). Plain forms.
#[component]
fn MemberItem(member: TeamMember, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let TeamMember {
        account_id,
        name,
        access,
        you,
    } = member;
    let role = access.role;
    let select_id = format!("member-{account_id}-role");
    let grant_id = format!("member-{account_id}-testimony");
    let you = you.then(|| view! { " " {i18n.t("team-member-you")} });
    let reads = access
        .reads_testimony
        .then(|| view! { " · " {i18n.t("team-member-reads-testimony")} });
    // Coordinators read testimony whatever the box says: no box to mislead.
    let grant = (role != Role::Coordinator).then(|| {
        view! {
            <span class="choice">
                <input
                    id=grant_id.clone()
                    name="testimony"
                    type="checkbox"
                    value="yes"
                    checked=access.reads_testimony
                />
                <label for=grant_id.clone()>
                    {i18n.with("team-member-testimony", &[("name", &name)])}
                </label>
            </span>
        }
    });
    view! {
        <li class="team-member">
            <p class="team-member-name">
                <strong>{name.clone()}</strong> " — " {i18n.t(role.message_id())} {reads} {you}
            </p>
            <div class="actions">
                <form method="post" action=ChangeStaff::url() class="team-role-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <input type="hidden" name="member" value=account_id.to_string()/>
                    <input type="hidden" name="action" value="role"/>
                    <label for=select_id.clone()>
                        {i18n.with("team-member-role", &[("name", &name)])}
                    </label>
                    <select id=select_id name="role">
                        {Role::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.key() selected=option == role>
                                        {i18n.t(option.message_id())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {grant}
                    <button type="submit" class="button button-quiet">
                        {i18n.t("team-member-role-submit")}
                    </button>
                </form>
                <form method="post" action=ChangeStaff::url()>
                    <input type="hidden" name="slug" value=slug/>
                    <input type="hidden" name="member" value=account_id.to_string()/>
                    <input type="hidden" name="action" value="remove"/>
                    <button type="submit" class="button button-quiet">
                        {i18n.with("team-member-remove", &[("name", &name)])}
                    </button>
                </form>
            </div>
        </li>
    }
}

/// An invitation not used yet, and the button that cancels it (its link stops working).
#[component]
fn PendingItem(invitation: PendingView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let role = i18n.text(invitation.access.role.message_id());
    let reads = invitation
        .access
        .reads_testimony
        .then(|| view! { " · " {i18n.t("team-member-reads-testimony")} });
    view! {
        <li class="team-member">
            <p class="team-member-name">
                {role.clone()} {reads} " — " {i18n.t("team-pending-until")} " "
                {invitation.until}
            </p>
            <form method="post" action=CancelInvitation::url()>
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="invitation" value=invitation.id.to_string()/>
                <button type="submit" class="button button-quiet">
                    {i18n.with("team-invitation-cancel", &[("role", &role)])}
                </button>
            </form>
        </li>
    }
}

/// `/{slug}/journal`: the newest staff actions of the council.
#[component]
pub fn AuditLogRoute() -> impl IntoView {
    let log = Resource::new(slug_param(), load_audit_log);
    loaded(log, |log| view! { <AuditLogView log/> }.into_any())
}

#[component]
fn AuditLogView(log: AuditLogPage) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.text("audit-title")/>
        <h1>{i18n.t("audit-title")} " — " <span lang="fr">{log.council_name}</span></h1>
        <p>{i18n.t("audit-intro")}</p>
        // A wide table scrolls within its own frame on a phone (WCAG 1.4.10 lets a data
        // table keep its two dimensions), reachable and scrollable by keyboard.
        <div
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-label=i18n.text("audit-caption")
        >
            <table class="audit">
                <caption>{i18n.t("audit-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("audit-when")}</th>
                        <th scope="col">{i18n.t("audit-who")}</th>
                        <th scope="col">{i18n.t("audit-what")}</th>
                        <th scope="col">{i18n.t("audit-detail")}</th>
                    </tr>
                </thead>
                <tbody>
                    {log
                        .entries
                        .into_iter()
                        .map(|line| {
                            let who = line.who.unwrap_or_else(|| i18n.text("audit-operator"));
                            let action = i18n.text(&format!("audit-{}", line.action));
                            view! {
                                <tr>
                                    <td>{line.at}</td>
                                    <td>{who}</td>
                                    <td>{action}</td>
                                    <td>{audit_detail_text(i18n, &line.detail)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// An audit detail in the reader's language: each fact the server recorded becomes a short
/// phrase (a role by its name); a fact this version does not know shows as it was stored.
fn audit_detail_text(i18n: I18n, detail: &str) -> String {
    crate::domain::audit_facts(detail)
        .into_iter()
        .map(|(key, value)| match key.as_str() {
            "role" => {
                let role = crate::domain::Role::parse(&value)
                    .map(|role| i18n.text(role.message_id()))
                    .unwrap_or(value);
                i18n.with("audit-fact-role", &[("role", &role)])
            }
            "from" => {
                let role = crate::domain::Role::parse(&value)
                    .map(|role| i18n.text(role.message_id()))
                    .unwrap_or(value);
                i18n.with("audit-fact-from", &[("role", &role)])
            }
            "audience" => {
                let audience = crate::domain::minutes::MinutesAudience::parse(&value)
                    .map(|audience| i18n.text(&super::minutes::audience_message(audience)))
                    .unwrap_or(value);
                i18n.with("audit-fact-audience", &[("value", &audience)])
            }
            "hours" | "passkey" | "sessions" | "codes" | "assembly" | "question" | "group"
            | "survey" | "member" | "invitations" | "listed" | "college" | "body" | "document" => {
                i18n.with(&format!("audit-fact-{key}"), &[("value", &value)])
            }
            "method" if value == "passkey" => i18n.text("audit-fact-method-passkey"),
            "testimony" if value == "yes" => i18n.text("audit-fact-testimony"),
            "" => value,
            _ => format!("{key}={value}"),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A new council's first steps, each done or to do, each a link to where it is done; gone
/// once all are done.
fn first_steps_card(
    i18n: crate::ui::i18n::I18n,
    slug: &str,
    steps: crate::domain::FirstSteps,
) -> Option<impl IntoView + use<>> {
    (steps.remaining() > 0).then(|| {
        let items = [
            (
                steps.profile,
                "first-step-profile",
                format!("/{slug}/reglages#profile-title"),
            ),
            (
                steps.colleges,
                "first-step-colleges",
                format!("/{slug}/reglages#colleges-title"),
            ),
            (
                steps.findings,
                "first-step-findings",
                format!("/{slug}/diagnostic"),
            ),
            (steps.team, "first-step-team", "#invite-title".to_owned()),
            (
                steps.assembly,
                "first-step-assembly",
                format!("/{slug}/assemblees"),
            ),
        ]
        .into_iter()
        .map(|(done, text, href)| {
            let state = if done {
                view! { <span class="tag">{i18n.t("first-step-done")}</span> }
            } else {
                view! { <span class="tag tag-draft">{i18n.t("first-step-to-do")}</span> }
            };
            view! {
                <li>
                    {state}
                    " "
                    <a href=href>{i18n.t(text)}</a>
                </li>
            }
        })
        .collect_view();
        view! {
            <section class="card first-steps" aria-labelledby="first-steps-title">
                <h2 id="first-steps-title">{i18n.t("first-steps-title")}</h2>
                <p>{i18n.count("first-steps-remaining", steps.remaining() as u64)}</p>
                <ol>{items}</ol>
            </section>
        }
    })
}
