//! Before a run applies anything: objects a DBA made under the name a pending version gives one
//! of its own. The version would fail half way through the run (`relation "ix" already exists`),
//! or skip a `CREATE … IF NOT EXISTS` and leave the DBA's object where ours belongs.

use std::collections::BTreeSet;

use tokio_postgres::{Client, SimpleQueryMessage};

use super::Migration;
use super::history::History;
use crate::catalog::{Kind, head_snapshot};
use crate::schema::{Created, schema};
use crate::{Error, ErrorKind};

/// What each object found answers: the kind of what holds the name, or NULL.
const FOUND: &str = "
SELECT c.version::text, c.kind || ' ' || c.name, f.found, c.kind, c.name,
       (SELECT pg_get_indexdef(k.oid) FROM pg_class k
        WHERE c.kind = 'index' AND k.relnamespace = s.ns AND k.relname = c.obj AND k.relkind = 'i'),
       (SELECT NOT i.indisvalid FROM pg_class k JOIN pg_index i ON i.indexrelid = k.oid
        WHERE k.relnamespace = s.ns AND k.relname = c.obj)
FROM c, LATERAL (SELECT (SELECT oid FROM pg_namespace
                         WHERE nspname = coalesce(c.nsp, current_schema())) AS ns) s,
LATERAL (SELECT CASE
  WHEN c.kind IN ('table', 'view', 'materialized view', 'index', 'sequence', 'enum') THEN coalesce(
    (SELECT CASE k.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                           WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'S' THEN 'sequence'
                           WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'type' ELSE 'table' END
     FROM pg_class k WHERE k.relnamespace = s.ns AND k.relname = c.obj),
    (SELECT 'type' FROM pg_type t WHERE t.typnamespace = s.ns AND t.typname = c.obj))
  WHEN c.kind = 'function' THEN (SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p
                                 WHERE p.pronamespace = s.ns AND p.proname = c.obj LIMIT 1)
  WHEN c.kind = 'trigger' THEN (SELECT 'trigger' FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid
                                WHERE k.relnamespace = s.ns AND k.relname = c.tab AND t.tgname = c.obj)
  WHEN c.kind = 'schema' THEN (SELECT 'schema' FROM pg_namespace WHERE nspname = c.obj)
  WHEN c.kind = 'extension' THEN (SELECT 'extension' FROM pg_extension WHERE extname = c.obj)
  WHEN c.kind = 'role' THEN (SELECT 'role' FROM pg_roles WHERE rolname = c.obj)
  END AS found) f
WHERE f.found IS NOT NULL
ORDER BY c.version, 2";

/// Refuses, before anything is applied, when an object named as one the `pending` migrations
/// create already exists and no version up to `current` made it. Migrations that are not the
/// embedded ones (a hand-made set) are not modelled and not looked at.
pub(crate) async fn refuse_taken_names(
    client: &Client,
    history: History<'_>,
    current: i32,
    pending: &[&Migration],
) -> Result<(), Error> {
    let embedded = super::migrations();
    let modelled: BTreeSet<i32> = pending
        .iter()
        .filter(|m| {
            embedded
                .iter()
                .any(|e| e.version() == m.version() && e.up_sql() == m.up_sql())
        })
        .map(|m| m.version())
        .collect();
    let made = |c: &Created| {
        schema().created.iter().any(|earlier| {
            earlier.version <= current && earlier.kind == c.kind && earlier.name == c.name
        })
    };
    let mut seen = BTreeSet::new();
    let rows: Vec<String> = schema()
        .created
        .iter()
        .filter(|c| modelled.contains(&c.version) && !made(c))
        .filter(|c| seen.insert((c.kind, c.name)))
        .map(values_row)
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    // The simple protocol, as the rest of the preflight: a transaction-mode pooler may not keep
    // a prepared statement; every literal comes from the build's model and is quoted.
    let sql = format!(
        "WITH c(version, kind, name, nsp, obj, tab) AS (VALUES {}){FOUND}",
        rows.join(", ")
    );
    let answer = client
        .simple_query(&sql)
        .await
        .map_err(|e| Error::postgres("looking for objects named as a pending version's", e))?;
    let head = head_snapshot()?;
    let taken: Vec<String> = answer
        .iter()
        .filter_map(|message| match message {
            SimpleQueryMessage::Row(row) => Some(row),
            _ => None,
        })
        // An invalid index is a concurrent build cut short, which the runner drops and builds
        // again; an index defined as ours at head is ours (a no-transaction version that stopped
        // half way built it), or the same index, which the version's `IF NOT EXISTS` keeps.
        .filter(|row| row.get(6) != Some("t"))
        .filter(|row| {
            let ours = (row.get(3) == Some("index"))
                .then(|| head.get(Kind::Index, row.get(4).unwrap_or_default()))
                .flatten()
                .and_then(|index| index.get("definition")?.as_str());
            ours.is_none() || ours != row.get(5)
        })
        .map(|row| {
            format!(
                "V{:0>3} creates {}, and the database already holds {} under that name",
                row.get(0).unwrap_or_default(),
                row.get(1).unwrap_or_default(),
                row.get(2).unwrap_or_default()
            )
        })
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    // A concurrent run that applied a version between the preflight and now made them.
    let now = history.read(client).await?;
    let now = now.iter().flat_map(|a| a.iter()).map(|r| r.version).max();
    if now.unwrap_or(0) != current {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Unmanaged,
        format!(
            "objects made without lcfs-db hold names that pending versions give their own, so \
             those versions would fail (or skip them); nothing was applied: {}. Rename or drop \
             them (`ALTER INDEX … RENAME TO …`, `DROP …`), then run the upgrade again",
            taken.join("; ")
        ),
    ))
}

/// `(version, kind, name, schema, object, table)`: the name split as the catalog writes it.
fn values_row(created: &Created) -> String {
    let (schema, object, table) = match created.kind {
        "schema" | "extension" | "role" => (None, created.name, None),
        "trigger" => {
            let (table, trigger) = created.name.rsplit_once('.').unwrap_or(("", created.name));
            let (schema, table) = split_schema(table);
            (schema, trigger, Some(table))
        }
        _ => {
            let (schema, object) = split_schema(created.name);
            (schema, object, None)
        }
    };
    format!(
        "({}, {}, {}, {}, {}, {})",
        created.version,
        literal(Some(created.kind)),
        literal(Some(created.name)),
        literal(schema),
        literal(Some(object)),
        literal(table)
    )
}

fn split_schema(name: &str) -> (Option<&str>, &str) {
    match name.split_once('.') {
        Some((schema, object)) => (Some(schema), object),
        None => (None, name),
    }
}

/// A text literal (`NULL` for none), quotes doubled; `E''` is never used, so backslashes are
/// plain characters.
fn literal(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("'{}'::text", text.replace('\'', "''")),
        None => "NULL::text".to_owned(),
    }
}
