//! Agora's cookies, named, flagged and read in one place.
//!
//! Under https every cookie is `Secure` and carries a name prefix that browsers enforce:
//! `__Host-` (set by this very host over https, for the whole site, never by a sibling
//! subdomain or a plain-http page) for the cookies of the whole site; `__Secure-` for the
//! flash, which is scoped to the one page a form returns to (`__Host-` requires `Path=/`).
//! A cookie is read under its prefixed name only: one that a neighbour on the same domain
//! planted without the prefix is ignored. Served over plain http (a laptop, the tests),
//! browsers refuse those prefixes, so the names stay bare.

use super::SESSION_HOURS;

/// One of the cookies Agora sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cookie {
    /// The anonymous participant's random id (`ParticipantId`), kept a year.
    Participant,
    /// The reader's preferences, kept a year; not HttpOnly: the preferences panel reads it.
    Preferences,
    /// A staff session, as long as a session lasts.
    Staff,
    /// A testimony's private-link token, until the browser closes.
    TestimonyLink,
    /// A body member's session (`domain::body`), a month long.
    Member,
    /// A form post's outcome, for the page it returns to, once: five minutes, scoped to
    /// that page's path and never sent from another site.
    Flash,
}

impl Cookie {
    fn bare_name(self) -> &'static str {
        match self {
            Cookie::Participant => "agora_participant",
            Cookie::Preferences => "agora_prefs",
            Cookie::Staff => "agora_staff",
            Cookie::TestimonyLink => "agora_testimony",
            Cookie::Member => "agora_member",
            Cookie::Flash => "agora_flash",
        }
    }

    /// Seconds it is kept; `None`: until the browser closes.
    fn max_age(self) -> Option<i64> {
        match self {
            Cookie::Participant | Cookie::Preferences => Some(365 * 24 * 3600),
            Cookie::Staff => Some(SESSION_HOURS * 3600),
            Cookie::TestimonyLink => None,
            Cookie::Member => Some(super::body::MEMBER_SESSION_DAYS * 24 * 3600),
            Cookie::Flash => Some(300),
        }
    }

    fn attributes(self) -> &'static str {
        match self {
            Cookie::Preferences => "SameSite=Lax",
            Cookie::Flash => "HttpOnly; SameSite=Strict",
            Cookie::Participant | Cookie::Staff | Cookie::TestimonyLink | Cookie::Member => {
                "HttpOnly; SameSite=Lax"
            }
        }
    }
}

/// How this site names and flags its cookies: `secure` when it is served over https.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CookiePolicy {
    secure: bool,
}

impl CookiePolicy {
    /// The policy of a site reached at `url` (its public URL, or the page's own address).
    pub fn for_url(url: &str) -> Self {
        Self {
            secure: url.starts_with("https://"),
        }
    }

    pub fn is_secure(self) -> bool {
        self.secure
    }

    /// The cookie's name as browsers store it.
    pub fn name(self, cookie: Cookie) -> String {
        let prefix = match (self.secure, cookie) {
            (false, _) => "",
            (true, Cookie::Flash) => "__Secure-",
            (true, _) => "__Host-",
        };
        format!("{prefix}{}", cookie.bare_name())
    }

    /// The cookie's value in a `Cookie` request header, if present.
    pub fn read(self, header: &str, cookie: Cookie) -> Option<&str> {
        cookie_value(header, &self.name(cookie))
    }

    /// The `Set-Cookie` line that keeps `value` for the whole site. `value` must hold only
    /// cookie-safe characters (every value Agora sets does: hexadecimal, base64url, ids).
    pub fn set(self, cookie: Cookie, value: &str) -> String {
        self.line(cookie, value, "/", cookie.max_age())
    }

    /// The `Set-Cookie` line of a flash for the page at `path` (its path alone: an
    /// address with a #fragment or a query would otherwise never get its flash).
    pub fn set_flash(self, value: &str, path: &str) -> String {
        self.line(
            Cookie::Flash,
            value,
            page_path(path),
            Cookie::Flash.max_age(),
        )
    }

    /// The `Set-Cookie` line that removes the cookie (the flash: the one of `path`).
    pub fn clear(self, cookie: Cookie, path: &str) -> String {
        let path = if cookie == Cookie::Flash {
            page_path(path)
        } else {
            "/"
        };
        self.line(cookie, "", path, Some(0))
    }

    fn line(self, cookie: Cookie, value: &str, path: &str, max_age: Option<i64>) -> String {
        let name = self.name(cookie);
        let max_age = max_age
            .map(|s| format!("; Max-Age={s}"))
            .unwrap_or_default();
        let secure = if self.secure { "; Secure" } else { "" };
        let attributes = cookie.attributes();
        format!("{name}={value}; Path={path}{max_age}; {attributes}{secure}")
    }
}

fn page_path(path: &str) -> &str {
    match path.split(['#', '?']).next() {
        Some(page) if page.starts_with('/') => page,
        _ => "/",
    }
}

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

    const ALL: [Cookie; 5] = [
        Cookie::Participant,
        Cookie::Preferences,
        Cookie::Staff,
        Cookie::TestimonyLink,
        Cookie::Flash,
    ];

    #[test]
    fn finds_a_cookie_among_others_and_keeps_equals_signs_in_values() {
        let header = "agora_prefs=lang=en&easy=1; agora_staff=abc";
        assert_eq!(cookie_value(header, "agora_prefs"), Some("lang=en&easy=1"));
        assert_eq!(cookie_value(header, "agora_staff"), Some("abc"));
        assert_eq!(cookie_value(header, "agora"), None);
    }

    #[test]
    fn over_https_every_cookie_is_secure_and_prefixed_as_browsers_require() {
        let https = CookiePolicy::for_url("https://agora.example.fr");
        for cookie in ALL {
            let line = https.set(cookie, "v");
            assert!(line.ends_with("; Secure"), "{line}");
            if cookie == Cookie::Flash {
                assert!(
                    line.starts_with("__Secure-agora_flash=v; Path=/;"),
                    "{line}"
                );
            } else {
                // `__Host-`: Secure, Path=/ and no Domain, or the browser drops it.
                assert!(line.starts_with("__Host-agora_"), "{line}");
                assert!(
                    line.contains("; Path=/;") && !line.contains("Domain"),
                    "{line}"
                );
            }
            assert!(https.clear(cookie, "/x").ends_with("; Secure"));
        }
        let flash = https.set_flash("notice:saved", "/clsm/votes/3?vue=1#bulletin");
        assert!(
            flash
                .starts_with("__Secure-agora_flash=notice:saved; Path=/clsm/votes/3; Max-Age=300;"),
            "{flash}"
        );
    }

    #[test]
    fn over_plain_http_names_stay_bare_and_nothing_claims_secure() {
        let http = CookiePolicy::for_url("http://localhost:3000");
        for cookie in ALL {
            let line = http.set(cookie, "v");
            assert!(
                line.starts_with(&format!("{}=v;", cookie.bare_name())),
                "{line}"
            );
            assert!(!line.contains("Secure"), "{line}");
        }
    }

    #[test]
    fn a_cookie_planted_without_the_prefix_is_not_read_over_https() {
        let https = CookiePolicy::for_url("https://agora.example.fr");
        let header = "agora_staff=planted; __Host-agora_prefs=lang=en";
        assert_eq!(https.read(header, Cookie::Staff), None);
        assert_eq!(https.read(header, Cookie::Preferences), Some("lang=en"));
        let http = CookiePolicy::default();
        assert_eq!(http.read(header, Cookie::Staff), Some("planted"));
    }

    #[test]
    fn lifetimes_and_scripts_access_are_each_cookies_own() {
        let policy = CookiePolicy::default();
        assert!(
            policy
                .set(Cookie::Staff, "t")
                .contains(&format!("Max-Age={}", SESSION_HOURS * 3600))
        );
        // The private link lasts until the browser closes.
        assert!(!policy.set(Cookie::TestimonyLink, "t").contains("Max-Age"));
        assert!(
            !policy
                .set(Cookie::Preferences, "lang=fr")
                .contains("HttpOnly")
        );
        assert!(policy.set(Cookie::Participant, "p").contains("HttpOnly"));
        assert!(policy.set_flash("x", "/a").contains("SameSite=Strict"));
        assert_eq!(
            policy.clear(Cookie::Staff, "/ignored"),
            "agora_staff=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        );
        assert_eq!(
            policy.set_flash("x", "javascript:"),
            policy.set_flash("x", "/")
        );
    }
}
