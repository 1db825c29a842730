//! `/{slug}/instances`: the council's bodies, what each is for and its seats per college
//! (open to all: the composition of a body is public; who sits in it is for its members).

use super::*;
use crate::api::{BodiesPage, load_bodies};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::i18n::use_i18n;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BodiesRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_bodies,
    );
    loaded(page, |page| view! { <BodiesView page/> }.into_any())
}

#[component]
fn BodiesView(page: BodiesPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = i18n.reading().1;
    let BodiesPage {
        council_slug,
        council_name,
        bodies,
        colleges,
        member_of,
        can_manage,
        flash,
    } = page;
    let add = can_manage.then(|| {
        view! {
            <p>
                <a class="button" href=format!("/{council_slug}/instances/nouvelle")>
                    {i18n.t("body-new")}
                </a>
            </p>
        }
    });
    let list = if bodies.is_empty() {
        view! { <p>{i18n.t("bodies-none")}</p> }.into_any()
    } else {
        bodies
            .into_iter()
            .map(|body| {
                let href = format!("/{council_slug}/instances/{}", body.id);
                let heading_id = format!("body-{}-title", body.id);
                let member = member_of.contains(&body.id).then(|| {
                    view! { <p class="tag">{i18n.t("body-you-are-member")}</p> }
                });
                let caption = i18n.with("body-seats-caption", &[("body", &body.name)]);
                view! {
                    <li class="card">
                        <h2 id=heading_id>
                            <a href=href lang="fr">{body.name.clone()}</a>
                        </h2>
                        <p class="tag">{i18n.text(&kind_message(body.kind))}</p>
                        {member}
                        <p lang="fr">{body.purpose.pick(easy).to_owned()}</p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
                            {seats_table(i18n, &colleges, &body.seats, caption.clone())}
                        </div>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <PageHeader
            tab=i18n.text("bodies-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="council"
            heading=Label::Interface(i18n.text("bodies-title"))
            flash=flash
        />
        <p class="lead">{i18n.t("bodies-intro")}</p>
        <p>
            <a href=format!("/{council_slug}/agenda")>{i18n.t("calendar-link")}</a>
            " · "
            <a href=format!("/{council_slug}/membres")>{i18n.t("member-entry-link")}</a>
        </p>
        {add}
        <ul class="plain-list bodies">{list}</ul>
    }
}
