//! The author's side after posting: the private link (kept in an HttpOnly cookie), the
//! page it opens, and what the author may do there.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::*;

/// A private link's token as the server makes them (64 hexadecimal digits), or nothing.
#[cfg(feature = "ssr")]
pub fn private_link_token(raw: &str) -> Option<&str> {
    (raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}

/// What the author sees through their private link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestimonyLinkPage {
    pub council_slug: String,
    pub council_name: String,
    /// The whole private link, to copy (on the server's public address).
    pub link: String,
    pub testimony: Testimony,
    /// Whether the text suggests acute distress: the crisis resources come first.
    pub distress: bool,
    /// The council's own help resources, beside the crisis numbers.
    pub local_help: Vec<String>,
    pub flash: PageFlash,
}

/// The author's page, its token read from their browser's cookie (set when they posted,
/// or when they opened their private link: `/{slug}/temoignages/suivi/{token}`).
#[server(endpoint = "testimony_link")]
pub async fn load_testimony_link(slug: String) -> Result<TestimonyLinkPage, AppError> {
    use crate::store::testimonies::{TestimonyError, by_token};
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let token = server::private_token()?;
    let testimony = match by_token(&db, &token).await {
        Ok((council_id, testimony)) if council_id == council.id => testimony,
        Ok(_) | Err(TestimonyError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(error @ (TestimonyError::Refused(..) | TestimonyError::Db(_))) => {
            return Err(error.into());
        }
    };
    let setup =
        use_context::<crate::api::StaffSetup>().ok_or_else(|| AppError::unwired("StaffSetup"))?;
    Ok(TestimonyLinkPage {
        link: format!("{}/{slug}/temoignages/suivi/{token}", setup.public_url),
        council_slug: slug,
        council_name: council.name,
        distress: crate::domain::testimony::suggests_distress(&testimony.story.joined()),
        local_help: crate::store::local_help(&db, council.id).await?,
        testimony,
        flash: crate::api::forms::take_page_flash()?,
    })
}

/// The author acts through their private link: `consent` (the three boxes), `edit` (when a
/// moderator asked), or `withdraw` (deleted everywhere).
#[server(endpoint = "testimony_author")]
pub async fn act_on_testimony(
    slug: String,
    action: String,
    #[server(default)] public: String,
    #[server(default)] projector: String,
    #[server(default)] report: String,
    #[server(default)] happened: String,
    #[server(default)] helped: String,
    #[server(default)] change: String,
) -> Result<(), AppError> {
    use crate::domain::testimony::{Consent, Story};
    use crate::store::testimonies::{self, TestimonyError};
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let token = server::private_token()?;
    match testimonies::by_token(&db, &token).await {
        Ok((council_id, _)) if council_id == council.id => {}
        Ok(_) | Err(TestimonyError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(error @ (TestimonyError::Refused(..) | TestimonyError::Db(_))) => {
            return Err(error.into());
        }
    }
    let back = format!("/{slug}/temoignages/suivi");
    let done = match action.as_str() {
        "consent" => testimonies::set_consent(
            &db,
            &token,
            Consent {
                public: !public.is_empty(),
                projector: !projector.is_empty(),
                report: !report.is_empty(),
            },
        )
        .await
        .map(|()| "saved-testimony-consent"),
        "edit" => testimonies::edit_by_author(
            &db,
            &token,
            &Story {
                happened: happened.clone(),
                helped: helped.clone(),
                change: change.clone(),
            },
        )
        .await
        .map(|()| "saved-testimony-edited"),
        "withdraw" => {
            testimonies::withdraw(&db, &token)
                .await
                .map_err(|e| match e {
                    TestimonyError::Db(error) => AppError::from(error),
                    _ => AppError::NotFound.with_status(),
                })?;
            let policy = crate::api::request::cookie_policy();
            crate::api::request::set_cookie(
                &policy.clear(crate::domain::Cookie::TestimonyLink, "/"),
            )?;
            return crate::api::forms::done(
                "saved-testimony-withdrawn",
                &format!("/{slug}/temoignages"),
            );
        }
        _ => return Err(AppError::NotFound.with_status()),
    };
    match done {
        Ok(notice) => crate::api::forms::done(notice, &back),
        Err(TestimonyError::Refused(field, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
                "author",
                // Not editable: no one field at fault, said above the page's forms.
                Some(field).filter(|f| *f != "story"),
                why.message_id(),
                &[
                    ("happened", &happened),
                    ("helped", &helped),
                    ("change", &change),
                ],
            ),
            &back,
        ),
        Err(TestimonyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(TestimonyError::Db(error)) => Err(error.into()),
    }
}
