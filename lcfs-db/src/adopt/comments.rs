//! LCFS's comments, cleared before ours are set: LCFS has about 940 column comments in its own
//! words, which `check` would report against ours. The leftover tables keep theirs.

use tokio_postgres::Client;

use crate::Error;

/// `COMMENT ON … IS NULL` for every comment in schema public but on the leftover tables and
/// on what a DBA added, `kept`: relations, functions and types named as the catalog names them.
pub(crate) async fn lcfs_comments(client: &Client, kept: &[String]) -> Result<Vec<String>, Error> {
    let sql = "SELECT s FROM (
        SELECT format('COMMENT ON %s %s IS NULL', CASE c.relkind WHEN 'v' THEN 'VIEW'
                 WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX'
                 ELSE 'TABLE' END, c.oid::regclass) AS s, c.relname::text AS kept
        FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass
             AND d.objoid = c.oid AND d.objsubid = 0
        WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> 'alembic_version'
          AND c.relname NOT LIKE 'charging\\_equipment\\_snapshot\\_%'
        UNION ALL
        SELECT format('COMMENT ON COLUMN %s.%I IS NULL', c.oid::regclass, a.attname), c.relname
        FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
        WHERE d.objsubid > 0 AND c.relnamespace = 'public'::regnamespace
          AND c.relname <> 'alembic_version' AND c.relname NOT LIKE 'charging\\_equipment\\_snapshot\\_%'
        UNION ALL
        SELECT format('COMMENT ON CONSTRAINT %I ON %s IS NULL', con.conname, con.conrelid::regclass),
               (SELECT relname::text FROM pg_class WHERE oid = con.conrelid)
        FROM pg_description d JOIN pg_constraint con ON d.classoid = 'pg_constraint'::regclass
             AND d.objoid = con.oid
        WHERE con.connamespace = 'public'::regnamespace AND con.conrelid <> 0
        UNION ALL
        SELECT format('COMMENT ON TRIGGER %I ON %s IS NULL', t.tgname, t.tgrelid::regclass), c.relname
        FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
        JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT format('COMMENT ON FUNCTION %s IS NULL', p.oid::regprocedure),
               p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
        FROM pg_description d JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass
                          AND e.objid = p.oid AND e.deptype = 'e')
        UNION ALL
        SELECT format('COMMENT ON TYPE %s IS NULL', t.oid::regtype), t.typname::text
        FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace
      ) comments WHERE kept <> ALL($1::text[]) ORDER BY s";
    Ok(client
        .query(sql, &[&kept])
        .await
        .map_err(|e| Error::postgres("reading LCFS's comments", e))?
        .iter()
        .map(|row| row.get(0))
        .collect())
}
