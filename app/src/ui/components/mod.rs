//! Pieces shared by every page.

mod college;
mod console_keys;
mod crisis;
mod flash;
mod followed_screen;
mod form_field;
mod layout;
mod live_feed;
mod live_reload;
#[cfg(feature = "hydrate")]
mod live_socket;
mod objective;
mod page_header;
mod passkey;
mod picto;
mod preferences_panel;
mod projector_screen;
mod read_aloud;
mod readability;
mod room_controls;
mod text;

pub use college::{college_name, college_named};
pub use console_keys::ConsoleKeys;
pub use crisis::CrisisLinks;
pub use flash::{form_refusal, notice};
pub use followed_screen::FollowedScreen;
pub use form_field::{FieldKind, FormField, SelectField};
pub use layout::Layout;
pub use live_feed::{FEED_COUNTED, FEED_PHRASES, FeedStart, LiveFeed, who_asked, written_answer};
pub use live_reload::LiveReload;
pub use objective::objective_name;
pub use page_header::{Crumb, Label, PageHeader};
pub use passkey::{Ceremony, PasskeyForm, StepUp};
pub use picto::{Picto, chosen_picto, picto_options};
pub use preferences_panel::PreferencesPanel;
pub use projector_screen::{PROJECTOR_COUNTED, PROJECTOR_PHRASES, ProjectorScreen};
pub use read_aloud::{ReadAloud, ReadAloudEach};
pub use readability::{SubmitOrCheck, readability_said};
pub use room_controls::{ROOM_PHRASES, RoomControls};
pub use text::{ErrorNotice, Notice, Paragraphs, share_bar};
