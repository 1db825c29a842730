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

/// Whether `path` is a room screen — what a projector or a wall screen shows to the room
/// (an assembly's projection, a vote's projection, the testimony screen): a presentation
/// surface, framed without the site's header, navigation and footer.
pub fn is_room_screen(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        [_, "assemblees" | "votes", id, "projection"] if id.parse::<i64>().is_ok()
    ) || matches!(parts.as_slice(), [_, "temoignages", "ecran"])
}

#[cfg(test)]
mod tests {
    use super::{is_room_screen, safe_return_path};

    #[test]
    fn room_screens_are_the_projections_and_the_testimony_screen() {
        for room in [
            "/clsm-x/assemblees/3/projection",
            "/clsm-x/votes/12/projection",
            "/clsm-x/temoignages/ecran",
            "/clsm-x/assemblees/3/projection/",
        ] {
            assert!(is_room_screen(room), "{room}");
        }
        for page in [
            "/",
            "/clsm-x",
            "/clsm-x/assemblees/3",
            "/clsm-x/assemblees/3/direct",
            "/clsm-x/assemblees/x/projection",
            "/clsm-x/votes/1/resultats",
            "/clsm-x/temoignages",
            "/a/b/assemblees/3/projection",
        ] {
            assert!(!is_room_screen(page), "{page}");
        }
    }

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
