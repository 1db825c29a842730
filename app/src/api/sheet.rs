//! Exports for spreadsheets: a CSV file as a server function's answer (`text/csv`), and the
//! one way Agora writes one (`Sheet`), so that every export reads right in the reader's
//! spreadsheet and none can carry a formula (`domain::spreadsheet`); calendar files; and
//! stored files' bytes.

use serde::{Deserialize, Serialize};

/// A CSV file, downloaded by a plain link.
// The browser only ever fetches the file by a plain link, so the client build never names
// these (the server function still needs them on both sides).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile(pub String);

/// `text/csv` for a server function's answer.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub struct CsvEncoding;

impl leptos::server_fn::ContentType for CsvEncoding {
    const CONTENT_TYPE: &'static str = "text/csv; charset=utf-8";
}

impl leptos::server_fn::FormatType for CsvEncoding {
    const FORMAT_TYPE: leptos::server_fn::Format = leptos::server_fn::Format::Text;
}

impl leptos::server_fn::Encodes<CsvFile> for CsvEncoding {
    type Error = std::convert::Infallible;

    fn encode(output: &CsvFile) -> Result<leptos::server_fn::Bytes, Self::Error> {
        Ok(leptos::server_fn::Bytes::from(output.0.clone()))
    }
}

impl leptos::server_fn::Decodes<CsvFile> for CsvEncoding {
    type Error = std::string::FromUtf8Error;

    fn decode(bytes: leptos::server_fn::Bytes) -> Result<CsvFile, Self::Error> {
        String::from_utf8(bytes.to_vec()).map(CsvFile)
    }
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub type Csv = leptos::server_fn::codec::Post<CsvEncoding>;

/// An iCalendar file (RFC 5545), downloaded by a plain link or read by a calendar
/// application.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsFile(pub String);

/// `text/calendar` for a server function's answer.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub struct IcsEncoding;

impl leptos::server_fn::ContentType for IcsEncoding {
    const CONTENT_TYPE: &'static str = "text/calendar; charset=utf-8";
}

impl leptos::server_fn::FormatType for IcsEncoding {
    const FORMAT_TYPE: leptos::server_fn::Format = leptos::server_fn::Format::Text;
}

impl leptos::server_fn::Encodes<IcsFile> for IcsEncoding {
    type Error = std::convert::Infallible;

    fn encode(output: &IcsFile) -> Result<leptos::server_fn::Bytes, Self::Error> {
        Ok(leptos::server_fn::Bytes::from(output.0.clone()))
    }
}

impl leptos::server_fn::Decodes<IcsFile> for IcsEncoding {
    type Error = std::string::FromUtf8Error;

    fn decode(bytes: leptos::server_fn::Bytes) -> Result<IcsFile, Self::Error> {
        String::from_utf8(bytes.to_vec()).map(IcsFile)
    }
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub type Ics = leptos::server_fn::codec::Post<IcsEncoding>;

/// A stored file's bytes (a testimony's recording, a body's document): the handler sets
/// the real media type per file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileBytes(pub Vec<u8>);

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub struct BinaryEncoding;

impl leptos::server_fn::ContentType for BinaryEncoding {
    const CONTENT_TYPE: &'static str = "application/octet-stream";
}

impl leptos::server_fn::FormatType for BinaryEncoding {
    const FORMAT_TYPE: leptos::server_fn::Format = leptos::server_fn::Format::Binary;
}

impl leptos::server_fn::Encodes<FileBytes> for BinaryEncoding {
    type Error = std::convert::Infallible;

    fn encode(output: &FileBytes) -> Result<leptos::server_fn::Bytes, Self::Error> {
        Ok(leptos::server_fn::Bytes::from(output.0.clone()))
    }
}

impl leptos::server_fn::Decodes<FileBytes> for BinaryEncoding {
    type Error = std::convert::Infallible;

    fn decode(bytes: leptos::server_fn::Bytes) -> Result<FileBytes, Self::Error> {
        Ok(FileBytes(bytes.to_vec()))
    }
}

pub type Binary = leptos::server_fn::codec::Post<BinaryEncoding>;

#[cfg(feature = "ssr")]
pub(crate) use writer::{Sheet, college_name};

#[cfg(feature = "ssr")]
mod writer {
    use super::CsvFile;
    use crate::domain::spreadsheet::inert_cell;
    use crate::domain::{College, CollegeKey, Lang};

    /// A college as an export names it: the council's own name, else its translated default
    /// name; a key the council no longer has keeps its default name, or the key itself.
    pub fn college_name(colleges: &[College], key: &str, lang: Lang) -> String {
        let default = || crate::i18n::message(lang, false, &format!("college-{key}"), None);
        match colleges.iter().find(|c| c.key.as_str() == key) {
            Some(found) => found.label.clone().unwrap_or_else(default),
            None if CollegeKey::parse(key).is_some_and(|k| k.is_default()) => default(),
            None => key.to_owned(),
        }
    }

    /// A CSV file being written for a spreadsheet in `lang`: French spreadsheets want a
    /// decimal comma, hence a semicolon between fields; a byte-order mark first, so that
    /// they read the accents right. Every cell goes through `inert_cell`.
    pub struct Sheet {
        out: csv::Writer<Vec<u8>>,
        lang: Lang,
    }

    impl Sheet {
        pub fn new(lang: Lang) -> Self {
            let delimiter = if lang == Lang::Fr { b';' } else { b',' };
            Sheet {
                // A file may hold blocks of different widths, one after the other (the
                // annual report's activity, participation, indicators).
                out: csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .flexible(true)
                    .from_writer(Vec::new()),
                lang,
            }
        }

        /// The decimal mark of the file's language.
        pub fn decimal_mark(&self) -> char {
            if self.lang == Lang::Fr { ',' } else { '.' }
        }

        /// One line.
        pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
        where
            I: IntoIterator<Item = S>,
            S: AsRef<str>,
        {
            self.out.write_record(
                cells
                    .into_iter()
                    .map(|cell| inert_cell(cell.as_ref()).into_owned()),
            )
        }

        pub fn finish(self) -> Result<CsvFile, csv::Error> {
            let bytes = self.out.into_inner().map_err(|e| e.into_error())?;
            Ok(CsvFile(format!(
                "\u{feff}{}",
                String::from_utf8_lossy(&bytes)
            )))
        }
    }
}
