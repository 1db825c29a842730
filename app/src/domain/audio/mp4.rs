//! MP4 (ISO base media): boxes, each a size, a type and its content.

use super::{NotARecording, Visit};

struct Box4 {
    kind: [u8; 4],
    start: usize,
    /// Where its content starts (after the 8- or 16-byte header).
    body: usize,
    end: usize,
}

fn read(bytes: &[u8], at: usize, limit: usize) -> Result<Box4, NotARecording> {
    let word = |at: usize| -> Result<u32, NotARecording> {
        let four = bytes.get(at..at + 4).ok_or(NotARecording)?;
        Ok(u32::from_be_bytes([four[0], four[1], four[2], four[3]]))
    };
    let size = word(at)?;
    let kind = bytes
        .get(at + 4..at + 8)
        .ok_or(NotARecording)?
        .try_into()
        .map_err(|_| NotARecording)?;
    let (body, end) = match size {
        0 => (at + 8, limit),
        1 => {
            let large = (u64::from(word(at + 8)?) << 32) | u64::from(word(at + 12)?);
            let large = usize::try_from(large).map_err(|_| NotARecording)?;
            (at + 16, at.checked_add(large).ok_or(NotARecording)?)
        }
        size => (at + 8, at + size as usize),
    };
    if end < body || end > limit {
        return Err(NotARecording);
    }
    Ok(Box4 {
        kind,
        start: at,
        body,
        end,
    })
}

fn children(bytes: &[u8], start: usize, end: usize) -> Result<Vec<Box4>, NotARecording> {
    let mut found = Vec::new();
    let mut at = start;
    while at < end {
        let child = read(bytes, at, end)?;
        at = child.end;
        found.push(child);
    }
    Ok(found)
}

/// A box becomes a `free` box of the same length, its content zeroed.
fn blank(bytes: &mut [u8], found: &Box4) {
    bytes[found.start + 4..found.start + 8].copy_from_slice(b"free");
    bytes[found.body..found.end].fill(0);
}

/// Zeroes the creation and modification times at the start of a `mvhd`, `tkhd` or
/// `mdhd` box (after its version and flags: 32-bit times in version 0, 64-bit in 1).
fn zero_times(bytes: &mut [u8], found: &Box4) -> Result<(), NotARecording> {
    let version = *bytes.get(found.body).ok_or(NotARecording)?;
    let len = if version == 1 { 16 } else { 8 };
    let times = found.body + 4..found.body + 4 + len;
    if times.end > found.end {
        return Err(NotARecording);
    }
    bytes[times].fill(0);
    Ok(())
}

/// Cleans the boxes of `start..end`, keeping those in `kept` (a `free` box stays
/// free) and visiting those whose type `visit` knows.
fn walk(
    bytes: &mut [u8],
    start: usize,
    end: usize,
    kept: &[&[u8; 4]],
    visit: &mut Visit<'_, Box4>,
) -> Result<(), NotARecording> {
    for child in children(bytes, start, end)? {
        if kept.contains(&&child.kind) {
            visit(bytes, &child)?;
        } else {
            blank(bytes, &child);
        }
    }
    Ok(())
}

pub fn clean(input: &[u8]) -> Result<Vec<u8>, NotARecording> {
    let mut bytes = input.to_vec();
    let len = bytes.len();
    let mut sound_tracks = 0;
    let mut other_tracks = 0;
    walk(
        &mut bytes,
        0,
        len,
        &[
            b"ftyp", b"styp", b"moov", b"moof", b"mdat", b"sidx", b"mfra", b"free", b"skip",
        ],
        &mut |bytes, top| {
            if &top.kind != b"moov" {
                return Ok(());
            }
            walk(
                bytes,
                top.body,
                top.end,
                &[b"mvhd", b"trak", b"mvex", b"iods", b"free"],
                &mut |bytes, movie| match &movie.kind {
                    b"mvhd" => zero_times(bytes, movie),
                    b"trak" => {
                        let sound = track(bytes, movie)?;
                        if sound {
                            sound_tracks += 1;
                        } else {
                            other_tracks += 1;
                        }
                        Ok(())
                    }
                    _ => Ok(()),
                },
            )
        },
    )?;
    if sound_tracks == 0 || other_tracks > 0 {
        return Err(NotARecording);
    }
    Ok(bytes)
}

/// Cleans a track; whether it is sound in a recorder's codec (AAC or Opus).
fn track(bytes: &mut [u8], trak: &Box4) -> Result<bool, NotARecording> {
    let mut sound = false;
    let mut codec = false;
    walk(
        bytes,
        trak.body,
        trak.end,
        &[b"tkhd", b"mdia", b"edts", b"free"],
        &mut |bytes, part| match &part.kind {
            b"tkhd" => zero_times(bytes, part),
            b"mdia" => walk(
                bytes,
                part.body,
                part.end,
                &[b"mdhd", b"hdlr", b"minf", b"free"],
                &mut |bytes, media| match &media.kind {
                    b"mdhd" => zero_times(bytes, media),
                    b"hdlr" => {
                        // Version and flags, pre-defined, the handler's type, three
                        // reserved words, then a name: the software's, zeroed.
                        let kind = bytes
                            .get(media.body + 8..media.body + 12)
                            .ok_or(NotARecording)?;
                        sound = kind == b"soun";
                        let name = (media.body + 24).min(media.end);
                        bytes[name..media.end].fill(0);
                        Ok(())
                    }
                    b"minf" => {
                        codec = sample_entries(bytes, media)?
                            .iter()
                            .all(|kind| kind == b"mp4a" || kind == b"Opus");
                        Ok(())
                    }
                    _ => Ok(()),
                },
            ),
            _ => Ok(()),
        },
    )?;
    Ok(sound && codec)
}

/// The types of the sample entries under `minf/stbl/stsd` (none: an empty list).
fn sample_entries(bytes: &[u8], minf: &Box4) -> Result<Vec<[u8; 4]>, NotARecording> {
    for stbl in children(bytes, minf.body, minf.end)? {
        if &stbl.kind != b"stbl" {
            continue;
        }
        for stsd in children(bytes, stbl.body, stbl.end)? {
            if &stsd.kind == b"stsd" {
                // Version and flags, then the number of entries.
                let entries = children(bytes, stsd.body + 8, stsd.end)?;
                if entries.is_empty() {
                    return Err(NotARecording);
                }
                return Ok(entries.into_iter().map(|e| e.kind).collect());
            }
        }
    }
    Err(NotARecording)
}
