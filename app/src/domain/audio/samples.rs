//! Recordings made in memory, shaped as the recorders make them, each with `marker` planted
//! in every place a container keeps metadata (title, dates, software, device, tags) and
//! `sound` as its audio packets: for the tests that check what is stored.

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
