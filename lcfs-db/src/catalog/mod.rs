//! A database's catalog as a flat set of named objects, each with its attributes: what `check`
//! compares with the committed snapshot of head, and `adopt` with the LCFS reference.
//!
//! An object is a kind (`column`, `index`, `grant`, …), a name unique within its kind
//! (`organization.name`, `function audit_trigger_func()`) and a map of attributes. Comparing
//! two catalogs is comparing two maps; see [`compare`]. View definitions are compared by what
//! they mean once [`align_definitions`] has had the server print both texts again.

mod acknowledged;
mod additions;
mod definitions;
mod diff;
mod differences;
mod object;
mod read;
mod reference;
mod report;
mod snapshot;

pub use acknowledged::Acknowledged;
pub use definitions::align_definitions;
pub(crate) use definitions::point_at_first_difference;
pub use diff::{Change, Difference, Drift, compare};
pub use differences::{INTENTIONAL_DIFFERENCES, IntentionalDifference, added_objects};
pub use object::{Attributes, Catalog, Kind};
pub use read::{ARCHIVE_SCHEMA, read, read_in_transaction};
pub use reference::{LCFS_REVISION, lcfs_reference};
pub use snapshot::{SNAPSHOT_FILE, UPDATE_COMMAND, head_snapshot};
