//! Pieces shared by every page.

mod crisis;
mod form_field;
mod layout;
mod live_reload;
mod passkey;
mod picto;
mod preferences_panel;
mod text;

pub use crisis::CrisisLinks;
pub use form_field::{FieldKind, FormField};
pub use layout::Layout;
pub use live_reload::LiveReload;
pub use passkey::{AddPasskeyForm, PASSKEY_PHRASES, SignInForm, SignUpForm};
pub use picto::Picto;
pub use preferences_panel::PreferencesPanel;
pub use text::{ErrorNotice, Paragraphs};
