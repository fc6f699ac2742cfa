//! `check`: the live catalog against the snapshot of what the migrations leave at head, for
//! operators and for a service's health endpoint. Changes nothing; views that print otherwise
//! than the snapshot need a writable server to be compared (see `catalog::align_definitions`).

use tokio_postgres::Client;

use crate::catalog::{
    Drift, align_definitions, compare, head_snapshot, point_at_first_difference,
    read_in_transaction,
};
use crate::{Error, ErrorKind, Migrator};

/// Compares the database behind `client` with the catalog the embedded migrations define at
/// head; an empty [`Drift`] means no drift. What a DBA added beside the migrations' objects (an
/// index on our table, an extension, a role and its grants, objects of their own) is listed
/// apart, in [`Drift::additions`], and does not count.
///
/// Only head is known: the snapshot embedded in the binary describes head and nothing else, so
/// a database at another version (or one without lcfs-db's history) is an error of kind
/// [`ErrorKind::NotAtHead`] saying what to do, not a drift.
///
/// View and materialized view definitions are compared by what they mean: on a read-only hot
/// standby, one that prints otherwise than the snapshot cannot be, and the result is an error of
/// kind [`ErrorKind::Standby`] (see [`crate::catalog::align_definitions`]).
///
/// ```no_run
/// # async fn health(client: &tokio_postgres::Client) -> Result<(), lcfs_db::Error> {
/// let drift = lcfs_db::check(client).await?;
/// if !drift.is_empty() {
///     eprintln!("the schema drifted from the migrations:\n{drift}");
/// }
/// # Ok(()) }
/// ```
pub async fn check(client: &Client) -> Result<Drift, Error> {
    let status = Migrator::new().status(client).await?;
    if status.current != status.head {
        return Err(Error::new(
            ErrorKind::NotAtHead,
            not_at_head(status.current, status.head),
        ));
    }
    let mut expected = head_snapshot()?;
    let mut found = read_in_transaction(client).await?;
    align_definitions(client, &mut expected, &mut found).await?;
    let mut drift = compare(&expected, &found).separate_additions(&expected, &found);
    point_at_first_difference(&mut drift);
    Ok(drift)
}

fn not_at_head(current: i32, head: i32) -> String {
    if current == 0 {
        return format!(
            "the database has no lcfs-db history (no version applied); check knows only the \
             catalog of head (V{head:03}): run `lcfs-db upgrade` on an empty database, or \
             `lcfs-db adopt` on an LCFS database built by Alembic"
        );
    }
    let what = if current < head {
        "run `lcfs-db upgrade` first"
    } else {
        "check it with the lcfs-db binary that applied that version"
    };
    format!(
        "the database is at version {current}, and check knows only the catalog of head \
         (V{head:03}): {what}"
    )
}
