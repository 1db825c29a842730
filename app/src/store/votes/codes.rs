//! One-time ballot codes: drawn, printed, typed back and stored hashed.

use super::*;

/// `count` one-time codes of ten characters of the join-code alphabet (no look-alike
/// symbols). Drawn before any await: the thread's generator stays on its thread.
pub(crate) fn draw_codes(count: usize) -> Vec<String> {
    use rand::Rng;
    let alphabet: Vec<char> = crate::domain::JOIN_ALPHABET
        .iter()
        .map(|&b| char::from(b))
        .collect();
    let mut rng = rand::rng();
    (0..count)
        .map(|_| {
            (0..10)
                .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                .collect()
        })
        .collect()
}

/// A drawn code as printed: two groups of five.
pub(crate) fn printed_code(raw: &str) -> String {
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// A code as typed, back to its drawn form (spaces, dashes and case do not matter).
pub(crate) fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Draws `count` one-time codes for a strict vote: returned once (for the printed sheet),
/// only their hashes are kept.
pub async fn issue_codes(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    count: usize,
    by: Option<i64>,
) -> Result<Vec<String>, VoteError> {
    vote_in(db, council_id, vote_id).await?;
    let raw_codes = draw_codes(count);
    let txn = crate::store::begin_write(db).await?;
    let mut codes = Vec::with_capacity(count);
    for raw in raw_codes {
        ballot_code::ActiveModel {
            vote_id: Set(vote_id),
            code_hash: Set(hash_token(&format!("{vote_id}:{raw}"))),
            used: Set(false),
        }
        .insert(&txn)
        .await?;
        codes.push(printed_code(&raw));
    }
    let detail = audit_detail(&[
        ("vote", &vote_id.to_string()),
        ("codes", &count.to_string()),
    ]);
    record_audit(&txn, Some(council_id), by, "vote-codes-issued", &detail).await?;
    txn.commit().await?;
    Ok(codes)
}
