//! The council's bodies: the list (`/{slug}/instances`) with each body's seats per college,
//! a body's page (members for members and staff, meetings, the coordinators' forms), the
//! body form, the members' way in (`/{slug}/membres`, a one-time link) and the calendar of
//! meetings (`/{slug}/agenda`). Plain links and form posts: nothing here needs JavaScript.

mod body;
mod calendar;
mod entry;
mod form;
mod list;
pub use body::*;
pub use calendar::*;
pub use entry::*;
pub use form::*;
pub use list::*;

use super::loaded;
use crate::domain::College;
use crate::domain::body::{BodyKind, MemberRole, Seats};
use crate::ui::components::college_named;
use crate::ui::i18n::I18n;
use leptos::prelude::*;

/// The Fluent id of a kind's name.
fn kind_message(kind: BodyKind) -> String {
    format!("body-kind-{}", kind.key().replace('_', "-"))
}

/// The Fluent id of a member's role.
fn role_message(role: MemberRole) -> String {
    format!("member-role-{}", role.key())
}

/// A body's seats per college: a small table read as "college: seats", with the total.
fn seats_table(
    i18n: I18n,
    colleges: &[College],
    seats: &[Seats],
    caption: String,
) -> impl IntoView + use<> {
    let total: usize = seats.iter().map(|s| s.count).sum();
    let rows = seats
        .iter()
        .map(|seat| {
            let name = college_named(i18n, colleges, seat.college.as_str());
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{seat.count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="seats">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("body-seats-college")}</th>
                    <th scope="col">{i18n.t("body-seats-count")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{i18n.t("body-seats-total")}</th>
                    <td>{total}</td>
                </tr>
            </tfoot>
        </table>
    }
}
