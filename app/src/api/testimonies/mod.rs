//! Testimonies: the guided form anyone may post from, the private link its author keeps
//! (consent, edit when asked, withdraw), the moderators' queue, and the council's wall.
//! All plain forms: the same with or without JavaScript.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

mod author;
mod moderation;
pub use author::*;
pub use moderation::*;

use super::AppError;
use super::forms::PageFlash;
use crate::domain::testimony::Testimony;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The guided form: the council, its colleges (key, its own label if renamed) and its
/// findings (id, title), to say who one is and what the testimony speaks to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestimonyFormPage {
    pub council_slug: String,
    pub council_name: String,
    pub colleges: Vec<crate::domain::College>,
    pub findings: Vec<(i64, crate::domain::Wording)>,
    /// Its published assemblies (id, title), newest first.
    pub assemblies: Vec<(i64, String)>,
    /// The council's own help resources, beside the crisis numbers.
    pub local_help: Vec<String>,
    pub flash: PageFlash,
}

#[server(endpoint = "testimony_form")]
pub async fn load_testimony_form(slug: String) -> Result<TestimonyFormPage, AppError> {
    let db = super::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let findings = crate::store::findings_of_council(&db, &council.slug)
        .await?
        .into_iter()
        .map(|f| (f.id, f.title))
        .collect();
    // A testimony is public once approved: it may tell of an assembly open to all only.
    let open_to_all = crate::domain::body::Viewer::default();
    let assemblies = crate::store::assemblies::assemblies_of(&db, council.id, false, &open_to_all)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect();
    Ok(TestimonyFormPage {
        assemblies,
        local_help: crate::store::local_help(&db, council.id).await?,
        council_slug: slug,
        council_name: council.name,
        colleges: crate::domain::offered_colleges(&council.colleges),
        findings,
        flash: super::forms::take_page_flash()?,
    })
}

/// Posts a testimony: refused whole (the reason beside its field, what was typed given
/// back), or stored pending, and the author is taken to their private link. Sent as
/// `multipart/form-data`, since the form may carry a recorded message (`audio`).
#[server(endpoint = "post_testimony", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn post_testimony(data: leptos::server_fn::codec::MultipartData) -> Result<(), AppError> {
    use crate::domain::testimony::{Consent, Story, check_audio};
    use crate::store::testimonies::{NewTestimony, TestimonyError, post};
    let form = super::multipart::PostedForm::read(data, "audio").await?;
    let field = |name: &str| form.text(name);
    let slug = field("slug");
    let db = super::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let back = format!("/{slug}/temoignages/nouveau");
    // A recording cannot be given back: the message beside its field says to choose it again.
    let echo = |field: Option<&str>, message: &str| {
        let names = [
            "happened",
            "helped",
            "change",
            "pseudonym",
            "college",
            "finding",
            "public",
            "projector",
            "report",
        ];
        let values: Vec<(&str, String)> = names.iter().map(|n| (*n, form.text(n))).collect();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        super::forms::refuse(
            super::forms::FormEcho::new("testimony", field, message, &pairs),
            &back,
        )
    };
    if !server::may_post() {
        return echo(None, "error-testimony-too-many");
    }
    let audio = match form.file() {
        None => None,
        Some(file) => match check_audio(&file.bytes) {
            Ok(cleaned) => Some(cleaned),
            Err(refusal) => return echo(Some(refusal.field), refusal.message),
        },
    };
    let finding_id = match field("finding").trim() {
        "" => None,
        raw => Some(raw.parse().map_err(|_| AppError::NotFound.with_status())?),
    };
    let assembly_id = match field("assembly").trim() {
        "" => None,
        raw => Some(raw.parse().map_err(|_| AppError::NotFound.with_status())?),
    };
    let new = NewTestimony {
        council_id: council.id,
        finding_id,
        assembly_id,
        story: Story {
            happened: field("happened"),
            helped: field("helped"),
            change: field("change"),
        },
        pseudonym: field("pseudonym"),
        // An unknown college is no college: the person still posts.
        college: crate::domain::CollegeKey::parse(&field("college"))
            .filter(|key| council.colleges.iter().any(|c| &c.key == key && !c.retired)),
        consent: Consent {
            public: !field("public").is_empty(),
            projector: !field("projector").is_empty(),
            report: !field("report").is_empty(),
        },
        audio,
    };
    let caps = use_context::<crate::store::testimonies::Caps>()
        .ok_or_else(|| AppError::unwired("testimony caps"))?;
    match post(&db, new, chrono::Utc::now().date_naive(), caps).await {
        Ok((_, token)) => {
            // The author's browser keeps the link's token (`Cookie::TestimonyLink`), so that
            // the addresses they visit, and so the access log, never carry it.
            let policy = super::request::cookie_policy();
            super::request::set_cookie(&policy.set(crate::domain::Cookie::TestimonyLink, &token))?;
            super::forms::done(
                "saved-testimony-posted",
                &format!("/{slug}/temoignages/suivi"),
            )
        }
        // Nothing the author typed is at fault: the message goes above the form.
        Err(TestimonyError::Refused(
            _,
            why @ crate::store::testimonies::TestimonyRefusal::QueueFull,
        )) => echo(None, why.message_id()),
        Err(TestimonyError::Refused(field, why)) => echo(Some(field), why.message_id()),
        Err(TestimonyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(TestimonyError::Db(error)) => Err(error.into()),
    }
}

/// A testimony's recording, for the council's moderators only, while it is kept.
#[server(endpoint = "testimony_audio", input = leptos::server_fn::codec::GetUrl, output = super::sheet::Binary)]
pub async fn testimony_audio(
    slug: String,
    id: String,
) -> Result<super::sheet::FileBytes, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ReadTestimony).await?;
    let id = crate::api::edge::id(&id)?;
    let (format, bytes) = crate::store::testimonies::audio_of(&db, council_id, id)
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::unwired("ResponseOptions"))?;
    response.insert_header(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(format.mime()),
    );
    // A voice: never kept by a shared cache or the browser's disk cache.
    response.insert_header(
        http::header::CACHE_CONTROL,
        http::HeaderValue::from_static("no-store"),
    );
    Ok(super::sheet::FileBytes(bytes))
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::AppError;

    /// The report's CSV: who (a pseudonym or "anonymous"), college, month, the story and
    /// its easy-read summary; participants' words, so every cell is made inert.
    pub fn report_csv(
        quoted: &[crate::domain::testimony::Testimony],
        colleges: &[crate::domain::College],
        lang: crate::domain::Lang,
    ) -> Result<crate::api::sheet::CsvFile, csv::Error> {
        let text = |id: &str| crate::i18n::message(lang, false, id, None);
        let mut out = crate::api::sheet::Sheet::new(lang);
        out.row(
            [
                "testimony-csv-who",
                "testimony-csv-college",
                "testimony-csv-month",
                "testimony-happened",
                "testimony-helped",
                "testimony-change",
                "testimony-summary-field",
            ]
            .map(text),
        )?;
        for t in quoted {
            let college = t
                .college
                .as_ref()
                .map(|key| crate::api::sheet::college_name(colleges, key, lang))
                .unwrap_or_default();
            out.row([
                t.pseudonym
                    .clone()
                    .unwrap_or_else(|| text("testimony-anonymous")),
                college,
                format!("{:04}-{:02}", t.posted.0, t.posted.1),
                t.story.happened.clone(),
                t.story.helped.clone(),
                t.story.change.clone(),
                t.easy_summary.clone().unwrap_or_default(),
            ])?;
        }
        out.finish()
    }

    /// Testimonies one participant (their cookie, set by the write guard) may post per hour.
    pub const POSTS_PER_HOUR: u32 = 3;

    /// Whether this request's participant may post one more testimony now. Counted in
    /// memory (forgotten on restart): a brake on floods, not a record of who posted.
    pub fn may_post() -> bool {
        use governor::{DefaultKeyedRateLimiter, Quota};
        use std::num::NonZeroU32;
        use std::sync::LazyLock;
        static LIMIT: LazyLock<DefaultKeyedRateLimiter<crate::domain::ParticipantId>> =
            LazyLock::new(|| {
                let burst = NonZeroU32::new(POSTS_PER_HOUR).unwrap_or(NonZeroU32::MIN);
                DefaultKeyedRateLimiter::keyed(Quota::per_hour(burst))
            });
        let participant = crate::api::request::participant();
        // No participant: not through the write guard (never the case for a form post).
        participant.is_none_or(|participant| {
            LIMIT.retain_recent();
            LIMIT.check_key(&participant).is_ok()
        })
    }

    /// The private link's token this browser holds, or 404 (no cookie, or not a token).
    pub fn private_token() -> Result<String, AppError> {
        crate::api::request::cookie(crate::domain::Cookie::TestimonyLink)
            .filter(|raw| super::private_link_token(raw).is_some())
            .ok_or_else(|| AppError::NotFound.with_status())
    }
}

/// A testimony store error as the caller sees it: a refusal is not expected where this is
/// used (forms map their refusals themselves), so it is an internal error, logged.
#[cfg(feature = "ssr")]
impl From<crate::store::testimonies::TestimonyError> for AppError {
    fn from(error: crate::store::testimonies::TestimonyError) -> Self {
        use crate::store::testimonies::TestimonyError;
        match error {
            TestimonyError::Db(error) => error.into(),
            TestimonyError::NotFound => AppError::NotFound.with_status(),
            TestimonyError::Refused(field, why) => {
                tracing::error!(
                    field,
                    message = why.message_id(),
                    "unexpected testimony refusal"
                );
                AppError::Internal
            }
        }
    }
}
