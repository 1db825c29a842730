//! `/{slug}/instances/{id}`: one body — what it is for, its seats per college, its members
//! (for its members and staff who run rooms; contacts for coordinators only), its meetings
//! and their calendar file; coordinators add and change members, hand out one-time passes
//! and schedule meetings here.

use super::*;
use crate::api::{
    BodyPage, FreshPass, IssueMemberPass, PageFlash, RemoveMember, SaveMember, ScheduleMeeting,
    load_body,
};
use crate::domain::body::{CONTACT_MAX, MEMBER_NAME_MAX, Member, ORGANISATION_MAX, PassKind};
use crate::domain::{Assembly, offered_colleges};
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, Notice, PageHeader, Paragraphs, SelectField, college_name,
    form_refusal,
};
use crate::ui::i18n::use_i18n;
use leptos::server_fn::ServerFn;

#[component]
pub fn BodyRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_body(slug, id));
    loaded(page, |page| view! { <BodyView page/> }.into_any())
}

#[component]
fn BodyView(page: BodyPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = i18n.reading().1;
    let BodyPage {
        council_slug,
        council_name,
        body,
        colleges,
        priority,
        members,
        meetings,
        is_member,
        can_manage,
        now,
        minutes,
        documents,
        runs_rooms,
        passkey_offer,
        fresh_pass,
        flash,
    } = page;
    let list = format!("/{council_slug}/instances");
    let caption = i18n.with("body-seats-caption", &[("body", &body.name)]);
    let member_note = is_member.then(|| {
        view! {
            <p class="tag">{i18n.t("body-you-are-member")}</p>
        }
    });
    let priority = priority.map(|title| {
        view! {
            <p>
                <strong>{i18n.t("body-priority")}</strong>
                " "
                <span lang="fr">{title}</span>
            </p>
        }
    });
    let edit = can_manage.then(|| {
        view! {
            <p>
                <a class="button button-secondary" href=format!("{list}/{}/modifier", body.id)>
                    {i18n.t("body-edit")}
                </a>
            </p>
        }
    });
    let pass = fresh_pass.map(|pass| pass_notice(i18n, pass, members.as_deref().unwrap_or(&[])));
    let members_section = match members {
        Some(members) => members_table(
            i18n,
            &council_slug,
            body.id,
            &colleges,
            members,
            can_manage,
            &flash,
        )
        .into_any(),
        None => view! {
            <p>{i18n.t("body-members-private")}</p>
            <p>
                <a href=format!("/{council_slug}/membres")>{i18n.t("member-entry-link")}</a>
            </p>
        }
        .into_any(),
    };
    let add_member =
        can_manage.then(|| member_form(i18n, &council_slug, body.id, &colleges, None, &flash));
    let schedule = can_manage.then(|| schedule_form(i18n, &council_slug, body.id, &now, &flash));
    // A member in by code or link: a passkey of their own spares them the next code.
    let passkey = passkey_offer.then(|| {
        use crate::ui::components::{Ceremony, PasskeyForm};
        view! {
            <section class="card" aria-labelledby="member-passkey-title" id="cle">
                <h2 id="member-passkey-title">{i18n.t("member-passkey-title")}</h2>
                <p>{i18n.t("member-passkey-intro")}</p>
                <noscript>
                    <p class="notice notice-error">{i18n.t("passkey-needs-javascript")}</p>
                </noscript>
                <PasskeyForm ceremony=Ceremony::MemberPasskey>
                    <button type="submit" class="button">{i18n.t("member-passkey-create")}</button>
                </PasskeyForm>
            </section>
        }
    });
    let archive = minutes_archive(i18n, &council_slug, &meetings, &minutes);
    let documents_back = runs_rooms.then(|| format!("{list}/{}#documents", body.id));
    let add_document = runs_rooms.then(|| {
        crate::ui::pages::minutes::document_form(
            i18n,
            &council_slug,
            ("body", body.id),
            true,
            &flash,
        )
    });
    let ics = format!(
        "{}?slug={council_slug}&body={}",
        crate::api::CalendarIcs::url(),
        body.id
    );
    view! {
        <PageHeader
            tab=body.name.clone()
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(list.clone(), Label::Interface(i18n.text("bodies-title"))),
            ]
            picto="council"
            heading=Label::Council(body.name.clone())
            flash=flash.clone()
        />
        <p class="tag">{i18n.text(&kind_message(body.kind))}</p>
        {member_note}
        <div lang="fr" class="lead">
            <Paragraphs text=body.purpose.pick(easy).to_owned()/>
        </div>
        {priority}
        {edit}
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
            {seats_table(i18n, &colleges, &body.seats, caption.clone())}
        </div>
        {pass}
        {passkey}
        <section aria-labelledby="members-title" id="membres">
            <h2 id="members-title">{i18n.t("body-members")}</h2>
            {members_section}
            {add_member}
        </section>
        <section aria-labelledby="meetings-title" id="reunions">
            <h2 id="meetings-title">{i18n.t("body-meetings")}</h2>
            {meetings_list(i18n, &council_slug, meetings)}
            <p>
                <a href=ics>{i18n.t("calendar-ics-body")}</a>
            </p>
            {schedule}
        </section>
        <section aria-labelledby="minutes-archive-title" id="comptes-rendus">
            <h2 id="minutes-archive-title">{i18n.t("minutes-archive-title")}</h2>
            {archive}
        </section>
        <section aria-labelledby="documents-title" id="documents">
            <h2 id="documents-title">{i18n.t("documents-title")}</h2>
            {crate::ui::pages::minutes::documents_list(i18n, &council_slug, documents, documents_back)}
            {add_document}
        </section>
    }
}

/// The minutes of the body's meetings the reader may read, latest meeting first.
fn minutes_archive(
    i18n: I18n,
    slug: &str,
    meetings: &[Assembly],
    minutes: &[(i64, crate::domain::minutes::MinutesAudience)],
) -> impl IntoView + use<> {
    if minutes.is_empty() {
        return view! { <p>{i18n.t("minutes-archive-none")}</p> }.into_any();
    }
    let items = minutes
        .iter()
        .filter_map(|(id, audience)| {
            let meeting = meetings.iter().find(|m| m.id == *id)?;
            let label = i18n.with("minutes-of", &[("title", &meeting.title)]);
            Some(view! {
                <li>
                    <a href=format!("/{slug}/assemblees/{id}/compte-rendu") lang="fr">{label}</a>
                    " — "
                    {i18n.moment(&meeting.starts)}
                    " "
                    <span class="tag">
                        {i18n.text(&crate::ui::pages::minutes::audience_message(*audience))}
                    </span>
                </li>
            })
        })
        .collect_view();
    view! { <ul class="documents">{items}</ul> }.into_any()
}

/// The pass just issued, shown once: the code to hand over (printable) or the link to send.
fn pass_notice(i18n: I18n, pass: FreshPass, members: &[Member]) -> impl IntoView + use<> {
    let name = members
        .iter()
        .find(|m| m.id == pass.member)
        .map(|m| m.fields.display_name.clone())
        .unwrap_or_default();
    let (intro, shown) = match pass.kind {
        PassKind::Code => (
            i18n.with("member-pass-code-intro", &[("name", &name)]),
            view! { <p class="pass-code"><strong>{pass.secret}</strong></p> }.into_any(),
        ),
        PassKind::Link => (
            i18n.with("member-pass-link-intro", &[("name", &name)]),
            view! { <p class="pass-link"><code>{pass.secret}</code></p> }.into_any(),
        ),
    };
    view! {
        <section id="pass" aria-labelledby="pass-title" class="card">
            <Notice>
                <h2 id="pass-title">{i18n.t("member-pass-title")}</h2>
                <p>{intro}</p>
                {shown}
                <p>{i18n.t("member-pass-once")}</p>
            </Notice>
        </section>
    }
}

fn members_table(
    i18n: I18n,
    slug: &str,
    body: i64,
    colleges: &[College],
    members: Vec<Member>,
    can_manage: bool,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    if members.is_empty() {
        return view! { <p>{i18n.t("body-members-none")}</p> }.into_any();
    }
    let manage_head = can_manage.then(|| {
        view! {
            <th scope="col">{i18n.t("member-contact")}</th>
            <th scope="col">{i18n.t("member-actions")}</th>
        }
    });
    let refusal = form_refusal(i18n, flash, "member");
    let rows = members
        .into_iter()
        .map(|member| {
            let fields = &member.fields;
            let college = college_named(i18n, colleges, fields.college.as_str());
            let manage = can_manage.then(|| {
                let passkey = member.has_passkey.then(|| {
                    view! { <span class="tag">{i18n.t("member-has-passkey")}</span> }
                });
                let label = i18n.with("member-actions-of", &[("name", &fields.display_name)]);
                view! {
                    <td lang="fr">{fields.contact.clone()}</td>
                    <td>
                        {passkey}
                        <form method="post" action=IssueMemberPass::url() class="inline-form" aria-label=label.clone()>
                            <input type="hidden" name="slug" value=slug.to_owned()/>
                            <input type="hidden" name="body" value=body.to_string()/>
                            <input type="hidden" name="member" value=member.id.to_string()/>
                            <button type="submit" name="kind" value="code" class="button button-quiet">
                                {i18n.t("member-pass-code")}
                            </button>
                            <button type="submit" name="kind" value="link" class="button button-quiet">
                                {i18n.t("member-pass-link")}
                            </button>
                        </form>
                        <details>
                            <summary>{i18n.t("member-edit")}</summary>
                            {member_form(i18n, slug, body, colleges, Some(&member), flash)}
                        </details>
                        <form method="post" action=RemoveMember::url() class="inline-form">
                            <input type="hidden" name="slug" value=slug.to_owned()/>
                            <input type="hidden" name="body" value=body.to_string()/>
                            <input type="hidden" name="member" value=member.id.to_string()/>
                            <button type="submit" class="button button-quiet" aria-label=i18n.with("member-remove-of", &[("name", &fields.display_name)])>
                                {i18n.t("member-remove")}
                            </button>
                        </form>
                    </td>
                }
            });
            view! {
                <tr>
                    <th scope="row" lang="fr">{fields.display_name.clone()}</th>
                    <td lang="fr">{fields.organisation.clone()}</td>
                    <td>{college}</td>
                    <td>{i18n.text(&role_message(fields.role))}</td>
                    {manage}
                </tr>
            }
        })
        .collect_view();
    let caption = i18n.text("body-members");
    let region = caption.clone();
    view! {
        {refusal}
        <div class="table-scroll" tabindex="0" role="region" aria-label=region>
            <table class="members">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("member-field-name")}</th>
                        <th scope="col">{i18n.t("member-field-organisation")}</th>
                        <th scope="col">{i18n.t("member-field-college")}</th>
                        <th scope="col">{i18n.t("member-field-role")}</th>
                        {manage_head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The form that adds a member (`member` is `None`) or changes one.
fn member_form(
    i18n: I18n,
    slug: &str,
    body: i64,
    colleges: &[College],
    member: Option<&Member>,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let form = member.map_or_else(|| "member".to_owned(), |m| format!("member-{}", m.id));
    let prefix = member.map_or_else(|| "member-new".to_owned(), |m| format!("member-{}", m.id));
    let current = |pick: &dyn Fn(&Member) -> String| member.map(pick).unwrap_or_default();
    let value = |name: &str, now: String| flash.value(&form, name, &now);
    let error = |name: &str| flash.error(&form, name);
    let college_options = offered_colleges(colleges)
        .into_iter()
        .map(|college| {
            (
                college.key.as_str().to_owned(),
                college_name(i18n, college)(),
            )
        })
        .collect::<Vec<_>>();
    let role_options = MemberRole::ALL
        .into_iter()
        .map(|role| (role.key().to_owned(), i18n.text(&role_message(role))))
        .collect::<Vec<_>>();
    let heading = member.is_none().then(|| {
        view! { <h3 id="member-new-title">{i18n.t("member-new")}</h3> }
    });
    let submit = if member.is_some() {
        "member-save"
    } else {
        "member-add"
    };
    view! {
        {heading}
        <form method="post" action=SaveMember::url() class="stacked-form card">
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="body" value=body.to_string()/>
            <input type="hidden" name="id" value=member.map(|m| m.id.to_string()).unwrap_or_default()/>
            <FormField
                id=format!("{prefix}-name")
                name="display_name"
                label="member-field-name"
                hint="member-field-name-hint"
                kind=FieldKind::Line
                value=value("display_name", current(&|m| m.fields.display_name.clone()))
                required=true
                max_length=MEMBER_NAME_MAX
                error=error("display_name")
            />
            <FormField
                id=format!("{prefix}-organisation")
                name="organisation"
                label="member-field-organisation"
                kind=FieldKind::Line
                value=value("organisation", current(&|m| m.fields.organisation.clone()))
                max_length=ORGANISATION_MAX
                error=error("organisation")
            />
            <SelectField
                id=format!("{prefix}-college")
                name="college"
                label="member-field-college"
                options=college_options
                value=value("college", current(&|m| m.fields.college.as_str().to_owned()))
                error=error("college")
            />
            <SelectField
                id=format!("{prefix}-role")
                name="role"
                label="member-field-role"
                options=role_options
                value=value("role", current(&|m| m.fields.role.key().to_owned()))
                error=error("role")
            />
            <FormField
                id=format!("{prefix}-contact")
                name="contact"
                label="member-field-contact"
                hint="member-field-contact-hint"
                kind=FieldKind::Line
                value=value("contact", current(&|m| m.fields.contact.clone()))
                max_length=CONTACT_MAX
                error=error("contact")
            />
            <p>
                <button type="submit" class="button">{i18n.t(submit)}</button>
            </p>
        </form>
    }
}

/// The body's meetings the reader may see, latest first.
fn meetings_list(i18n: I18n, slug: &str, meetings: Vec<Assembly>) -> impl IntoView + use<> {
    if meetings.is_empty() {
        return view! { <p>{i18n.t("body-meetings-none")}</p> }.into_any();
    }
    let items = meetings
        .into_iter()
        .map(|meeting| meeting_item(i18n, slug, &meeting, None))
        .collect_view();
    view! { <ul class="plain-list meetings">{items}</ul> }.into_any()
}

/// One meeting in a list: when, what (a link), where, and whether it is for members only
/// or not yet published.
pub(super) fn meeting_item(
    i18n: I18n,
    slug: &str,
    meeting: &Assembly,
    body: Option<(String, String)>,
) -> impl IntoView + use<> {
    let members_only = meeting.members_only.then(|| {
        view! { <span class="tag">{i18n.t("meeting-members-only")}</span> }
    });
    let draft = (!meeting.published).then(|| {
        view! { <span class="tag tag-draft">{i18n.t("meeting-draft")}</span> }
    });
    let body = body.map(|(href, name)| {
        view! {
            <p>
                <a href=href lang="fr">{name}</a>
            </p>
        }
    });
    view! {
        <li class="card">
            <p>
                <strong>{i18n.moment(&meeting.starts)}</strong>
            </p>
            <h3>
                <a href=format!("/{slug}/assemblees/{}", meeting.id) lang="fr">{meeting.title.clone()}</a>
            </h3>
            {body}
            <p lang="fr">{meeting.place.clone()}</p>
            <p>{members_only} {draft}</p>
        </li>
    }
}

/// A coordinator's form: a new meeting of the body, for its members only unless unticked.
fn schedule_form(
    i18n: I18n,
    slug: &str,
    body: i64,
    now: &str,
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let members_only = flash.value("assembly", "members_only", "on") == "on";
    let refusal = form_refusal(i18n, flash, "assembly");
    view! {
        <section aria-labelledby="schedule-title" id="planifier">
            <h3 id="schedule-title">{i18n.t("meeting-new")}</h3>
            <p>{i18n.t("meeting-new-intro")}</p>
            {refusal}
            <form method="post" action=ScheduleMeeting::url() class="stacked-form card">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="body" value=body.to_string()/>
                <crate::ui::pages::assemblies::AssemblyFieldsView prefix="meeting" flash=flash.clone() current=None starts_from=now.to_owned()/>
                <p class="choice">
                    <input type="checkbox" id="meeting-members-only" name="members_only" value="on" checked=members_only/>
                    <label for="meeting-members-only">{i18n.t("meeting-field-members-only")}</label>
                </p>
                <p>
                    <button type="submit" class="button">{i18n.t("meeting-create")}</button>
                </p>
            </form>
        </section>
    }
}
