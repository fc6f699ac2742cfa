//! Old binaries beside newer migrations. During a rolling deploy the first new instance
//! migrates while old ones still start: a database ahead of this binary only by migrations the
//! history records as *expand* still serves it, so `migrate` starts and reports them. One that
//! is *contract*, or of unknown class, stops the run; so does any, with the strict option, and
//! any for a downgrade. The history check (`check.rs`) asks here about each unknown version.

use super::{Class, Direction, Migrator};

/// A version applied to the database by a newer build, unknown to this binary, and recorded as
/// expand: this binary keeps working with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AheadMigration {
    /// The version, above this binary's head.
    pub version: i32,
    /// As the history records it.
    pub name: String,
    /// When the newer build applied it.
    pub applied_on: String,
}

/// Whether a run in `direction` starts beside `version`, an applied version this set lacks whose
/// history row records `class`: an upgrade does, beside an expand migration above head, unless
/// the history is checked strictly. Otherwise, why not; `None` for a version below head (its
/// file was removed from the set, or another set applied it), which needs no more words.
pub(crate) fn tolerates(
    migrator: &Migrator,
    direction: Direction,
    version: i32,
    class: Option<&str>,
) -> Result<(), Option<String>> {
    if version <= migrator.head() {
        return Err(None);
    }
    if migrator.is_strict_history() {
        return Err(Some(
            "strict history checking refuses any version it does not know".to_owned(),
        ));
    }
    if direction == Direction::Down {
        return Err(Some(
            "a downgrade would have to revert it, and this binary has no down file for it"
                .to_owned(),
        ));
    }
    match class.and_then(Class::parse) {
        Some(Class::Expand) => Ok(()),
        Some(Class::Contract) => Err(Some(
            "it is a contract migration: it removes, renames or narrows something this binary \
             may use"
                .to_owned(),
        )),
        None => Err(Some(format!(
            "its class is unknown ({}): only an expand migration is known to leave this binary \
             working",
            class.map_or("not recorded".to_owned(), |c| format!("recorded as {c:?}"))
        ))),
    }
}
