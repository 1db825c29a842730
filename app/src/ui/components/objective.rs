//! How an objective is named on every page: the council's own name when it gave one (its
//! easy-read name in easy-read mode, when written), else the preset's translated name.

use crate::domain::CouncilObjective;
use crate::ui::i18n::I18n;

/// The objective's name as the reader's preferences ask for it.
pub fn objective_name(i18n: I18n, objective: &CouncilObjective, easy_read: bool) -> String {
    let own = if easy_read {
        objective
            .label_easy
            .as_ref()
            .filter(|easy| !easy.trim().is_empty())
            .or(objective.label.as_ref())
    } else {
        objective.label.as_ref()
    };
    match own {
        Some(label) => label.clone(),
        None if objective.key.is_preset() => {
            i18n.text(&format!("objective-{}", objective.key.as_str()))
        }
        None => objective.key.as_str().to_owned(),
    }
}
