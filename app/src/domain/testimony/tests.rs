use super::*;

#[test]
fn a_testimony_needs_one_part_none_too_long_and_a_short_pseudonym() {
    let story = |happened: &str| Story {
        happened: happened.to_owned(),
        ..Story::default()
    };
    assert_eq!(
        check_post(&story("  "), "", false),
        Err(refuse("happened", "error-testimony-empty"))
    );
    let only_change = Story {
        change: " Plus de lits. ".into(),
        ..Story::default()
    };
    let (kept, pseudonym) = match check_post(&only_change, "  ", false) {
        Ok(ok) => ok,
        Err(refusal) => panic!("refused: {refusal:?}"),
    };
    assert_eq!(kept.change, "Plus de lits.");
    assert_eq!(pseudonym, None);
    assert_eq!(
        check_post(
            &Story {
                helped: "é".repeat(PART_MAX + 1),
                ..story("Bonjour")
            },
            "",
            false
        ),
        Err(refuse("helped", "error-testimony-too-long"))
    );
    // The limit counts characters, not bytes.
    assert!(check_post(&story(&"é".repeat(PART_MAX)), "", false).is_ok());
    assert_eq!(
        check_post(&story("Bonjour"), &"x".repeat(PSEUDONYM_MAX + 1), false),
        Err(refuse("pseudonym", "error-testimony-pseudonym"))
    );
    assert_eq!(
        check_post(&story("Bonjour"), "Lou\nMartin", false),
        Err(refuse("pseudonym", "error-testimony-pseudonym"))
    );
    assert_eq!(
        check_post(&story("Bonjour"), " Lou ", false).map(|(_, p)| p),
        Ok(Some("Lou".to_owned()))
    );
    // Spoken instead: nothing written is needed, the limits still hold.
    assert!(check_post(&story(""), "", true).is_ok());
    assert_eq!(
        check_post(&story(&"é".repeat(PART_MAX + 1)), "", true),
        Err(refuse("happened", "error-testimony-too-long"))
    );
}

#[test]
fn audio_is_recognised_by_its_first_bytes_not_its_name() {
    let with = |head: &[u8]| {
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(&[0u8; 64]);
        bytes
    };
    let sniff = |head: &[u8]| AudioFormat::sniff(&with(head));
    assert_eq!(sniff(&[0x1a, 0x45, 0xdf, 0xa3]), Some(AudioFormat::WebM));
    assert_eq!(sniff(b"OggS"), Some(AudioFormat::Ogg));
    assert_eq!(sniff(b"\0\0\0\x1cftypM4A "), Some(AudioFormat::Mp4));
    assert_eq!(sniff(b"RIFF\x24\0\0\0WAVEfmt "), Some(AudioFormat::Wav));
    assert_eq!(sniff(b"ID3\x04"), Some(AudioFormat::Mpeg));
    assert_eq!(sniff(&[0xff, 0xfb, 0x90]), Some(AudioFormat::Mpeg));
    // A text, a picture, a RIFF that is not a WAVE (AVI), nothing at all.
    for other in [
        with(b"Bonjour, voici mon message"),
        with(&[0x89, b'P', b'N', b'G']),
        with(b"RIFF\x24\0\0\0AVI LIST"),
        Vec::new(),
    ] {
        assert_eq!(AudioFormat::sniff(&other), None);
    }
    for format in AudioFormat::ALL {
        assert_eq!(AudioFormat::parse(format.key()), Some(format));
        assert!(format.mime().starts_with("audio/"));
    }
}

#[cfg(feature = "ssr")]
#[test]
fn a_recording_is_taken_whole_from_a_recorder_and_light_enough() {
    use super::super::audio::samples::{ogg_opus, sound};
    let recording = ogg_opus("Dictaphone", &sound(3));
    let Ok((format, cleaned)) = check_audio(&recording) else {
        panic!("a recording refused");
    };
    assert_eq!(format, AudioFormat::Ogg);
    assert!(!cleaned.windows(10).any(|w| w == b"Dictaphone"));
    // Recognised, but not what a recorder makes, or not whole: one message for all.
    let unsupported = refuse("audio", "error-testimony-audio-type");
    for refused in [
        with_zeros(b"RIFF\x24\0\0\0WAVEfmt "),
        with_zeros(b"ID3\x04"),
        with_zeros(b"OggS"),
        recording[..recording.len() - 9].to_vec(),
        Vec::new(),
    ] {
        assert_eq!(check_audio(&refused), Err(unsupported.clone()));
    }
    let mut heavy = recording;
    heavy.resize(AUDIO_MAX_BYTES + 1, 0);
    assert_eq!(
        check_audio(&heavy),
        Err(refuse("audio", "error-testimony-audio-size"))
    );
}

#[cfg(feature = "ssr")]
fn with_zeros(head: &[u8]) -> Vec<u8> {
    let mut bytes = head.to_vec();
    bytes.extend_from_slice(&[0u8; 64]);
    bytes
}

#[test]
fn each_surface_checks_its_own_consent() {
    let projector_only = Consent {
        projector: true,
        ..Consent::default()
    };
    assert!(projector_only.allows(Surface::Projector));
    assert!(!projector_only.allows(Surface::Wall));
    assert!(!projector_only.allows(Surface::Report));
    assert!(!Consent::default().allows(Surface::Wall));
}

#[test]
fn folding_drops_case_accents_and_punctuation() {
    assert_eq!(
        fold("  Désespéré·e ! J'en ai MARRE…"),
        "desespere e j en ai marre"
    );
    assert_eq!(fold("Ça"), "ca");
}

#[test]
fn distress_words_are_found_in_french_and_english_whatever_the_spelling() {
    for text in [
        "Parfois j'ai envie de MOURIR.",
        "J’ai pensé au suicide l'an dernier.",
        "des idées suicidaires",
        "Je voulais en finir.",
        "je n'en peux plus",
        "Je n’en peux plus", // typographic apostrophe
        "plus envie de vivre",
        "I want to die",
        "I've been self-harming",
        "I can't go on like this",
        "Sometimes I think I'd be better off dead",
    ] {
        assert!(suggests_distress(text), "{text}");
    }
}

#[test]
fn ordinary_words_that_look_alike_are_not_distress() {
    for text in [
        "On a fini par trouver un médecin.",
        "Les finances de l'hôpital",
        "Il faut mettre fin aux délais d'attente.",
        "Le groupe d'entraide m'a redonné envie de sortir.",
        "The self-help group was great",
        "I finally got an appointment",
        "",
    ] {
        assert!(!suggests_distress(text), "{text}");
    }
}

#[test]
fn every_entry_of_the_list_is_folded_and_matches_itself() {
    for entry in DISTRESS_WORDS {
        let bare = entry.trim_end_matches('*');
        assert_eq!(fold(bare), bare, "{entry} is written folded");
        assert!(suggests_distress(bare), "{entry}");
    }
}

#[test]
fn redaction_removes_every_occurrence_of_the_names_whatever_their_case_or_accents() {
    let text = "Le Dr Lefèvre du CMP de Saint-Amand m'a dit que LEFEVRE partait. lefèvre !";
    let redacted = redact(text, &["Lefèvre", "Saint-Amand"]);
    assert_eq!(
        redacted,
        "Le Dr […] du CMP de […] m'a dit que […] partait. […] !"
    );
    assert!(!fold(&redacted).contains("lefevre"));
    assert!(!fold(&redacted).contains("amand"));
}

#[test]
fn redaction_keeps_words_that_only_contain_a_name() {
    // "Marie" is redacted, "mariée" and "Mariette" are other words.
    assert_eq!(
        redact("Marie était mariée ; Mariette aussi.", &["marie"]),
        "[…] était mariée ; Mariette aussi."
    );
}

#[test]
fn redaction_masks_email_addresses_and_phone_numbers() {
    let text = "Écrivez-moi à lou.martin@example.org ou au 06 12 34 56 78, ou +33 6 12 34 56 78. Il y a 3 CMP et 12 lits.";
    let redacted = redact(text, &[]);
    assert_eq!(
        redacted,
        "Écrivez-moi à […] ou au […], ou […]. Il y a 3 CMP et 12 lits."
    );
}

#[test]
fn redaction_without_terms_changes_nothing_else() {
    let text = "Rien à cacher ici : 2024, 15 jours.";
    assert_eq!(redact(text, &[]), text);
    assert_eq!(redact(text, &["", "  "]), text);
}
