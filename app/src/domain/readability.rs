//! How hard a French text is to read, shown to authors while they write (a hint, never a
//! gate): the Kandel–Moles score (Flesch's reading ease refitted to French: higher is
//! easier) and LIX (Björnsson's: words per sentence plus the share of long words; lower is
//! easier). Both only count words, sentences, syllables and long words, so they measure
//! length, not meaning: an easy-read text also needs plain words and one idea per sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of more than six letters.
    pub long_words: usize,
    /// 207 − 1.015 × words per sentence − 73.6 × syllables per word.
    pub kandel_moles: f64,
    /// Words per sentence + 100 × long words per word.
    pub lix: f64,
}

/// What the scores say, for the author: the Fluent id of a short verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Kandel–Moles 70 and over, and LIX under 40 (LIX's "easy" band is 30–40).
    Easy,
    /// Between the two.
    Fair,
    /// Kandel–Moles under 50, or LIX 50 and over.
    Hard,
}

impl Verdict {
    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::Easy => "readability-easy",
            Verdict::Fair => "readability-fair",
            Verdict::Hard => "readability-hard",
        }
    }
}

impl Readability {
    pub fn verdict(&self) -> Verdict {
        if self.kandel_moles < 50.0 || self.lix >= 50.0 {
            Verdict::Hard
        } else if self.kandel_moles >= 70.0 && self.lix < 40.0 {
            Verdict::Easy
        } else {
            Verdict::Fair
        }
    }
}

/// The scores of `text`; `None` when it has no word.
pub fn measure(text: &str) -> Option<Readability> {
    let words: Vec<&str> = words(text).collect();
    if words.is_empty() {
        return None;
    }
    // A sentence ends at . ! ? … or ; (a list of clauses reads as sentences); a text with
    // no end mark is one sentence.
    let sentences = text
        .split(['.', '!', '?', '…', ';'])
        .filter(|part| words_in(part) > 0)
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let long_words = words.iter().filter(|w| w.chars().count() > 6).count();
    let (w, s, y) = (words.len() as f64, sentences as f64, syllables as f64);
    Some(Readability {
        words: words.len(),
        sentences,
        syllables,
        long_words,
        kandel_moles: 207.0 - 1.015 * (w / s) - 73.6 * (y / w),
        lix: w / s + 100.0 * long_words as f64 / w,
    })
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    // Elisions and hyphens split words as they are read: « l'aide » is two, « peut-être » two.
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
}

fn words_in(text: &str) -> usize {
    words(text).count()
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'û'
            | 'ù'
            | 'ü'
            | 'ÿ'
            | 'œ'
            | 'æ'
    )
}

/// Spoken syllables of a French word, by its groups of vowels: a final mute « e » (or
/// « es », or the verb ending « ent » after a consonant group that keeps it silent) does
/// not count, unless it is the only vowel (« le », « les »). An estimate, as every such
/// formula uses.
pub fn syllables(word: &str) -> usize {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut groups = 0;
    let mut in_vowels = false;
    for &c in &lower {
        let vowel = is_vowel(c);
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
    }
    let ends_with = |tail: &str| {
        let tail: Vec<char> = tail.chars().collect();
        lower.len() > tail.len() && lower.ends_with(&tail)
    };
    let before = |n: usize| lower.len().checked_sub(n + 1).map(|i| lower[i]);
    let mute = (ends_with("e") && before(1).is_some_and(|c| !is_vowel(c)))
        || (ends_with("es") && before(2).is_some_and(|c| !is_vowel(c)));
    if mute && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value, or the test fails naming what was missing.
    fn present<T>(value: Option<T>, what: &str) -> T {
        match value {
            Some(value) => value,
            None => panic!("no {what}"),
        }
    }

    #[test]
    fn syllables_follow_speech_not_spelling() {
        for (word, expected) in [
            ("santé", 2),
            ("maison", 2),
            ("mentale", 2),
            ("personnes", 2),
            ("le", 1),
            ("les", 1),
            ("aide", 1),
            ("psychiatrie", 3),
            ("conseil", 2),
            ("élus", 2),
            ("a", 1),
            ("3114", 1),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn counts_words_sentences_and_long_words() {
        let r = present(
            measure("Le conseil se réunit. Tout le monde peut venir !"),
            "words",
        );
        assert_eq!(r.words, 9);
        assert_eq!(r.sentences, 2);
        // « conseil » has seven letters; « réunit » six.
        assert_eq!(r.long_words, 1);
        assert!((r.lix - (9.0 / 2.0 + 100.0 / 9.0)).abs() < 1e-9);
        let expected_km = 207.0 - 1.015 * 4.5 - 73.6 * (r.syllables as f64 / 9.0);
        assert!((r.kandel_moles - expected_km).abs() < 1e-9);
        assert_eq!(
            measure("l'aide").map(|r| r.words),
            Some(2),
            "elision splits"
        );
        assert_eq!(measure("  … ; ! ").map(|r| r.words), None);
        assert_eq!(measure("sans point final").map(|r| r.sentences), Some(1));
    }

    #[test]
    fn an_easy_read_wording_scores_easier_than_the_administrative_one() {
        let plain = "Le conseil local de santé mentale constitue une instance de concertation \
            et de coordination entre les élus, la psychiatrie, les représentants des usagers, \
            les aidants et l'ensemble des professionnels concernés par l'amélioration de la \
            santé mentale de la population du territoire.";
        let easy = "Le conseil parle de santé mentale. Il réunit des élus, des soignants, \
            des malades et leurs proches. Ils cherchent ensemble des idées pour aider les gens.";
        let (plain, easy) = (
            present(measure(plain), "plain"),
            present(measure(easy), "easy"),
        );
        assert!(
            easy.kandel_moles > plain.kandel_moles + 30.0,
            "{easy:?} {plain:?}"
        );
        assert!(easy.lix < plain.lix - 20.0);
        assert_eq!(plain.verdict(), Verdict::Hard);
        assert_eq!(easy.verdict(), Verdict::Easy, "{easy:?}");
    }
}
