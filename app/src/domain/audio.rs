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

use super::testimony::AudioFormat;

/// Why a recording is refused: it is not one of the recorders' formats, or not whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotARecording;

/// The recording as stored: its format, and its bytes without metadata.
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
type Visit<'a, T> = dyn FnMut(&mut [u8], &T) -> Result<(), NotARecording> + 'a;

/// WebM (a Matroska profile): EBML elements, each an id, a size and its data.
mod webm {
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
        0xD7, 0x73C5, TRACK_TYPE, CODEC_ID, 0x63A2, 0xE1, 0x56AA, 0x56BB, 0x9C, 0x23_E383,
        0x22_B59C, VOID,
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
}

/// Ogg with Opus: pages of packets; the second packet, `OpusTags`, is the only one with
/// words in it (the encoder's name, and any comments), and it is replaced by an empty one.
mod ogg_opus {
    use super::NotARecording;
    use ogg::{PacketReader, PacketWriteEndInfo, PacketWriter};

    pub fn clean(input: &[u8]) -> Result<Vec<u8>, NotARecording> {
        let mut reader = PacketReader::new(std::io::Cursor::new(input));
        let mut writer = PacketWriter::new(Vec::with_capacity(input.len()));
        let mut stream = None;
        let mut index = 0usize;
        while let Some(packet) = reader.read_packet().map_err(|_| NotARecording)? {
            // One stream: the recorder's.
            if *stream.get_or_insert(packet.stream_serial()) != packet.stream_serial() {
                return Err(NotARecording);
            }
            let (serial, last_in_stream, last_in_page, absgp) = (
                packet.stream_serial(),
                packet.last_in_stream(),
                packet.last_in_page(),
                packet.absgp_page(),
            );
            let data = match index {
                0 if packet.data.starts_with(b"OpusHead") => packet.data,
                0 => return Err(NotARecording),
                1 if packet.data.starts_with(b"OpusTags") => {
                    // No vendor string, no comment.
                    let mut empty = b"OpusTags".to_vec();
                    empty.extend(0u32.to_le_bytes());
                    empty.extend(0u32.to_le_bytes());
                    empty
                }
                1 => return Err(NotARecording),
                _ => packet.data,
            };
            let end = if last_in_stream {
                PacketWriteEndInfo::EndStream
            } else if last_in_page || index < 2 {
                // Each header packet ends its page, as the format asks.
                PacketWriteEndInfo::EndPage
            } else {
                PacketWriteEndInfo::NormalPacket
            };
            writer
                .write_packet(data, serial, end, absgp)
                .map_err(|_| NotARecording)?;
            index += 1;
        }
        if index < 2 {
            return Err(NotARecording);
        }
        Ok(writer.into_inner())
    }
}

/// MP4 (ISO base media): boxes, each a size, a type and its content.
mod mp4 {
    use super::NotARecording;

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
        visit: &mut super::Visit<'_, Box4>,
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
}

/// Recordings made in memory, shaped as the recorders make them, each with `marker` planted
/// in every place a container keeps metadata (title, dates, software, device, tags) and
/// `sound` as its audio packets: for the tests that check what is stored.
#[cfg(any(test, feature = "samples"))]
pub mod samples {
    /// An EBML element with an 8-byte size.
    pub(super) fn ebml(id: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = id.to_vec();
        out.push(0x01);
        out.extend(&(data.len() as u64).to_be_bytes()[1..]);
        out.extend(data);
        out
    }

    /// An EBML element of unknown size, as a live recorder writes its segment and clusters.
    fn ebml_open(id: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = id.to_vec();
        out.extend([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        out.extend(data);
        out
    }

    /// The identification header of a mono Opus stream at 48 kHz.
    fn opus_head() -> Vec<u8> {
        let mut head = b"OpusHead".to_vec();
        head.extend([1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0]);
        head
    }

    /// WebM with one Opus track, as Chromium records it (segment and cluster of unknown
    /// size), plus a title, a date, a track name and a tag.
    pub fn webm(marker: &str, sound: &[Vec<u8>]) -> Vec<u8> {
        let m = marker.as_bytes();
        let header = ebml(
            &[0x1a, 0x45, 0xdf, 0xa3],
            &[ebml(&[0x42, 0x86], &[1]), ebml(&[0x42, 0x82], b"webm")].concat(),
        );
        let info = ebml(
            &[0x15, 0x49, 0xa9, 0x66],
            &[
                ebml(&[0x2a, 0xd7, 0xb1], &[0x0f, 0x42, 0x40]),
                ebml(&[0x4d, 0x80], m),
                ebml(&[0x57, 0x41], m),
                ebml(&[0x7b, 0xa9], m),
                ebml(&[0x44, 0x61], &0x0DEC_2026_u64.to_be_bytes()),
            ]
            .concat(),
        );
        let tracks = ebml(
            &[0x16, 0x54, 0xae, 0x6b],
            &ebml(
                &[0xae],
                &[
                    ebml(&[0xd7], &[1]),
                    ebml(&[0x73, 0xc5], &[7; 8]),
                    ebml(&[0x83], &[2]),
                    ebml(&[0x86], b"A_OPUS"),
                    ebml(&[0x53, 0x6e], m),
                    ebml(&[0x63, 0xa2], &opus_head()),
                    ebml(&[0xe1], &ebml(&[0x9f], &[1])),
                ]
                .concat(),
            ),
        );
        let tags = ebml(
            &[0x12, 0x54, 0xc3, 0x67],
            &ebml(
                &[0x73, 0x73],
                &ebml(
                    &[0x67, 0xc8],
                    &[ebml(&[0x45, 0xa3], b"ENCODER"), ebml(&[0x44, 0x87], m)].concat(),
                ),
            ),
        );
        let blocks: Vec<u8> = sound
            .iter()
            .enumerate()
            .flat_map(|(n, packet)| {
                let mut block = vec![0x81];
                block.extend((20 * n as u16).to_be_bytes());
                block.push(0x80);
                block.extend(packet);
                ebml(&[0xa3], &block)
            })
            .collect();
        let cluster = ebml_open(
            &[0x1f, 0x43, 0xb6, 0x75],
            &[ebml(&[0xe7], &[0]), blocks].concat(),
        );
        [
            header,
            ebml_open(
                &[0x18, 0x53, 0x80, 0x67],
                &[info, tracks, tags, cluster].concat(),
            ),
        ]
        .concat()
    }

    /// Ogg with Opus, as Firefox records it, its comment header naming an encoder and a
    /// title.
    pub fn ogg_opus(marker: &str, sound: &[Vec<u8>]) -> Vec<u8> {
        use ogg::{PacketWriteEndInfo, PacketWriter};
        let mut tags = b"OpusTags".to_vec();
        tags.extend((marker.len() as u32).to_le_bytes());
        tags.extend(marker.as_bytes());
        let comment = format!("TITLE={marker}");
        tags.extend(1u32.to_le_bytes());
        tags.extend((comment.len() as u32).to_le_bytes());
        tags.extend(comment.as_bytes());
        let mut writer = PacketWriter::new(Vec::new());
        let serial = 0x5eed;
        // Writing to memory does not fail.
        let mut write = |data: Vec<u8>, end, absgp| {
            let _ = writer.write_packet(data, serial, end, absgp);
        };
        write(opus_head(), PacketWriteEndInfo::EndPage, 0);
        write(tags, PacketWriteEndInfo::EndPage, 0);
        for (n, packet) in sound.iter().enumerate() {
            let end = if n + 1 == sound.len() {
                PacketWriteEndInfo::EndStream
            } else {
                PacketWriteEndInfo::NormalPacket
            };
            write(packet.clone(), end, 960 * (n as u64 + 1));
        }
        writer.into_inner()
    }

    /// An MP4 box.
    fn mp4_box(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
        let mut out = ((content.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(content);
        out
    }

    /// Version 0, no flags, then a creation and a modification time, then `rest`.
    fn dated(kind: &[u8; 4], rest: &[u8]) -> Vec<u8> {
        let mut content = vec![0, 0, 0, 0];
        content.extend(0xE1E2_E3E4_u32.to_be_bytes());
        content.extend(0xE1E2_E3E5_u32.to_be_bytes());
        content.extend(rest);
        mp4_box(kind, &content)
    }

    /// MP4 with one AAC track, as Safari or a phone's voice memo saves it, with user data
    /// (a title), a handler named after the software, and dates.
    pub fn mp4(marker: &str, sound: &[Vec<u8>]) -> Vec<u8> {
        let m = marker.as_bytes();
        let mut handler = vec![0; 8];
        handler.extend(b"soun");
        handler.extend([0; 12]);
        handler.extend(m);
        handler.push(0);
        // `stsd`: one `mp4a` entry (its fields zeroed: enough for the walk).
        let mut stsd = vec![0, 0, 0, 0, 0, 0, 0, 1];
        stsd.extend(mp4_box(b"mp4a", &[0; 28]));
        let minf = mp4_box(b"minf", &mp4_box(b"stbl", &mp4_box(b"stsd", &stsd)));
        let mdia = mp4_box(
            b"mdia",
            &[dated(b"mdhd", &[0; 12]), mp4_box(b"hdlr", &handler), minf].concat(),
        );
        let mut title = b"\xa9nam".to_vec();
        title.extend(m);
        let udta = mp4_box(b"udta", &mp4_box(b"meta", &title));
        let trak = mp4_box(
            b"trak",
            &[dated(b"tkhd", &[0; 72]), mdia, udta.clone()].concat(),
        );
        let moov = mp4_box(
            b"moov",
            &[dated(b"mvhd", &[0; 88]), trak, udta.clone()].concat(),
        );
        let mut ftyp = b"M4A ".to_vec();
        ftyp.extend([0, 0, 0, 0]);
        ftyp.extend(b"M4A isom");
        [
            mp4_box(b"ftyp", &ftyp),
            moov,
            mp4_box(b"mdat", &sound.concat()),
            udta,
        ]
        .concat()
    }

    /// Packets of "sound": bytes that a search for the marker cannot find by chance.
    pub fn sound(packets: usize) -> Vec<Vec<u8>> {
        (0..packets)
            .map(|n| (0..120).map(|i| ((n * 31 + i * 7) % 97) as u8).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{mp4, ogg_opus, sound, webm};
    use super::*;

    const MARKER: &str = "iPhone de Marie Dupont 2026-12-04";

    fn holds(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn every_recorder_format_keeps_its_sound_and_loses_its_metadata() {
        let packets = sound(12);
        for (format, file) in [
            (AudioFormat::WebM, webm(MARKER, &packets)),
            (AudioFormat::Ogg, ogg_opus(MARKER, &packets)),
            (AudioFormat::Mp4, mp4(MARKER, &packets)),
        ] {
            assert!(holds(&file, MARKER.as_bytes()), "{format:?}: planted");
            let Ok((found, cleaned)) = clean(&file) else {
                panic!("{format:?}: not taken");
            };
            assert_eq!(found, format);
            assert!(!holds(&cleaned, MARKER.as_bytes()), "{format:?}: gone");
            for packet in &packets {
                assert!(holds(&cleaned, packet), "{format:?}: the sound is kept");
            }
            // Cleaned once is clean: the same again.
            assert_eq!(clean(&cleaned).map(|(_, b)| b), Ok(cleaned.clone()));
            if format != AudioFormat::Ogg {
                assert_eq!(cleaned.len(), file.len(), "{format:?}: cleaned in place");
            }
        }
    }

    #[test]
    fn anything_unknown_inside_a_cluster_is_blanked_too() {
        let packets = sound(4);
        let mut file = webm("", &packets);
        // After the cluster's timestamp, a block group holding block additions (any data)
        // and an element no player knows, each with the marker.
        let timestamp = super::samples::ebml(&[0xe7], &[0]);
        let at = file
            .windows(timestamp.len())
            .position(|w| w == timestamp.as_slice())
            .map(|at| at + timestamp.len())
            .unwrap_or(file.len());
        let planted = super::samples::ebml(
            &[0xa0],
            &[
                super::samples::ebml(&[0x75, 0xa1], MARKER.as_bytes()),
                super::samples::ebml(&[0x4f, 0x11], MARKER.as_bytes()),
            ]
            .concat(),
        );
        file.splice(at..at, planted);
        let Ok((_, cleaned)) = clean(&file) else {
            panic!("not taken");
        };
        assert!(!holds(&cleaned, MARKER.as_bytes()));
        for packet in &packets {
            assert!(holds(&cleaned, packet));
        }
    }

    #[test]
    fn dates_are_zeroed() {
        let file = mp4(MARKER, &sound(2));
        let Ok((_, cleaned)) = clean(&file) else {
            panic!("not taken");
        };
        assert!(holds(&file, &0xE1E2_E3E4_u32.to_be_bytes()));
        assert!(!holds(&cleaned, &0xE1E2_E3E4_u32.to_be_bytes()));
        assert!(!holds(&cleaned, &0xE1E2_E3E5_u32.to_be_bytes()));
        let file = webm(MARKER, &sound(2));
        let Ok((_, cleaned)) = clean(&file) else {
            panic!("not taken");
        };
        assert!(holds(&file, &0x0DEC_2026_u64.to_be_bytes()));
        assert!(!holds(&cleaned, &0x0DEC_2026_u64.to_be_bytes()));
    }

    /// `file` with the first `from` replaced by `to`.
    fn altered(mut file: Vec<u8>, from: &[u8], to: &[u8]) -> Vec<u8> {
        if let Some(at) = file.windows(from.len()).position(|w| w == from) {
            file[at..at + to.len()].copy_from_slice(to);
        }
        file
    }

    #[test]
    fn what_no_recorder_makes_is_refused() {
        let packets = sound(3);
        let mut wav = b"RIFF\x24\0\0\0WAVEfmt ".to_vec();
        wav.extend([0; 64]);
        let matroska = altered(webm(MARKER, &packets), b"webm", b"mkv\0");
        let flac = altered(webm(MARKER, &packets), b"A_OPUS", b"A_FLAC");
        let video = altered(mp4(MARKER, &packets), b"soun", b"vide");
        let whole = webm(MARKER, &packets);
        for refused in [
            wav,
            b"ID3\x04\0\0\0\0\0\0".to_vec(),
            vec![0xff, 0xfb, 0x90, 0],
            b"OggS".iter().copied().chain([0; 400]).collect(),
            [0x1a, 0x45, 0xdf, 0xa3].into_iter().chain(0..200).collect(),
            b"\0\0\0\x1cftypM4A ".to_vec(),
            matroska,
            flac,
            video,
            whole[..whole.len() / 3].to_vec(),
            b"Bonjour".to_vec(),
        ] {
            assert_eq!(
                clean(&refused),
                Err(NotARecording),
                "{:?}",
                &refused[..8.min(refused.len())]
            );
        }
    }
}
