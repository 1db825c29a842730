//! Documents a body or a meeting holds: the diagnosis report, slides, a signed decision,
//! their easy-read versions. Only a few kinds of file are taken, each recognised by its
//! first bytes (never by the name or the type the browser claims), and served back with
//! that type: a file that says it is a PDF and is a web page is refused at the door.

use super::assembly::{FieldError, TITLE_MAX, bounded, one_line};
use serde::{Deserialize, Serialize};

/// A report of a hundred pages with pictures; a council's slides. More belongs elsewhere.
pub const DOCUMENT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Per body or meeting: enough for a year of a working group.
pub const DOCUMENTS_MAX: usize = 100;

/// The kinds of file taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentType {
    Pdf,
    Png,
    Jpeg,
    /// OpenDocument text, spreadsheet, presentation (LibreOffice).
    Odt,
    Ods,
    Odp,
    /// Office Open XML (Word, Excel, PowerPoint).
    Docx,
    Xlsx,
    Pptx,
}

impl DocumentType {
    pub const ALL: [Self; 9] = [
        Self::Pdf,
        Self::Png,
        Self::Jpeg,
        Self::Odt,
        Self::Ods,
        Self::Odp,
        Self::Docx,
        Self::Xlsx,
        Self::Pptx,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Odp => "odp",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Pptx => "pptx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Self::Odp => "application/vnd.oasis.opendocument.presentation",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
        }
    }

    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.mime() == mime)
    }

    /// Read by the browser itself (a PDF viewer, an image); the others are downloaded.
    pub fn opens_in_browser(self) -> bool {
        matches!(self, Self::Pdf | Self::Png | Self::Jpeg)
    }

    /// What the file is, from its first bytes and, for the zipped office formats (all
    /// alike at the first bytes), its name: an OpenDocument also names its type in its
    /// first entry, which must agree.
    pub fn recognise(bytes: &[u8], name: &str) -> Option<Self> {
        const ZIP: &[u8] = b"PK\x03\x04";
        if bytes.starts_with(b"%PDF-") {
            return Some(Self::Pdf);
        }
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(Self::Png);
        }
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(Self::Jpeg);
        }
        if !bytes.starts_with(ZIP) {
            return None;
        }
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        let kind = [
            Self::Odt,
            Self::Ods,
            Self::Odp,
            Self::Docx,
            Self::Xlsx,
            Self::Pptx,
        ]
        .into_iter()
        .find(|kind| kind.extension() == extension)?;
        match kind {
            // The OpenDocument rule: the first entry, stored, is `mimetype`, holding the type.
            Self::Odt | Self::Ods | Self::Odp => {
                let head = bytes.get(30..30 + 8 + kind.mime().len())?;
                (head == [b"mimetype".as_slice(), kind.mime().as_bytes()].concat()).then_some(kind)
            }
            _ => contains(bytes, b"[Content_Types].xml").then_some(kind),
        }
    }
}

/// What a file picker offers (`accept`): each kind's extension, and `.jpeg` beside `.jpg`.
pub fn accepted_extensions() -> String {
    let mut list: Vec<String> = DocumentType::ALL
        .iter()
        .map(|kind| format!(".{}", kind.extension()))
        .collect();
    list.push(".jpeg".to_owned());
    list.join(",")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// The name a document is downloaded under: its title's letters and digits (accents
/// folded away), dashes between words, and the extension of what it is.
pub fn file_name(title: &str, kind: DocumentType) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut stem = String::new();
    for c in title.nfd().filter(char::is_ascii) {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(80).collect();
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "document" } else { stem };
    format!("{stem}.{}", kind.extension())
}

/// A document as its form gives it, checked (the file apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFields {
    pub title: String,
    /// An easy-read version (FALC), shown with its pictogram.
    pub easy_read: bool,
    /// Only for the body's members (and staff); a meeting kept to its members keeps its
    /// documents to them whatever this says.
    pub members_only: bool,
}

impl DocumentFields {
    pub fn check(title: &str, easy_read: bool, members_only: bool) -> Result<Self, FieldError> {
        let title = one_line(title);
        bounded(&title, "title", 3, TITLE_MAX)?;
        Ok(Self {
            title,
            easy_read,
            members_only,
        })
    }
}

/// The file sent with the form, checked: not empty, not too heavy, a kind we take.
pub fn check_file(bytes: &[u8], name: &str) -> Result<DocumentType, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new("file", "error-document-missing"));
    }
    if bytes.len() > DOCUMENT_MAX_BYTES {
        return Err(FieldError::new("file", "error-document-too-large"));
    }
    DocumentType::recognise(bytes, name).ok_or(FieldError::new("file", "error-document-type"))
}

/// A document as lists show it (never its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    pub fields: DocumentFields,
    pub kind: DocumentType,
    pub file_name: String,
    pub size: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opendocument(mime: &str) -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(30, 0);
        bytes.extend_from_slice(b"mimetype");
        bytes.extend_from_slice(mime.as_bytes());
        bytes
    }

    #[test]
    fn a_file_is_what_its_first_bytes_say() {
        assert_eq!(
            DocumentType::recognise(b"%PDF-1.7\n...", "x.docx"),
            Some(DocumentType::Pdf)
        );
        assert_eq!(
            DocumentType::recognise(b"\x89PNG\r\n\x1a\n....", "photo"),
            Some(DocumentType::Png)
        );
        assert_eq!(
            DocumentType::recognise(&[0xFF, 0xD8, 0xFF, 0xE0], "a.jpeg"),
            Some(DocumentType::Jpeg)
        );
        // A web page named like a PDF is no PDF.
        assert_eq!(
            DocumentType::recognise(b"<html><script>alert(1)</script>", "report.pdf"),
            None
        );
        assert_eq!(DocumentType::recognise(b"", "empty.pdf"), None);
    }

    #[test]
    fn an_opendocument_must_name_its_own_type() {
        let odt = opendocument("application/vnd.oasis.opendocument.text");
        assert_eq!(
            DocumentType::recognise(&odt, "Compte rendu.ODT"),
            Some(DocumentType::Odt)
        );
        // The same zip named as slides says another type inside: refused.
        assert_eq!(DocumentType::recognise(&odt, "slides.odp"), None);
        // A zip of anything else, named .docx, lacks the Office manifest.
        assert_eq!(DocumentType::recognise(b"PK\x03\x04rest", "a.docx"), None);
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(b"....[Content_Types].xml....");
        assert_eq!(
            DocumentType::recognise(&docx, "a.docx"),
            Some(DocumentType::Docx)
        );
        assert_eq!(DocumentType::recognise(&docx, "a.zip"), None);
        assert_eq!(DocumentType::recognise(&docx, "noextension"), None);
    }

    #[test]
    fn the_download_name_is_the_title_made_safe() {
        assert_eq!(
            file_name(
                "Diagnostic territorial 2026 (version FALC)",
                DocumentType::Pdf
            ),
            "diagnostic-territorial-2026-version-falc.pdf"
        );
        assert_eq!(
            file_name("Réunion « logement » — été", DocumentType::Odt),
            "reunion-logement-ete.odt"
        );
        assert_eq!(
            file_name("../../etc/passwd\"\r\n", DocumentType::Png),
            "etc-passwd.png"
        );
        assert_eq!(file_name("«»", DocumentType::Jpeg), "document.jpg");
    }

    #[test]
    fn a_file_is_checked_before_it_is_kept() {
        assert_eq!(
            check_file(b"", "a.pdf"),
            Err(FieldError::new("file", "error-document-missing"))
        );
        let heavy = [b"%PDF-".as_slice(), &vec![0; DOCUMENT_MAX_BYTES]].concat();
        assert_eq!(
            check_file(&heavy, "a.pdf"),
            Err(FieldError::new("file", "error-document-too-large"))
        );
        assert_eq!(
            check_file(b"MZ\x90\x00", "setup.pdf"),
            Err(FieldError::new("file", "error-document-type"))
        );
        assert_eq!(check_file(b"%PDF-1.4", "a.pdf"), Ok(DocumentType::Pdf));
        assert_eq!(
            DocumentFields::check("  ab ", false, false),
            Err(FieldError::new("title", "error-field-too-short"))
        );
        for kind in DocumentType::ALL {
            assert_eq!(DocumentType::from_mime(kind.mime()), Some(kind));
        }
    }
}
