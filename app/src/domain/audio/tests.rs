//! Every recorder's format cleaned, and what no recorder makes refused.

use super::samples::{self, mp4, ogg_opus, sound, webm};
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
    let timestamp = samples::ebml(&[0xe7], &[0]);
    let at = file
        .windows(timestamp.len())
        .position(|w| w == timestamp.as_slice())
        .map(|at| at + timestamp.len())
        .unwrap_or(file.len());
    let planted = samples::ebml(
        &[0xa0],
        &[
            samples::ebml(&[0x75, 0xa1], MARKER.as_bytes()),
            samples::ebml(&[0x4f, 0x11], MARKER.as_bytes()),
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
