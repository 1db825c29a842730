//! A diagnosis imported from the spreadsheet it often lives in (CSV, ODS or XLSX): the file
//! is read and checked whole; a file with a bad line is refused line by line and nothing is
//! kept; a good one waits, previewed, until its coordinator imports it (as drafts) or
//! drops it.

use crate::api::AppError;
use leptos::prelude::*;

/// Sends a file to import. `multipart/form-data`: fields `slug` and `file`.
#[server(endpoint = "upload_findings", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_findings(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(), AppError> {
    use crate::domain::{IMPORT_BYTES_MAX, Permission, read_finding_rows};
    let posted = crate::api::multipart::PostedForm::read(data, "file").await?;
    let slug = posted.text("slug");
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/diagnostic#import-title");
    let refuse = |message: &str| {
        crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("import", Some("file"), message, &[]),
            &back,
        )
    };
    let Some(file) = posted.into_file() else {
        return refuse("error-import-no-file");
    };
    let (file_name, bytes) = (file.name, file.bytes);
    if bytes.len() > IMPORT_BYTES_MAX {
        return refuse("error-import-too-large");
    }
    let rows = match server::rows_of(&bytes) {
        Ok(rows) => rows,
        Err(message) => return refuse(message),
    };
    let objectives = crate::store::diagnosis::objectives_of(&db, call.council.id).await?;
    match read_finding_rows(&rows, &super::objective_names(&objectives)) {
        Ok(findings) => {
            crate::store::diagnosis::hold_import(&db, call.council.id, &file_name, &findings)
                .await?;
            crate::api::forms::done("saved-import-read", &back)
        }
        Err(errors) => {
            // As many lines as the flash cookie holds; the count says how many more.
            let total = errors.len();
            let mut refusal = super::ImportRefusal {
                file_name: file_name.chars().take(60).collect(),
                errors,
                total,
            };
            refusal.errors.truncate(20);
            loop {
                let json = serde_json::to_string(&refusal)
                    .map_err(|e| AppError::internal("serialising an import refusal", e))?;
                if json.len() < 2000 || refusal.errors.len() <= 1 {
                    return crate::api::forms::carry(&json, &back);
                }
                refusal.errors.pop();
            }
        }
    }
}

/// Imports the waiting file (`action` `import`: its findings added as drafts) or drops it
/// (`drop`).
#[server(endpoint = "settle_import")]
pub async fn settle_import(slug: String, action: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::diagnosis::DiagnosisError;
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let confirm = match action.as_str() {
        "import" => true,
        "drop" => false,
        _ => return Err(AppError::Invalid("error-form-malformed".into()).with_status()),
    };
    let back = format!("/{slug}/diagnostic#findings-title");
    match crate::store::diagnosis::settle_import(
        &db,
        call.council.id,
        confirm,
        Some(call.account_id),
    )
    .await
    {
        Ok(_) if confirm => crate::api::forms::done("saved-import-done", &back),
        Ok(_) => crate::api::forms::done("saved-import-dropped", &back),
        // Already settled (a second click, another tab): nothing waits.
        Err(DiagnosisError::NotFound) => crate::api::forms::done("saved-import-dropped", &back),
        // An objective removed since the preview: refused whole, the file still waits.
        Err(DiagnosisError::Refused(message)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("import", Some("file"), message, &[]),
            &format!("/{slug}/diagnostic#import-title"),
        ),
        Err(DiagnosisError::Db(error)) => Err(error.into()),
    }
}

#[cfg(feature = "ssr")]
mod server {
    /// The rows of the file's first sheet, each cell as text. A zip archive is a
    /// spreadsheet (ODS, XLSX); anything else is read as CSV in UTF-8, separated by
    /// semicolons (as French spreadsheets save it), commas or tabs, whichever the first
    /// line holds most. The error is a Fluent id.
    pub fn rows_of(bytes: &[u8]) -> Result<Vec<Vec<String>>, &'static str> {
        if bytes.starts_with(b"PK\x03\x04") {
            return sheet_rows(bytes);
        }
        let text = std::str::from_utf8(bytes).map_err(|_| "error-import-encoding")?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.contains('\0') {
            return Err("error-import-unreadable");
        }
        let first = text.lines().next().unwrap_or_default();
        let delimiter = [b';', b',', b'\t']
            .into_iter()
            .max_by_key(|d| first.bytes().filter(|b| b == d).count())
            .unwrap_or(b';');
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .map(|record| {
                record
                    .map(|r| r.iter().map(str::to_owned).collect())
                    .map_err(|_| "error-import-unreadable")
            })
            .collect()
    }

    fn sheet_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, &'static str> {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
            .map_err(|_| "error-import-unreadable")?;
        let range = book
            .worksheet_range_at(0)
            .ok_or("error-import-empty")?
            .map_err(|_| "error-import-unreadable")?;
        Ok(range
            .rows()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn csv_is_read_with_the_separator_its_header_uses() {
            let semicolons =
                "\u{feff}objectif;titre;résumé\ncare;Attente;\"Six mois; parfois plus.\"\n";
            assert_eq!(
                rows_of(semicolons.as_bytes()),
                Ok(vec![
                    vec!["objectif".to_owned(), "titre".into(), "résumé".into()],
                    vec![
                        "care".to_owned(),
                        "Attente".into(),
                        "Six mois; parfois plus.".into()
                    ],
                ])
            );
            let commas = "objectif,titre,résumé\ncare,Attente,Six mois\n";
            assert_eq!(rows_of(commas.as_bytes()).map(|rows| rows[1].len()), Ok(3));
        }

        #[test]
        fn a_file_that_is_not_utf8_text_or_a_spreadsheet_is_refused_by_name() {
            // "résumé" in Windows-1252, as an old spreadsheet saves CSV.
            assert_eq!(
                rows_of(b"objectif;r\xe9sum\xe9\n"),
                Err("error-import-encoding")
            );
            assert_eq!(
                rows_of(b"PK\x03\x04not a zip"),
                Err("error-import-unreadable")
            );
        }
    }
}
