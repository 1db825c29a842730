//! How a member comes in without a password: `/{slug}/membres` takes the printed one-time
//! code; `/{slug}/membres/lien/{token}` is the page a one-time link opens, where one press
//! of a button (a form post) uses it up. A member already in sees their bodies and may
//! leave.

use super::*;
use crate::api::{EnterWithCode, EnterWithLink, MemberEntryPage, MemberSignOut, load_member_entry};
use crate::ui::components::{Crumb, FieldKind, FormField, Label, PageHeader, form_refusal};
use crate::ui::i18n::use_i18n;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MemberEntryRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_member_entry,
    );
    loaded(page, |page| {
        view! { <EntryView page link=false/> }.into_any()
    })
}

#[component]
pub fn MemberLinkRoute() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("token").unwrap_or_default(),
        )
    };
    let page = Resource::new(key, |(slug, _)| load_member_entry(slug));
    loaded(page, |page| {
        view! { <EntryView page link=true/> }.into_any()
    })
}

#[component]
fn EntryView(page: MemberEntryPage, link: bool) -> impl IntoView {
    let i18n = use_i18n();
    // The link's token, from the address: used up by the form's post, never by a visit.
    let link = link.then(|| {
        use_params_map()
            .read_untracked()
            .get("token")
            .unwrap_or_default()
    });
    let MemberEntryPage {
        council_slug,
        council_name,
        member_of,
        flash,
    } = page;
    let form = "member-entry";
    let already = (!member_of.is_empty()).then(|| {
        let items = member_of
            .iter()
            .map(|(id, name)| {
                view! {
                    <li>
                        <a href=format!("/{council_slug}/instances/{id}") lang="fr">{name.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="member-in-title" class="card">
                <h2 id="member-in-title">{i18n.t("member-in-title")}</h2>
                <ul>{items}</ul>
                <form method="post" action=MemberSignOut::url()>
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <button type="submit" class="button button-secondary">{i18n.t("member-sign-out")}</button>
                </form>
            </section>
        }
    });
    let way_in = match link {
        Some(token) => view! {
            <section aria-labelledby="member-link-title" class="card">
                <h2 id="member-link-title">{i18n.t("member-link-title")}</h2>
                <p>{i18n.t("member-link-intro")}</p>
                <form method="post" action=EnterWithLink::url()>
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="token" value=token/>
                    <button type="submit" class="button">{i18n.t("member-link-enter")}</button>
                </form>
            </section>
        }
        .into_any(),
        None => view! {
            <section aria-labelledby="member-code-title" class="card">
                <h2 id="member-code-title">{i18n.t("member-code-title")}</h2>
                <p>{i18n.t("member-code-intro")}</p>
                {form_refusal(i18n, &flash, form)}
                <form method="post" action=EnterWithCode::url() class="stacked-form">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <FormField
                        id="member-code".to_owned()
                        name="code"
                        label="member-code-field"
                        hint="member-code-hint"
                        kind=FieldKind::Line
                        value=String::new()
                        required=true
                        max_length=40
                        error=flash.error(form, "code")
                    />
                    <p>
                        <button type="submit" class="button">{i18n.t("member-code-enter")}</button>
                    </p>
                </form>
            </section>
        }
        .into_any(),
    };
    // A link that no longer works sends its reader to the code form, with the reason.
    let link_refused = flash.error(form, "code").is_some();
    view! {
        <PageHeader
            tab=i18n.text("member-entry-title")
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(format!("/{council_slug}/instances"), Label::Interface(i18n.text("bodies-title"))),
            ]
            picto="council"
            heading=Label::Interface(i18n.text("member-entry-title"))
            flash=flash.clone()
        />
        <p class="lead">{i18n.t("member-entry-intro")}</p>
        {already}
        {way_in}
        <p hidden=!link_refused>{i18n.t("member-entry-ask")}</p>
    }
}
