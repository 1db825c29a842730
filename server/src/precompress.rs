//! The site's own files (wasm, scripts, styles) travel brotli-compressed at the highest
//! quality: the first-load budget of a phone on a slow network is counted in those bytes.
//! Compressing a 600 KB wasm at quality 11 takes a second or two, too slow for every
//! request, so it is done once per build, in the background at start-up, into `file.br`
//! beside each file; `ServeDir` then sends that file to browsers that accept brotli.
//! Until it is written (or where the site folder is read-only) the response layer still
//! compresses on the fly, at its faster, lower quality.

use std::path::{Path, PathBuf};

/// The folders of the site whose files are compressed ahead.
const FOLDERS: [&str; 2] = ["pkg", "js"];
const EXTENSIONS: [&str; 3] = ["wasm", "js", "css"];

/// Writes `file.br` for every file of the site that has none or an older one; returns the
/// files written. Each is written under another name first, then renamed, so a request
/// never gets half a file.
pub fn precompress(site_root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(site_root.join(folder)) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
                continue;
            };
            if !EXTENSIONS.contains(&extension) {
                continue;
            }
            let target = path.with_extension(format!("{extension}.br"));
            if is_fresh(&path, &target) {
                continue;
            }
            let original = std::fs::read(&path)?;
            let mut compressed = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut original.as_slice(), &mut compressed, &params)?;
            let partial = path.with_extension(format!("{extension}.br.partial"));
            std::fs::write(&partial, &compressed)?;
            std::fs::rename(&partial, &target)?;
            written.push(target);
        }
    }
    Ok(written)
}

/// `target` exists and is not older than `source`.
fn is_fresh(source: &Path, target: &Path) -> bool {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    matches!((modified(source), modified(target)), (Some(s), Some(t)) if t >= s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn compresses_the_site_files_once_and_again_when_they_change() -> anyhow::Result<()> {
        let site = tempfile::tempdir()?;
        std::fs::create_dir_all(site.path().join("pkg"))?;
        std::fs::create_dir_all(site.path().join("pictos"))?;
        let css = site.path().join("pkg/agora.css");
        let text = "body { color: black; } ".repeat(200);
        std::fs::write(&css, &text)?;
        std::fs::write(site.path().join("pkg/notes.txt"), "not a site file")?;
        std::fs::write(site.path().join("pictos/a.svg"), "<svg/>")?;

        let written = precompress(site.path())?;
        assert_eq!(written, vec![site.path().join("pkg/agora.css.br")]);
        let mut back = String::new();
        brotli::Decompressor::new(std::fs::File::open(&written[0])?, 4096)
            .read_to_string(&mut back)?;
        assert_eq!(back, text);
        assert!(std::fs::metadata(&written[0])?.len() < 200, "compressed");

        assert!(precompress(site.path())?.is_empty(), "fresh: left alone");
        // A newer build of the file: compressed again. Its time is set rather than waited
        // for, so that a coarse clock or a busy machine cannot give both files the same.
        std::fs::write(&css, "main { margin: 0; }")?;
        let later = std::fs::metadata(&written[0])?.modified()? + std::time::Duration::from_secs(2);
        std::fs::File::options()
            .write(true)
            .open(&css)?
            .set_modified(later)?;
        assert_eq!(precompress(site.path())?.len(), 1);
        Ok(())
    }
}
