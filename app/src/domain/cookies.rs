//! Reading one cookie out of a `Cookie` request header.

/// The value of cookie `name` in a `Cookie` header (`a=1; b=2`), if present.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_others_and_keeps_equals_signs_in_values() {
        let header = "agora_prefs=lang=en&easy=1; agora_staff=abc";
        assert_eq!(cookie_value(header, "agora_prefs"), Some("lang=en&easy=1"));
        assert_eq!(cookie_value(header, "agora_staff"), Some("abc"));
        assert_eq!(cookie_value(header, "agora"), None);
    }
}
