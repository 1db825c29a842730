//! A testimony's recording is taken only as browsers' recorders make it, and keeps nothing
//! of its container's metadata: no title, no date, no device or software name, no tags, no
//! attachment. A voice is identifying enough; the file around it should say nothing more.
//!
//! The formats are the recorders' own: WebM with Opus (Chromium, Firefox, recent Safari),
//! Ogg with Opus (Firefox), MP4 with AAC or Opus (Safari, and phones' voice memos, which a
//! person without the in-browser recorder sends as a file). Anything else is refused.
//!
//! WebM and MP4 are cleaned in place: every element or box that is not one a player needs
//! to play the sound is blanked (WebM's `Void` element, MP4's `free` box, both of the same
//! length, their bytes zeroed), and the few kept ones that carry a name or a date are zeroed.
//! The file keeps its length and layout, so the offsets inside it (seek tables, MP4's chunk
//! offsets) still hold. An Ogg stream is rewritten page by page, with an empty comment
//! header in place of the recorder's.
//!
//! The sound itself is not decoded nor re-encoded: Opus and AAC packets hold audio, not
//! metadata.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod mp4;
#[cfg(feature = "ssr")]
mod ogg_opus;
#[cfg(all(feature = "ssr", any(test, feature = "samples")))]
pub mod samples;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(feature = "ssr")]
mod webm;

/// The audio formats a file may be recognised as. A testimony is taken only in the first
/// three, what browsers' recorders produce (WebM or Ogg with Opus, MP4 on Apple devices,
/// also phones' voice memos): see [`clean`]. MPEG and WAV stay known so that a
/// recording stored before that rule can still be heard by its moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AudioFormat {
    WebM,
    Ogg,
    Mp4,
    Mpeg,
    Wav,
}

impl AudioFormat {
    pub const ALL: [AudioFormat; 5] = [
        AudioFormat::WebM,
        AudioFormat::Ogg,
        AudioFormat::Mp4,
        AudioFormat::Mpeg,
        AudioFormat::Wav,
    ];

    /// The media type it is served with.
    pub fn mime(self) -> &'static str {
        match self {
            AudioFormat::WebM => "audio/webm",
            AudioFormat::Ogg => "audio/ogg",
            AudioFormat::Mp4 => "audio/mp4",
            AudioFormat::Mpeg => "audio/mpeg",
            AudioFormat::Wav => "audio/wav",
        }
    }

    /// How it is stored.
    pub fn key(self) -> &'static str {
        match self {
            AudioFormat::WebM => "webm",
            AudioFormat::Ogg => "ogg",
            AudioFormat::Mp4 => "mp4",
            AudioFormat::Mpeg => "mpeg",
            AudioFormat::Wav => "wav",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The format of a file by its first bytes: what it is, whatever its name or the type
    /// the browser declared say.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        let at =
            |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
        if at(0, &[0x1a, 0x45, 0xdf, 0xa3]) {
            Some(AudioFormat::WebM)
        } else if at(0, b"OggS") {
            Some(AudioFormat::Ogg)
        } else if at(4, b"ftyp") {
            Some(AudioFormat::Mp4)
        } else if at(0, b"RIFF") && at(8, b"WAVE") {
            Some(AudioFormat::Wav)
        } else if at(0, b"ID3")
            // An MPEG audio frame header starts with eleven set bits.
            || matches!(bytes, [0xff, second, ..] if second & 0xe0 == 0xe0)
        {
            Some(AudioFormat::Mpeg)
        } else {
            None
        }
    }
}

/// Why a recording is refused: it is not one of the recorders' formats, or not whole.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotARecording;

/// The recording as stored: its format, and its bytes without metadata.
#[cfg(feature = "ssr")]
pub fn clean(bytes: &[u8]) -> Result<(AudioFormat, Vec<u8>), NotARecording> {
    let format = AudioFormat::sniff(bytes).ok_or(NotARecording)?;
    let cleaned = match format {
        AudioFormat::WebM => webm::clean(bytes)?,
        AudioFormat::Ogg => ogg_opus::clean(bytes)?,
        AudioFormat::Mp4 => mp4::clean(bytes)?,
        // Not what a recorder makes; and their tags (ID3, RIFF INFO) would need their own
        // cleaning for no one's benefit.
        AudioFormat::Mpeg | AudioFormat::Wav => return Err(NotARecording),
    };
    Ok((format, cleaned))
}

/// What a walk does with each kept element or box: the file's bytes, and where it is.
#[cfg(feature = "ssr")]
type Visit<'a, T> = dyn FnMut(&mut [u8], &T) -> Result<(), NotARecording> + 'a;
