//! Where a plain form post may send the browser back to.

pub const RETURN_PATH_MAX_LEN: usize = 512;

/// A local path to return to after a form post, or `None` for anything that could leave the
/// site (`//host`, `https://…`, backslashes) — the guard against open redirects.
pub fn safe_return_path(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control)
        && raw.len() <= RETURN_PATH_MAX_LEN;
    local.then_some(raw)
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn keeps_local_paths() {
        for ok in ["/", "/clsm-x", "/clsm-x/constats/3?x=1"] {
            assert_eq!(safe_return_path(ok), Some(ok));
        }
    }

    #[test]
    fn refuses_anything_that_leaves_the_site() {
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "evil",
            "/a\nb",
        ] {
            assert_eq!(safe_return_path(bad), None, "{bad:?}");
        }
        assert_eq!(safe_return_path(&format!("/{}", "a".repeat(512))), None);
    }
}
