//! The part of the build-time code that the library links for `lcfs-db lint` (feature `lint`):
//! splitting, parsing, the lint and the replay, without the Rust emitters the build script adds.
//! Each module is the build script's own file, so the lint means the same in both.

// The build script and the library read the same directive file.
use crate::directive;

#[path = "analyze.rs"]
pub(crate) mod analyze;
#[path = "error.rs"]
pub(crate) mod error;
#[path = "lint/mod.rs"]
pub(crate) mod lint;
#[path = "model.rs"]
pub(crate) mod model;
#[path = "parse.rs"]
mod parse;
#[path = "passthrough.rs"]
mod passthrough;
#[path = "replay/mod.rs"]
mod replay;
#[path = "source.rs"]
pub(crate) mod source;
#[path = "split/mod.rs"]
mod split;
#[path = "sql_name.rs"]
mod sql_name;
#[path = "sql_type/mod.rs"]
mod sql_type;
