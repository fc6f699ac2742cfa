//! Sequences that lag behind their table: LCFS loaded reference rows with explicit ids and
//! left some sequences (`fuel_type`, `compliance_period`, `role`, `compliance_report_status`)
//! below the highest id, so their next value is a duplicate key waiting to happen.

use tokio_postgres::Client;

use crate::Error;

/// `SELECT setval(…)` for every sequence in public whose next value is not above the highest
/// value of the column that owns it (leftover tables and a DBA's own tables, `kept`, aside).
pub(crate) async fn lagging(client: &Client, kept: &[String]) -> Result<Vec<String>, Error> {
    let owned = client
        .query(
            "SELECT format('%I', s.sequencename), format('%I', t.relname), format('%I', a.attname),
                    coalesce(s.last_value + s.increment_by, s.start_value)
             FROM pg_sequences s
             JOIN pg_class sc ON sc.relname = s.sequencename
                  AND sc.relnamespace = 'public'::regnamespace
             JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
             JOIN pg_class t ON t.oid = d.refobjid
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
             WHERE s.schemaname = 'public' AND s.increment_by > 0
               AND t.relname <> 'alembic_version'
               AND t.relname NOT LIKE 'charging\\_equipment\\_snapshot\\_%'
               AND t.relname <> ALL($1::text[])
             ORDER BY 1",
            &[&kept],
        )
        .await
        .map_err(|e| Error::postgres("reading the sequences", e))?;
    let mut statements = Vec::new();
    for row in owned {
        let (sequence, table, column): (String, String, String) =
            (row.get(0), row.get(1), row.get(2));
        let next: i64 = row.get(3);
        let highest = format!("SELECT max({column})::bigint FROM {table}");
        let max: Option<i64> = client
            .query_one(&highest, &[])
            .await
            .map_err(|e| Error::postgres(&highest, e))?
            .get(0);
        if max.is_some_and(|max| max >= next) {
            statements.push(format!(
                "SELECT setval('{sequence}', (SELECT max({column}) FROM {table}))"
            ));
        }
    }
    Ok(statements)
}
