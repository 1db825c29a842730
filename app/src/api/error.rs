//! The one error type at the boundary between the server and the user.
//!
//! Policy: the detail of a failure (a database error, a bug) is logged on the server and never
//! sent; the user gets a variant that the interface turns into a translated, human message
//! (see `message_id`). Validation failures carry the Fluent id of their message.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Bad input; holds the Fluent id of the message that explains it.
    #[error("invalid input ({0})")]
    Invalid(String),
    /// A staff action asked by someone not signed in.
    #[error("sign-in needed")]
    SignInNeeded,
    /// A staff action that the caller's role in that council does not allow.
    #[error("forbidden")]
    Forbidden,
    #[error("internal error")]
    Internal,
    /// The database takes no writes for now (read-only, full, restarting): nothing was
    /// saved, reading goes on.
    #[error("storage unavailable")]
    Unavailable,
    /// The request never reached us or its answer could not be read.
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    /// The Fluent id of the message shown to the user.
    pub fn message_id(&self) -> &str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Invalid(id) => id,
            AppError::SignInNeeded => "error-sign-in-needed",
            AppError::Forbidden => "error-forbidden",
            AppError::Internal => "error-internal",
            AppError::Unavailable => "error-unavailable",
            AppError::Transport(_) => "error-network",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;
    use http::StatusCode;
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;

    impl From<sea_orm::DbErr> for AppError {
        fn from(err: sea_orm::DbErr) -> Self {
            if crate::store::refuses_writes(&err) {
                tracing::warn!(error = %err, "the database takes no writes");
                return AppError::Unavailable;
            }
            tracing::error!(error = %err, "database error");
            AppError::Internal
        }
    }

    impl AppError {
        /// The HTTP status this error is answered with.
        pub fn status(&self) -> StatusCode {
            match self {
                AppError::NotFound => StatusCode::NOT_FOUND,
                AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                AppError::SignInNeeded => StatusCode::UNAUTHORIZED,
                AppError::Forbidden => StatusCode::FORBIDDEN,
                AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
                AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            }
        }

        /// An internal failure: its cause is logged here, once, and the person is told only
        /// that something went wrong (the policy in docs/decisions.md).
        pub fn internal(what: &'static str, cause: impl std::fmt::Display) -> Self {
            tracing::error!(error = %cause, "{what}");
            AppError::Internal
        }

        /// Something the server puts in every request's context is absent: a wiring fault,
        /// logged with its name.
        pub fn unwired(what: &'static str) -> Self {
            tracing::error!(missing = what, "absent from the request context");
            AppError::Internal
        }

        /// Sets the HTTP status of the page or call being answered, then returns `self`.
        pub fn with_status(self) -> Self {
            let status = self.status();
            if let Some(response) = use_context::<ResponseOptions>() {
                response.set_status(status);
            }
            self
        }
    }
}
