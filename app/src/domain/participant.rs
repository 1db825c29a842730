//! Participants are anonymous. A browser that writes (answers, votes, asks a question) gets
//! a random identifier in an HttpOnly cookie, signed by the server (the write guard), used
//! only to limit how often it writes and to count one ballot per participant in an open
//! vote. It holds no personal data and joins nothing.

use std::fmt;

/// 128 random bits, written as 32 lowercase hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantId(String);

impl ParticipantId {
    /// From random bytes drawn by the caller: the domain stays free of IO.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn parse(value: &str) -> Option<Self> {
        let well_formed = value.len() == 32
            && value
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        well_formed.then(|| Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_become_32_hex_digits_that_parse_back() {
        let id = ParticipantId::from_random([0xab; 16]);
        assert_eq!(id.as_str(), "ab".repeat(16));
        assert_eq!(ParticipantId::parse(id.as_str()), Some(id));
    }

    #[test]
    fn malformed_values_are_ignored() {
        for value in [
            "",
            "0123",
            "0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0",
            "../../../../etc/passwd",
        ] {
            assert_eq!(ParticipantId::parse(value), None, "{value}");
        }
    }
}
