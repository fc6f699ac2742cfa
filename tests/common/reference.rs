//! The LCFS reference beside the project (`../shared/`): its files, the catalog dump its tools
//! print, and snapshots of a database to compare with another.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use tokio_postgres::Client;

/// `../shared/<relative>` from the project root, which CI provides next to the checkout.
pub fn shared(relative: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    assert!(
        path.exists(),
        "the LCFS reference is expected at {} (`../shared/{relative}` beside the project root); \
         check out the shared reference next to this repository",
        path.display()
    );
    path
}

/// The tables that hold reference rows, from the CSV file names, sorted.
pub fn reference_tables() -> Vec<String> {
    let dir = shared("lcfs-reference/reference-data");
    let mut tables: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    tables.sort();
    tables
}

/// The number of records (header excluded) in `reference-data/<table>.csv`, reading quoted
/// fields, which may hold commas and line breaks, as CSV does.
pub fn csv_records(table: &str) -> usize {
    let path = shared(&format!("lcfs-reference/reference-data/{table}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut records, mut quoted, mut blank_line) = (0, false, true);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                records += usize::from(!blank_line);
                blank_line = true;
                continue;
            }
            _ => {}
        }
        blank_line = false;
    }
    records += usize::from(!blank_line);
    records - 1
}

/// `../shared/tools/catalog.sql`'s JSON description of the database's public schema.
pub fn catalog(url: &str) -> Value {
    let script = shared("tools/catalog.sql");
    let output = Command::new("psql")
        .args(["-X", "-q", "-d", url, "-f"])
        .arg(&script)
        .output()
        .unwrap_or_else(|e| panic!("running psql (is it on PATH?): {e}"));
    assert!(
        output.status.success(),
        "psql -f {} failed: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("catalog.sql's output: {e}"))
}

/// What a migration leaves in a database beyond the catalog dump: the grants on every relation
/// (an ACL that REVOKE brought back to the owner's default stays written out instead of NULL,
/// and counts as the default it equals) and the reference rows of every table (their `now()` timestamps left out; `null` for a table
/// that does not exist yet), keyed by name.
pub async fn contents(db: &Client) -> Value {
    let grants: Value = db
        .query_one(
            "SELECT coalesce(jsonb_object_agg(relname, relacl::text), '{}') FROM pg_class \
             WHERE relnamespace = 'public'::regnamespace AND relacl <> acldefault('r', relowner)",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let mut rows = serde_json::Map::new();
    for table in reference_tables() {
        let exists: bool = db
            .query_one(
                "SELECT to_regclass(format('public.%I', $1::text)) IS NOT NULL",
                &[&table],
            )
            .await
            .unwrap()
            .get(0);
        if !exists {
            rows.insert(table, Value::Null);
            continue;
        }
        let sql = format!(
            "SELECT coalesce(jsonb_agg(to_jsonb(t) - 'create_date' - 'update_date' \
             ORDER BY t::text), '[]') FROM \"{table}\" t"
        );
        let table_rows: Value = db
            .query_one(&sql, &[])
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
            .get(0);
        rows.insert(table, table_rows);
    }
    serde_json::json!({ "grants": grants, "reference_rows": rows })
}

/// Where two JSON documents differ, as `path: left != right` lines, at most `limit` of them.
/// Arrays of named objects (the catalog's tables, columns, constraints…) are matched by name.
pub fn differences(left: &Value, right: &Value, limit: usize) -> Vec<String> {
    let mut found = Vec::new();
    walk("", left, right, &mut found, limit);
    found
}

fn walk(path: &str, left: &Value, right: &Value, found: &mut Vec<String>, limit: usize) {
    if found.len() >= limit || left == right {
        return;
    }
    match (left, right) {
        (Value::Object(l), Value::Object(r)) => {
            let mut keys: Vec<&String> = l.keys().chain(r.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let null = Value::Null;
                let (a, b) = (l.get(key).unwrap_or(&null), r.get(key).unwrap_or(&null));
                walk(&format!("{path}.{key}"), a, b, found, limit);
            }
        }
        (Value::Array(l), Value::Array(r)) if named(l, r) => {
            let name = |v: &Value| v["name"].as_str().unwrap_or_default().to_owned();
            let mut names: Vec<String> = l.iter().chain(r).map(name).collect();
            names.sort();
            names.dedup();
            for n in names {
                let null = Value::Null;
                let a = l.iter().find(|v| name(v) == n).unwrap_or(&null);
                let b = r.iter().find(|v| name(v) == n).unwrap_or(&null);
                walk(&format!("{path}[{n}]"), a, b, found, limit);
            }
        }
        _ => found.push(format!("{path}: {} != {}", brief(left), brief(right))),
    }
}

fn brief(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Whether two arrays hold named objects only, and at least one does.
fn named(left: &[Value], right: &[Value]) -> bool {
    let mut items = left.iter().chain(right).peekable();
    items.peek().is_some() && items.all(|v| v["name"].is_string())
}
