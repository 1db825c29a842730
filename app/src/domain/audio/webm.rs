//! WebM (a Matroska profile): EBML elements, each an id, a size and its data.

use super::{NotARecording, Visit};

const EBML: u32 = 0x1A45_DFA3;
const DOC_TYPE: u32 = 0x4282;
const SEGMENT: u32 = 0x1853_8067;
const SEEK_HEAD: u32 = 0x114D_9B74;
const INFO: u32 = 0x1549_A966;
const TRACKS: u32 = 0x1654_AE6B;
const CLUSTER: u32 = 0x1F43_B675;
const CUES: u32 = 0x1C53_BB6B;
const VOID: u32 = 0xEC;
const TRACK_ENTRY: u32 = 0xAE;
const TRACK_TYPE: u32 = 0x83;
const CODEC_ID: u32 = 0x86;
const MUXING_APP: u32 = 0x4D80;
const WRITING_APP: u32 = 0x5741;
/// In `Info`: the time scale and duration. `MuxingApp` and `WritingApp` must be there;
/// they are kept, emptied. Title, date, segment ids and file names go.
const INFO_KEPT: [u32; 5] = [0x2A_D7B1, 0x4489, MUXING_APP, WRITING_APP, VOID];
/// In a track: how to decode it. Its name and anything unknown go.
const TRACK_KEPT: [u32; 12] = [
    0xD7, 0x73C5, TRACK_TYPE, CODEC_ID, 0x63A2, 0xE1, 0x56AA, 0x56BB, 0x9C, 0x23_E383, 0x22_B59C,
    VOID,
];
/// In a cluster: its time, its blocks, and positions. Anything else is blanked; in a
/// cluster of unknown size, the first element that is none of these ends it.
const CLUSTER_KEPT: [u32; 8] = [0xE7, 0xA3, BLOCK_GROUP, 0xA7, 0xAB, 0x5854, 0xAF, VOID];
const BLOCK_GROUP: u32 = 0xA0;
/// In a block group: the block and how to play it (no additions: they carry any data).
const BLOCK_GROUP_KEPT: [u32; 6] = [0xA1, 0x9B, 0xFB, 0xFA, 0x75A2, VOID];
/// The seek table's and the cue index's entries: positions only.
const SEEK_KEPT: [u32; 2] = [0x4DBB, VOID];
const CUES_KEPT: [u32; 2] = [0xBB, VOID];
/// A size whose bits are all set: "unknown", as live recorders write a segment and its
/// clusters.
const UNKNOWN: u64 = u64::MAX;

struct Element {
    id: u32,
    start: usize,
    data: usize,
    /// The end of its data (the file's end for an unknown size, until found).
    end: usize,
    unknown: bool,
}

/// A variable-length integer at `at`: its value (with or without the length marker)
/// and its length.
fn vint(bytes: &[u8], at: usize, keep_marker: bool) -> Option<(u64, usize)> {
    let first = *bytes.get(at)?;
    let len = usize::try_from(first.leading_zeros()).ok()? + 1;
    if len > 8 {
        return None;
    }
    let raw = bytes
        .get(at..at + len)?
        .iter()
        .fold(0u64, |value, b| (value << 8) | u64::from(*b));
    if keep_marker {
        return Some((raw, len));
    }
    let bits = 7 * len as u32;
    let value = raw & ((1u64 << bits) - 1);
    let all_ones = (1u64 << bits) - 1;
    Some((if value == all_ones { UNKNOWN } else { value }, len))
}

fn element(bytes: &[u8], at: usize, limit: usize) -> Option<Element> {
    let (id, id_len) = vint(bytes, at, true)?;
    if id_len > 4 {
        return None;
    }
    let (size, size_len) = vint(bytes, at + id_len, false)?;
    let data = at + id_len + size_len;
    let unknown = size == UNKNOWN;
    let end = if unknown {
        limit
    } else {
        data.checked_add(usize::try_from(size).ok()?)?
    };
    (end <= limit).then_some(Element {
        id: u32::try_from(id).ok()?,
        start: at,
        data,
        end,
        unknown,
    })
}

/// Replaces the element over `start..end` by a `Void` element of the same length, its
/// content zeroed.
fn void(bytes: &mut [u8], start: usize, end: usize) -> Result<(), NotARecording> {
    let total = end - start;
    if total < 2 {
        return Err(NotARecording);
    }
    let size_len = (total - 1).min(8);
    let size = (total - 1 - size_len) as u64;
    let marker = 1u64 << (7 * size_len);
    let encoded = (marker | size).to_be_bytes();
    bytes[start] = 0xEC;
    bytes[start + 1..start + 1 + size_len].copy_from_slice(&encoded[8 - size_len..]);
    bytes[start + 1 + size_len..end].fill(0);
    Ok(())
}

/// The children of `start..end`: blanks those not in `kept`, empties the ones in
/// `emptied`, and hands the others to `visit`.
fn walk(
    bytes: &mut [u8],
    start: usize,
    end: usize,
    kept: &[u32],
    emptied: &[u32],
    visit: &mut Visit<'_, Element>,
) -> Result<(), NotARecording> {
    let mut at = start;
    while at < end {
        let child = element(bytes, at, end).ok_or(NotARecording)?;
        if child.unknown {
            return Err(NotARecording);
        }
        if !kept.contains(&child.id) {
            void(bytes, child.start, child.end)?;
        } else if emptied.contains(&child.id) {
            bytes[child.data..child.end].fill(0);
        } else {
            visit(bytes, &child)?;
        }
        at = child.end;
    }
    Ok(())
}

fn uint(bytes: &[u8], element: &Element) -> u64 {
    bytes[element.data..element.end]
        .iter()
        .fold(0, |value, b| (value << 8) | u64::from(*b))
}

/// Where a cluster of unknown size ends: at the first element that cannot be one of
/// its own, or the file's end.
fn cluster_end(bytes: &[u8], cluster: &Element, limit: usize) -> Result<usize, NotARecording> {
    let mut at = cluster.data;
    while at < limit {
        let child = element(bytes, at, limit).ok_or(NotARecording)?;
        if !CLUSTER_KEPT.contains(&child.id) {
            return Ok(at);
        }
        if child.unknown {
            return Err(NotARecording);
        }
        at = child.end;
    }
    Ok(limit)
}

pub fn clean(input: &[u8]) -> Result<Vec<u8>, NotARecording> {
    let mut bytes = input.to_vec();
    let header = element(&bytes, 0, bytes.len()).ok_or(NotARecording)?;
    if header.id != EBML || header.unknown {
        return Err(NotARecording);
    }
    // A WebM file, not any Matroska one: the recorders' profile.
    let mut doc_type = None;
    let mut at = header.data;
    while at < header.end {
        let child = element(&bytes, at, header.end).ok_or(NotARecording)?;
        if child.id == DOC_TYPE {
            doc_type = Some(bytes[child.data..child.end].to_vec());
        }
        at = child.end;
    }
    let doc_type = doc_type.ok_or(NotARecording)?;
    if doc_type.split(|b| *b == 0).next() != Some(b"webm".as_slice()) {
        return Err(NotARecording);
    }
    let segment = element(&bytes, header.end, bytes.len()).ok_or(NotARecording)?;
    if segment.id != SEGMENT {
        return Err(NotARecording);
    }
    let limit = segment.end;
    let mut opus_tracks = 0;
    let mut at = segment.data;
    while at < limit {
        let child = element(&bytes, at, limit).ok_or(NotARecording)?;
        let end = if child.unknown {
            if child.id != CLUSTER {
                return Err(NotARecording);
            }
            cluster_end(&bytes, &child, limit)?
        } else {
            child.end
        };
        match child.id {
            INFO => walk(
                &mut bytes,
                child.data,
                end,
                &INFO_KEPT,
                &[MUXING_APP, WRITING_APP],
                &mut |_, _| Ok(()),
            )?,
            TRACKS => walk(
                &mut bytes,
                child.data,
                end,
                &[TRACK_ENTRY, VOID],
                &[],
                &mut |bytes, entry| {
                    if entry.id != TRACK_ENTRY {
                        return Ok(());
                    }
                    let (mut audio, mut opus) = (false, false);
                    walk(
                        bytes,
                        entry.data,
                        entry.end,
                        &TRACK_KEPT,
                        &[],
                        &mut |b, e| {
                            match e.id {
                                TRACK_TYPE => audio = uint(b, e) == 2,
                                CODEC_ID => opus = &b[e.data..e.end] == b"A_OPUS",
                                _ => {}
                            }
                            Ok(())
                        },
                    )?;
                    // Only sound, and only as the recorders encode it.
                    if !(audio && opus) {
                        return Err(NotARecording);
                    }
                    opus_tracks += 1;
                    Ok(())
                },
            )?,
            CLUSTER => walk(
                &mut bytes,
                child.data,
                end,
                &CLUSTER_KEPT,
                &[],
                &mut |bytes, part| {
                    if part.id == BLOCK_GROUP {
                        walk(
                            bytes,
                            part.data,
                            part.end,
                            &BLOCK_GROUP_KEPT,
                            &[],
                            &mut |_, _| Ok(()),
                        )?;
                    }
                    Ok(())
                },
            )?,
            SEEK_HEAD => walk(&mut bytes, child.data, end, &SEEK_KEPT, &[], &mut |_, _| {
                Ok(())
            })?,
            CUES => walk(&mut bytes, child.data, end, &CUES_KEPT, &[], &mut |_, _| {
                Ok(())
            })?,
            VOID => {}
            _ => void(&mut bytes, child.start, end)?,
        }
        at = end;
    }
    if opus_tracks == 0 {
        return Err(NotARecording);
    }
    // Anything after the segment is no part of the recording.
    if limit < bytes.len() {
        return Err(NotARecording);
    }
    Ok(bytes)
}
