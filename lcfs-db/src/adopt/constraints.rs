//! The check constraints we have and LCFS lacks (docs/differences.md), added with the
//! definition the snapshot of head holds; rows that would violate one stop the adoption before
//! anything changes, listed by primary key so the operator can fix them.

use tokio_postgres::Client;

use super::inspect::refused;
use crate::Error;
use crate::catalog::{Kind, added_objects, head_snapshot};

/// How many violating rows a refusal lists.
const LISTED: i64 = 20;

/// `ALTER TABLE … ADD CONSTRAINT … CHECK (…)` for each added check; refuses when rows violate
/// one.
pub(crate) async fn added_checks(client: &Client) -> Result<Vec<String>, Error> {
    let head = head_snapshot()?;
    let mut statements = Vec::new();
    let mut violations = Vec::new();
    for (row, kind, name) in added_objects().filter(|(_, kind, _)| *kind == Kind::Constraint) {
        let definition = head
            .get(kind, name)
            .and_then(|a| a.get("definition"))
            .and_then(|d| d.as_str())
            .ok_or_else(|| {
                Error::new(
                    crate::ErrorKind::Config,
                    format!("docs/differences.md row {row} names constraint {name}, which the snapshot of head lacks"),
                )
            })?;
        let (table, constraint) = name
            .split_once('.')
            .expect("constraint names are table.name");
        let Some(expression) = definition.strip_prefix("CHECK ") else {
            continue;
        };
        let key = primary_key(client, table).await?;
        let sql = format!(
            "SELECT count(*) OVER (), concat_ws(', ', {key})::text FROM {table} \
             WHERE NOT {expression} ORDER BY {key} LIMIT {LISTED}"
        );
        let rows = client
            .query(&sql, &[])
            .await
            .map_err(|e| Error::postgres(&sql, e))?;
        if let Some(first) = rows.first() {
            let total: i64 = first.get(0);
            let keys: Vec<String> = rows.iter().map(|r| r.get(1)).collect();
            violations.push(format!(
                "{total} rows of {table} violate {constraint} {definition} ({key} = {}{})",
                keys.join("; "),
                if total > LISTED { "; …" } else { "" }
            ));
        }
        statements.push(format!(
            "ALTER TABLE {table} ADD CONSTRAINT {constraint} {definition}"
        ));
    }
    if !violations.is_empty() {
        return Err(refused(format!(
            "existing rows violate a check constraint that lcfs-db adds: {}. Correct or remove \
             those rows, then run adopt again",
            violations.join("; ")
        )));
    }
    Ok(statements)
}

async fn primary_key(client: &Client, table: &str) -> Result<String, Error> {
    let row = client
        .query_one(
            "SELECT string_agg(format('%I', a.attname), ', ' ORDER BY k.ord)
             FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, ord), pg_attribute a
             WHERE i.indrelid = format('public.%I', $1::text)::regclass AND i.indisprimary
               AND a.attrelid = i.indrelid AND a.attnum = k.attnum",
            &[&table],
        )
        .await
        .map_err(|e| Error::postgres(format!("reading the primary key of {table}"), e))?;
    Ok(row
        .get::<_, Option<String>>(0)
        .unwrap_or_else(|| "ctid".to_owned()))
}
