//! Documents of a body or of a meeting: staff who run rooms upload them (a body's page, a
//! meeting's minutes editor) and remove them; whoever may see what holds them downloads
//! them, unless a document is kept to the body's members. A file is served with the type
//! its first bytes proved, never sniffed, and nothing in it may run.

use super::AppError;
use leptos::prelude::*;

/// Uploads a document. `multipart/form-data`: `slug`, `body` or `assembly` (what holds it),
/// `title`, `easy_read` and `members_only` (checkboxes), `file`.
#[server(endpoint = "upload_document", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_document(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::document::{DocumentFields, check_file};
    let db = super::request::db()?;
    let upload = super::multipart::PostedForm::read(data, "file").await?;
    let slug = &upload.text("slug");
    let call = super::edge::require(&db, slug, Permission::ModerateLive).await?;
    let council_id = call.council.id;
    let (holder, back) = server::holder(
        &db,
        council_id,
        slug,
        &upload.text("body"),
        &upload.text("assembly"),
    )
    .await?;
    let (title, easy_read, members_only) = (
        upload.text("title"),
        upload.ticked("easy_read"),
        upload.ticked("members_only"),
    );
    let values = [
        ("title", title.as_str()),
        ("easy_read", if easy_read { "on" } else { "" }),
        ("members_only", if members_only { "on" } else { "" }),
    ];
    let Some(fields) = super::forms::checked(
        "document",
        &values,
        &back,
        DocumentFields::check(&title, easy_read, members_only),
    )?
    else {
        return Ok(());
    };
    // No file chosen: empty, which the check refuses in words.
    let (file_name, bytes) = upload
        .into_file()
        .map_or_else(Default::default, |file| (file.name, file.bytes));
    let Some(kind) =
        super::forms::checked("document", &values, &back, check_file(&bytes, &file_name))?
    else {
        return Ok(());
    };
    match crate::store::documents::add_document(
        &db,
        council_id,
        holder,
        &fields,
        kind,
        bytes,
        Some(call.account_id),
    )
    .await
    {
        Ok(_) => super::forms::done("saved-document", &back),
        Err(crate::store::documents::DocumentError::Refused(why)) => super::forms::refuse(
            super::forms::FormEcho::new("document", Some("file"), why, &values),
            &back,
        ),
        Err(crate::store::documents::DocumentError::NotFound) => {
            Err(AppError::NotFound.with_status())
        }
        Err(crate::store::documents::DocumentError::Db(error)) => Err(error.into()),
    }
}

#[server(endpoint = "remove_document")]
pub async fn remove_document(slug: String, id: String, back: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = super::edge::id(&id)?;
    // Back only to one of the council's own pages.
    let council_pages = format!("/{slug}/");
    let back = crate::domain::safe_return_path(&back)
        .filter(|path| path.starts_with(&council_pages))
        .map_or_else(|| format!("/{slug}/instances"), str::to_owned);
    match crate::store::documents::remove_document(&db, call.council.id, id, Some(call.account_id))
        .await
    {
        Ok(()) => super::forms::done("saved-document-removed", &back),
        Err(crate::store::documents::DocumentError::Db(error)) => Err(error.into()),
        Err(_) => Err(AppError::NotFound.with_status()),
    }
}

/// A document's file, for whoever may read it (a 404 for anyone else, as if there were
/// none).
#[server(endpoint = "document_file", input = leptos::server_fn::codec::GetUrl, output = super::sheet::Binary)]
pub async fn document_file(slug: String, id: String) -> Result<super::sheet::FileBytes, AppError> {
    use crate::domain::document::DocumentType;
    use http::HeaderValue;
    use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let id = super::edge::id(&id)?;
    let viewer = super::edge::viewer(&db, council.id).await?;
    let row = crate::store::documents::document_file(&db, council.id, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if !server::may_read(&db, &viewer, row.body_id, row.assembly_id, row.members_only).await? {
        return Err(AppError::NotFound.with_status());
    }
    let kind = DocumentType::from_mime(&row.content_type)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::unwired("ResponseOptions"))?;
    response.insert_header(CONTENT_TYPE, HeaderValue::from_static(kind.mime()));
    // The name is made of ASCII letters, digits, dashes and a dot (`domain::document`).
    let disposition = if kind.opens_in_browser() {
        "inline"
    } else {
        "attachment"
    };
    let disposition =
        HeaderValue::from_str(&format!("{disposition}; filename=\"{}\"", row.file_name))
            .map_err(|e| AppError::internal("a document's name", e))?;
    response.insert_header(CONTENT_DISPOSITION, disposition);
    Ok(super::sheet::FileBytes(row.bytes))
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::AppError;
    use crate::domain::body::Viewer;
    use crate::domain::document::Document;
    use crate::store::documents::Holder;
    use sea_orm::DatabaseConnection;

    /// What the upload names as the document's holder, within the council, and the page
    /// to come back to.
    pub async fn holder(
        db: &DatabaseConnection,
        council_id: i64,
        slug: &str,
        body: &str,
        assembly: &str,
    ) -> Result<(Holder, String), AppError> {
        if !assembly.trim().is_empty() {
            let id = crate::api::edge::assembly_of(db, council_id, assembly).await?;
            let audience = crate::store::room::audience_of(db, id)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?;
            return Ok((
                Holder::Meeting {
                    assembly: id,
                    body: audience.body,
                },
                format!("/{slug}/assemblees/{id}/compte-rendu/modifier#documents"),
            ));
        }
        let body = crate::api::bodies::server::body_in(db, council_id, body).await?;
        Ok((
            Holder::Body(body),
            format!("/{slug}/instances/{body}#documents"),
        ))
    }

    /// Whether `viewer` reads a document held by `body` and/or `assembly`: its meeting must
    /// be one they see; one kept to members, a member's or staff's.
    pub async fn may_read(
        db: &DatabaseConnection,
        viewer: &Viewer,
        body: Option<i64>,
        assembly: Option<i64>,
        members_only: bool,
    ) -> Result<bool, AppError> {
        if let Some(assembly) = assembly {
            let Some(audience) = crate::store::room::audience_of(db, assembly).await? else {
                return Ok(viewer.runs_rooms);
            };
            if !viewer.may_see(audience.body, audience.members_only) {
                return Ok(false);
            }
        }
        Ok(!members_only || viewer.runs_rooms || body.is_some_and(|b| viewer.is_member_of(b)))
    }

    /// The documents of `holder` that `viewer` may read.
    pub async fn readable(
        db: &DatabaseConnection,
        holder: Holder,
        viewer: &Viewer,
    ) -> Result<Vec<Document>, AppError> {
        let (body, assembly) = match holder {
            Holder::Body(body) => (Some(body), None),
            Holder::Meeting { assembly, body } => (body, Some(assembly)),
        };
        let mut shown = Vec::new();
        for document in crate::store::documents::documents_of(db, holder).await? {
            if may_read(db, viewer, body, assembly, document.fields.members_only).await? {
                shown.push(document);
            }
        }
        Ok(shown)
    }
}
