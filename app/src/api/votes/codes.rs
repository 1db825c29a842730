//! One-time ballot codes: issued by coordinators, shown once on a printable sheet.

// A server function takes one argument per form field: a ballot has many.
#![allow(clippy::too_many_arguments)]

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSheet {
    pub council_slug: String,
    pub council_name: String,
    pub vote: VoteInfo,
    /// Shown once: empty when the page is reloaded.
    pub codes: Vec<String>,
    /// The ballot's address, printed with each code.
    pub ballot_link: String,
}

/// Draws one-time codes for a strict vote and shows them once, on the printable sheet.
#[server(endpoint = "issue_ballot_codes")]
pub async fn issue_ballot_codes(slug: String, vote: String, count: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::vote::CODES_PER_SHEET_MAX;
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let info = server::vote(&db, council_id, &vote, true).await?;
    let back = format!("/{slug}/votes/{}", info.id);
    let count = match count.trim().parse::<usize>() {
        Ok(count) if (1..=CODES_PER_SHEET_MAX).contains(&count) => count,
        _ => {
            return crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(
                    "codes",
                    Some("count"),
                    "error-vote-codes-count",
                    &[("count", count.as_str())],
                ),
                &back,
            );
        }
    };
    if info.integrity != crate::domain::tally::Integrity::Strict || info.ended {
        return crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("codes", None, "error-vote-codes-not-strict", &[]),
            &back,
        );
    }
    let codes = crate::store::votes::issue_codes(&db, council_id, info.id, count, Some(caller))
        .await
        .map_err(|error| match error {
            crate::store::votes::VoteError::Db(error) => AppError::from(error),
            _ => AppError::NotFound.with_status(),
        })?;
    let sheet = format!("{back}/codes");
    crate::api::forms::set_flash(&format!("codes:{}", codes.join(".")), &sheet)?;
    leptos_axum::redirect(&sheet);
    Ok(())
}

#[server(endpoint = "code_sheet")]
pub async fn load_code_sheet(slug: String, id: String) -> Result<CodeSheet, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                ..
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let vote = server::vote(&db, council_id, &id, true).await?;
    let codes = crate::api::forms::take_codes()?;
    let setup =
        use_context::<crate::api::StaffSetup>().ok_or_else(|| AppError::unwired("StaffSetup"))?;
    Ok(CodeSheet {
        ballot_link: format!("{}/{slug}/votes/{}", setup.public_url, vote.id),
        council_slug: slug,
        council_name,
        vote,
        codes,
    })
}
