//! Whether the database is one `adopt` may take over at all: not empty, not already managed
//! by lcfs-db (an empty history table, as a failed `upgrade` leaves, does not count), and
//! Alembic-managed at LCFS's head. Each refusal says what was found and what
//! to do.

use tokio_postgres::Client;

use crate::catalog::LCFS_REVISION;
use crate::{Error, ErrorKind};

/// Refuses unless the database holds an `alembic_version` at [`LCFS_REVISION`] and no history.
pub(crate) async fn adoptable(client: &Client) -> Result<(), Error> {
    let query = |sql: &'static str| async move {
        client
            .query(sql, &[])
            .await
            .map_err(|e| Error::postgres("inspecting the database", e))
    };
    let history = query(
        "SELECT n.nspname || '.' || c.relname FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p') AND c.relname LIKE '%schema\\_history' \
         AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
    )
    .await?;
    for row in &history {
        let table: String = row.get(0);
        let count = format!("SELECT count(*) FROM {table}");
        let versions: i64 = client
            .query_one(&count, &[])
            .await
            .map_err(|e| Error::postgres(&count, e))?
            .get(0);
        // An empty history is what an `upgrade` that failed on this database leaves behind.
        if versions > 0 {
            return Err(refused(format!(
                "lcfs-db already manages this database (its history table {table} records \
                 {versions} versions): there is nothing to adopt. Use `lcfs-db status`, \
                 `lcfs-db upgrade` and `lcfs-db check`"
            )));
        }
    }
    let objects: i64 = query(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')",
    )
    .await?[0]
        .get(0);
    if objects == 0 {
        return Err(refused(
            "the database is empty (no table, view or sequence in schema public): there is no \
             LCFS database to adopt. Create the schema with `lcfs-db upgrade` instead",
        ));
    }
    let version = query("SELECT to_regclass('public.alembic_version') IS NOT NULL").await?;
    if !version[0].get::<_, bool>(0) {
        return Err(refused(format!(
            "the database holds {objects} tables, views or sequences in schema public but no \
             alembic_version table and no lcfs-db history: it is neither an Alembic-managed \
             LCFS database nor an lcfs-db one, and adopt takes over only LCFS at Alembic \
             revision {LCFS_REVISION}"
        )));
    }
    let revisions: Vec<String> = query("SELECT version_num::text FROM public.alembic_version")
        .await?
        .iter()
        .map(|row| row.get(0))
        .collect();
    if revisions != [LCFS_REVISION] {
        return Err(refused(format!(
            "alembic_version holds {revisions:?}; adopt knows LCFS only at Alembic revision \
             {LCFS_REVISION} (LCFS's head). Bring the database there with LCFS's own tooling \
             (`alembic upgrade {LCFS_REVISION}`), then run adopt again"
        )));
    }
    Ok(())
}

/// An error of kind [`ErrorKind::Refused`]; nothing was changed.
pub(crate) fn refused(message: impl Into<String>) -> Error {
    Error::new(
        ErrorKind::Refused,
        format!("adopt refused, nothing was changed: {}", message.into()),
    )
}
