//! Reading a posted `multipart/form-data` form: its text fields and its one file. The
//! write guard has already bounded the whole body (`AGORA_MAX_BODY_BYTES`) and the time
//! it may take; what is left here is the form's shape. A body that is not a well-formed
//! form is refused as such ("error-form-malformed", 400), never half-read into a write.

use super::AppError;

/// A posted form: its text fields in the order sent, and the part named as its file (an
/// empty file part, which browsers send when nothing was chosen, is no file).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PostedForm {
    fields: Vec<(String, String)>,
    file: Option<PostedFile>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct PostedFile {
    /// The name the browser gave it ("" when none).
    pub name: String,
    pub bytes: Vec<u8>,
}

impl PostedForm {
    /// Reads the form of a server function's body; `file_field` names its file part.
    pub async fn read(
        data: leptos::server_fn::codec::MultipartData,
        file_field: &str,
    ) -> Result<Self, AppError> {
        let multipart = data
            .into_inner()
            .ok_or_else(|| AppError::unwired("multipart body"))?;
        Self::from_parts(multipart, file_field).await
    }

    /// Reads the parts of a multipart body. A second file part is refused: a form that
    /// sends two was not made by our pages, and which one counts should not be a guess.
    pub async fn from_parts(
        mut multipart: multer::Multipart<'_>,
        file_field: &str,
    ) -> Result<Self, AppError> {
        fn malformed<E>(_: E) -> AppError {
            AppError::Invalid("error-form-malformed".into()).with_status()
        }
        let mut form = PostedForm::default();
        let mut file_seen = false;
        while let Some(part) = multipart.next_field().await.map_err(malformed)? {
            let name = part.name().unwrap_or_default().to_owned();
            if name == file_field {
                if std::mem::replace(&mut file_seen, true) {
                    return Err(malformed(()));
                }
                let file_name = part.file_name().unwrap_or_default().to_owned();
                let bytes = part.bytes().await.map_err(malformed)?;
                form.file = (!bytes.is_empty()).then(|| PostedFile {
                    name: file_name,
                    bytes: bytes.to_vec(),
                });
            } else {
                // Exactly as sent: our pages send UTF-8; a part that is not is refused
                // rather than patched (the lenient decoder would also drop a leading BOM).
                let bytes = part.bytes().await.map_err(malformed)?;
                let text = String::from_utf8(bytes.to_vec()).map_err(malformed)?;
                form.fields.push((name, text));
            }
        }
        Ok(form)
    }

    /// A text field's value: the first sent under that name, "" when absent (as an unticked
    /// box is).
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Whether a checkbox was ticked (its field sent, not empty).
    pub fn ticked(&self, name: &str) -> bool {
        !self.text(name).is_empty()
    }

    pub fn file(&self) -> Option<&PostedFile> {
        self.file.as_ref()
    }

    pub fn into_file(self) -> Option<PostedFile> {
        self.file
    }
}

#[cfg(test)]
mod tests {
    //! The reader under hostile bodies, as a script would send them: seeds from the corpus
    //! (`corpus/multipart/`, real browsers' bodies and known tricks), mutated, must each
    //! be read or refused as malformed, never crash or hang; and any form built from any
    //! fields and file reads back exactly.
    use super::*;
    use proptest::prelude::*;

    const BOUNDARY: &str = "----agoraBoundary7MA4YWxkTrZu0gW";

    fn runtime() -> tokio::runtime::Runtime {
        match tokio::runtime::Builder::new_current_thread().build() {
            Ok(runtime) => runtime,
            Err(error) => panic!("a runtime: {error}"),
        }
    }

    /// Reads `body` as the server would, split into chunks of `chunk` bytes as a network
    /// delivers it.
    fn read(
        runtime: &tokio::runtime::Runtime,
        body: &[u8],
        chunk: usize,
    ) -> Result<PostedForm, AppError> {
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
            body.chunks(chunk.max(1)).map(|c| Ok(c.to_vec())).collect();
        let stream = futures_util::stream::iter(chunks);
        runtime.block_on(PostedForm::from_parts(
            multer::Multipart::new(stream, BOUNDARY),
            "file",
        ))
    }

    fn malformed(result: &Result<PostedForm, AppError>) -> bool {
        matches!(result, Err(AppError::Invalid(message)) if message == "error-form-malformed")
    }

    /// The seed bodies of `corpus/multipart/`, their line ends made CRLF as on the wire
    /// (the files keep LF, for reading), the boundary theirs.
    fn corpus() -> Vec<(String, Vec<u8>)> {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/multipart");
        let mut seeds = Vec::new();
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.flatten() {
                if let Ok(bytes) = std::fs::read(entry.path()) {
                    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                    let body = text.replace('\n', "\r\n").into_bytes();
                    seeds.push((entry.file_name().to_string_lossy().into_owned(), body));
                }
            }
        }
        seeds.sort();
        seeds
    }

    /// A well-formed body for `fields` and `file`, as a browser writes it.
    fn body(fields: &[(String, String)], file: Option<&(String, Vec<u8>)>) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value) in fields {
            out.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        if let Some((file_name, bytes)) = file {
            out.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            out.extend_from_slice(bytes);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        out
    }

    #[test]
    fn every_seed_of_the_corpus_is_read_or_refused_as_malformed() {
        let runtime = runtime();
        let seeds = corpus();
        assert!(seeds.len() >= 8, "the corpus is in corpus/multipart/");
        for (name, seed) in &seeds {
            let whole = read(&runtime, seed, seed.len());
            assert!(whole.is_ok() || malformed(&whole), "{name}: {whole:?}");
            // Delivered a byte at a time, the same answer.
            assert_eq!(read(&runtime, seed, 1), whole, "{name}");
        }
    }

    #[test]
    fn a_browser_body_is_read_and_a_second_file_is_refused() {
        let runtime = runtime();
        let seeds = corpus();
        let seed = |wanted: &str| {
            seeds
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, body)| body.clone())
                .unwrap_or_default()
        };
        let form = read(&runtime, &seed("chromium-document.txt"), 64);
        let Ok(form) = form else {
            panic!("the browser's body: {form:?}");
        };
        assert_eq!(form.text("slug"), "clsm-demo");
        assert_eq!(form.text("title"), "Ordre du jour — séance du 12 mars");
        assert!(form.ticked("easy_read") && !form.ticked("members_only"));
        assert_eq!(
            form.file().map(|f| (f.name.as_str(), f.bytes.as_slice())),
            Some((
                "ordre-du-jour.pdf",
                b"%PDF-1.7 ordre du jour (essai) 00001".as_slice()
            ))
        );
        let nothing_chosen = read(&runtime, &seed("chromium-no-file.txt"), 64);
        assert!(
            nothing_chosen
                .is_ok_and(|form| form.file().is_none() && form.text("slug") == "clsm-demo")
        );
        assert!(malformed(&read(&runtime, &seed("two-files.txt"), 64)));
        assert!(malformed(&read(&runtime, &seed("truncated.txt"), 64)));
    }

    fn field_name() -> impl Strategy<Value = String> {
        // Names as our forms write them; a quote or a line end cannot be in a name a
        // browser sends (it escapes them), so the round trip leaves them out.
        "[a-z_\\[\\]0-9-]{1,16}".prop_filter("not the file's", |n| n != "file")
    }

    fn mutated(seed: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
        let len = seed.len().max(1);
        prop::collection::vec((0..len, any::<u8>(), 0u8..4), 1..6).prop_map(move |edits| {
            let mut body = seed.clone();
            for (at, byte, how) in edits {
                let at = at.min(body.len());
                match how {
                    0 => body.truncate(at),
                    1 if at < body.len() => body[at] = byte,
                    2 => body.insert(at, byte),
                    _ => {
                        // A slice of the body again, where a part may start twice.
                        let end = (at + 40).min(body.len());
                        let copy = body[at..end].to_vec();
                        body.splice(at..at, copy);
                    }
                }
            }
            body
        })
    }

    proptest! {
        #![proptest_config(crate::property_cases(512))]
        #[test]
        fn any_form_reads_back_exactly(
            fields in prop::collection::vec((field_name(), "(?s).{0,60}"), 0..8),
            file in prop::option::of(("[a-zA-Z0-9 ._éà-]{0,20}", prop::collection::vec(any::<u8>(), 1..300))),
            chunk in 1usize..97,
        ) {
            // A value holding the boundary line cannot be sent by a browser (it picks a
            // boundary found nowhere in the form).
            prop_assume!(fields.iter().all(|(_, v)| !v.contains(BOUNDARY)));
            prop_assume!(file.as_ref().is_none_or(|(_, b)| !String::from_utf8_lossy(b).contains(BOUNDARY)));
            let runtime = runtime();
            let read = read(&runtime, &body(&fields, file.as_ref()), chunk);
            let Ok(form) = read else {
                return Err(TestCaseError::fail(format!("{read:?}")));
            };
            prop_assert_eq!(&form.fields, &fields);
            prop_assert_eq!(form.file().map(|f| (f.name.clone(), f.bytes.clone())), file);
        }

        #[test]
        fn a_mutated_seed_is_read_or_refused_never_a_crash(
            body in prop::sample::select(corpus()).prop_flat_map(|(_, seed)| mutated(seed)),
            chunk in 1usize..97,
        ) {
            let runtime = runtime();
            let read = read(&runtime, &body, chunk);
            prop_assert!(read.is_ok() || malformed(&read), "{:?}", read);
        }
    }
}
