//! Reading a live database's catalog with our own queries on `pg_catalog`: read-only, so it
//! runs on a hot standby, and every query answers rows of (kind, name, attributes as jsonb).
//!
//! In scope: every schema but PostgreSQL's own and [`ARCHIVE_SCHEMA`]; objects owned by an
//! extension and the migration history tables (`*schema_history`) are left out. Names outside
//! `public` are schema-qualified.

mod access;
mod relations;
mod routines;

use tokio_postgres::Client;

use super::{Catalog, Kind};
use crate::{Error, ErrorKind};

/// Where `adopt` keeps what Alembic left (`alembic_version`, leftover snapshot tables); not
/// part of the compared catalog.
pub const ARCHIVE_SCHEMA: &str = "alembic_archive";

/// The schemas and relations in scope, as the CTEs `ns` and `rels` every query starts from.
const SCOPE: &str = "WITH ns AS (
  SELECT n.oid, n.nspname,
         CASE WHEN n.nspname = 'public' THEN '' ELSE n.nspname || '.' END AS prefix
  FROM pg_namespace n
  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                    AND d.objid = n.oid AND d.deptype = 'e')
),
rels AS (
  SELECT c.oid, c.relname, c.relkind, c.relowner, c.relacl, ns.prefix || c.relname AS qname
  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
    AND c.relname NOT LIKE '%schema\\_history'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                    WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                      AND d.deptype IN ('a', 'i') AND t.relname LIKE '%schema\\_history')
)
";

/// Reads the catalog of the database behind `client` as it stands, in the caller's
/// transaction and with the caller's `search_path` (names in it are printed unqualified):
/// `adopt` reads inside its own transaction. See [`read_in_transaction`] for a standalone read.
pub async fn read(client: &Client) -> Result<Catalog, Error> {
    let skipped = vec![ARCHIVE_SCHEMA.to_owned()];
    let mut catalog = Catalog::default();
    let queries = routines::QUERIES
        .iter()
        .chain(relations::QUERIES)
        .chain(access::QUERIES);
    for query in queries {
        let sql = format!("{SCOPE}{query}");
        let rows = client
            .query(&sql, &[&skipped])
            .await
            .map_err(|e| Error::postgres("reading the catalog", e))?;
        for row in rows {
            let kind: &str = row.get(0);
            let kind = Kind::parse(kind).ok_or_else(|| {
                Error::new(
                    ErrorKind::Database,
                    format!("unknown catalog kind {kind:?}"),
                )
            })?;
            let attributes = match row.get::<_, serde_json::Value>(2) {
                serde_json::Value::Object(map) => map.into_iter().collect(),
                _ => Default::default(),
            };
            catalog.insert(kind, row.get::<_, String>(1), attributes);
        }
    }
    Ok(catalog)
}

/// Reads the catalog in a read-only transaction of its own, with `search_path` set to
/// `public` only, so every query sees one snapshot and the names print as the snapshot file
/// has them. The client must not be inside a transaction.
pub async fn read_in_transaction(client: &Client) -> Result<Catalog, Error> {
    client
        .batch_execute(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; \
             SELECT set_config('search_path', 'public', true)",
        )
        .await
        .map_err(|e| Error::postgres("starting a read-only transaction", e))?;
    let catalog = read(client).await;
    // Read-only: rolling back loses nothing, and it also ends a failed transaction.
    let _ = client.batch_execute("ROLLBACK").await;
    catalog
}
