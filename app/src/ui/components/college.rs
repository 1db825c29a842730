//! How a college is named on every page: the council's own label when it has one, else the
//! catalogue's name for a default college.

use crate::domain::College;
use crate::ui::i18n::I18n;

/// A default college shows its translated name unless the council renamed it; in easy-read
/// mode, the council's easy-read name when it wrote one.
pub fn college_name(i18n: I18n, college: College) -> impl Fn() -> String + Send + Sync {
    move || {
        let easy = i18n
            .reading()
            .1
            .then_some(college.label_easy.as_ref())
            .flatten()
            .filter(|easy| !easy.trim().is_empty());
        match (easy.or(college.label.as_ref()), college.key.is_default()) {
            (Some(label), _) => label.clone(),
            (None, true) => i18n.text(&format!("college-{}", college.key.as_str())),
            (None, false) => college.key.as_str().to_owned(),
        }
    }
}

/// The name of the college `key` among a council's colleges, as `college_name` gives it; a
/// key the council no longer has keeps its translated default name, or the key itself.
pub fn college_named(i18n: I18n, colleges: &[College], key: &str) -> String {
    match colleges.iter().find(|c| c.key.as_str() == key) {
        Some(college) => college_name(i18n, college.clone())(),
        None => match crate::domain::CollegeKey::parse(key).filter(|k| k.is_default()) {
            Some(default) => i18n.text(&format!("college-{}", default.as_str())),
            None => key.to_owned(),
        },
    }
}
