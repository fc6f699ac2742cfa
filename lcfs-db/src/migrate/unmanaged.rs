//! A database with no history table is new only if its schema is empty: objects without a
//! history were made by another tool (LCFS's Alembic), and migrating over them would fail half
//! way (`type "actiontypeenum" already exists`) after creating an empty history.

use tokio_postgres::{Client, SimpleQueryMessage};

use super::history::History;
use crate::{Error, ErrorKind};

/// Tables, views and types of the current schema that no extension owns, and whether Alembic's
/// version table is among them; no row when the history table exists by now. One statement, so
/// one snapshot: a concurrent run's first migration commits its objects and the history table
/// together, and is never mistaken for another tool's objects.
const OBJECTS: &str = "\
WITH schema AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = current_schema()),
     owned AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
SELECT s.nspname::text,
       (SELECT count(*) FROM pg_class c WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'f')
           AND (c.tableoid, c.oid) NOT IN (SELECT * FROM owned)),
       (SELECT count(*) FROM pg_class c WHERE c.relnamespace = s.oid AND c.relkind IN ('v', 'm')
           AND (c.tableoid, c.oid) NOT IN (SELECT * FROM owned)),
       (SELECT count(*) FROM pg_type t WHERE t.typnamespace = s.oid AND t.typelem = 0
           AND (t.typtype IN ('e', 'd', 'r')
                OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
           AND (t.tableoid, t.oid) NOT IN (SELECT * FROM owned)),
       EXISTS (SELECT FROM pg_class c WHERE c.relnamespace = s.oid AND c.relname = 'alembic_version')
  FROM schema s
 WHERE to_regclass({history}) IS NULL";

/// Refuses, before anything is created, when the current schema holds tables, views or types.
pub(crate) async fn refuse_objects(client: &Client, history: History<'_>) -> Result<(), Error> {
    // The simple protocol throughout: a transaction-mode pooler may not keep a prepared
    // statement from one request to the next.
    let objects = OBJECTS.replace("{history}", &format!("'{}'", history.table()));
    let answer = client
        .simple_query(&objects)
        .await
        .map_err(|e| Error::postgres("looking for objects made without lcfs-db", e))?;
    let Some(row) = answer.iter().find_map(|message| match message {
        SimpleQueryMessage::Row(row) => Some(row),
        _ => None,
    }) else {
        return Ok(());
    };
    let text = |i: usize| row.get(i).unwrap_or_default();
    let count = |i: usize| text(i).parse::<i64>().unwrap_or_default();
    let (schema, tables, views, types, alembic) =
        (text(0), count(1), count(2), count(3), text(4) == "t");
    let found: Vec<String> = [(tables, "table"), (views, "view"), (types, "type")]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!("{count} {what}{}", if count == 1 { "" } else { "s" }))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    let what_to_do = match alembic {
        true => {
            "it has an `alembic_version` table: an LCFS database built by Alembic is brought \
                 under lcfs-db with `lcfs-db adopt`, which checks its schema and records its version"
        }
        false => {
            "if it is an LCFS database built by Alembic, bring it under lcfs-db with \
                  `lcfs-db adopt`; otherwise migrate an empty database or schema"
        }
    };
    Err(Error::new(
        ErrorKind::Unmanaged,
        format!(
            "the database has no history table {}, but schema {schema} already holds {}: they \
             were not made by lcfs-db, and nothing was created or applied; {what_to_do}",
            history.table(),
            found.join(", ")
        ),
    ))
}
