//! A database with no history table is new only if its schema is empty: objects without a
//! history were made by another tool (LCFS's Alembic), and migrating over them would fail half
//! way (`type "actiontypeenum" already exists`) after creating an empty history.
//! A run decides this only under the migration lock, in the transaction that then creates the
//! history table ([`Prepare::Create`]): no other run can be creating objects at that moment, so a
//! database in the middle of another run's first migration is never taken for another tool's.

use tokio_postgres::{Client, SimpleQueryMessage};

use super::history::History;
use crate::{Error, ErrorKind};

/// Tables, views and types of the current schema that no extension owns, and whether Alembic's
/// version table is among them; no row when the history table exists. One statement, so one
/// snapshot, and the history table looked up in `pg_class` under that snapshot rather than by
/// `to_regclass`, whose catalog cache may still miss a table that the snapshot's objects came
/// with. `{schemas}` is where an unqualified history table is looked for.
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
 WHERE NOT EXISTS (SELECT FROM pg_class h JOIN pg_namespace n ON n.oid = h.relnamespace
                    WHERE h.relname = {name} AND n.nspname = ANY ({schemas}))";

/// What a run's first migration does to the history table, under the migration lock and before
/// it reads the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prepare {
    /// The table is missing as the run started: refuse another tool's objects, else create it
    /// (or find it, made meanwhile by another run).
    Create,
    /// An older version made the table: add the `class` column.
    AddClass,
}

impl Prepare {
    /// Runs under the migration lock, in the transaction of the migration that follows, or for
    /// a no-transaction migration in its session: either way no other run is making objects.
    pub async fn under_lock(self, client: &Client, history: History<'_>) -> Result<(), Error> {
        let sql = match self {
            Prepare::Create => {
                refuse_objects(client, history).await?;
                history.create_sql()
            }
            Prepare::AddClass => history.add_class_sql(),
        };
        client
            .batch_execute(&sql)
            .await
            .map_err(|e| Error::postgres("preparing the history table", e))
    }
}

/// Refuses, before anything is created, when the history table is missing and the current
/// schema holds tables, views or types. Outside the migration lock it only reports (a run's
/// nothing-to-do, `verify`, previews): what it sees is one committed state, but a run may be
/// creating the history table just then.
pub(crate) async fn refuse_objects(client: &Client, history: History<'_>) -> Result<(), Error> {
    // The simple protocol throughout: a transaction-mode pooler may not keep a prepared
    // statement from one request to the next.
    let (schemas, name) = match history.table().split_once('.') {
        Some((schema, name)) => (format!("ARRAY['{schema}']::name[]"), name),
        None => ("current_schemas(false)".to_owned(), history.table()),
    };
    let objects = OBJECTS
        .replace("{name}", &format!("'{name}'"))
        .replace("{schemas}", &schemas);
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
