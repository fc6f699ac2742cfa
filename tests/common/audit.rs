//! Reading `audit_log` through its generated struct.

use lcfs_db::FromRow;
use lcfs_db::tables::AuditLog;
use tokio_postgres::Client;

/// The newest audit row's id, 0 when there is none: audit rows after it are the test's.
pub async fn audit_mark(db: &Client) -> i32 {
    db.query_one("SELECT coalesce(max(audit_log_id), 0) FROM audit_log", &[])
        .await
        .unwrap()
        .get(0)
}

/// The audit rows written after `mark`, oldest first.
pub async fn audit_since(db: &Client, mark: i32) -> Vec<AuditLog> {
    let sql = format!(
        "{} WHERE audit_log_id > $1 ORDER BY audit_log_id",
        AuditLog::select_sql()
    );
    db.query(&sql, &[&mark])
        .await
        .unwrap()
        .iter()
        .map(|row| AuditLog::from_row(row).unwrap())
        .collect()
}

/// `(table, operation, row_id, delta)` of each audit row after `mark`: what most tests compare.
pub async fn audit_summary(
    db: &Client,
    mark: i32,
) -> Vec<(String, String, serde_json::Value, Option<serde_json::Value>)> {
    audit_since(db, mark)
        .await
        .into_iter()
        .map(|row| (row.table_name, row.operation, row.row_id, row.delta))
        .collect()
}
